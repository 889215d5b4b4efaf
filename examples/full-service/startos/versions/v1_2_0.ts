import { VersionInfo } from '@start9labs/start-sdk'
import { rm } from 'node:fs/promises'
import { configYaml } from '../fileModels/config.yaml'
import { metricsToml } from '../fileModels/metrics.toml'
import { storeJson } from '../fileModels/store.json'
import { sdk } from '../sdk'
import { randomSecret } from '../utils'

/** 1.2.0: a metrics exporter, configured in metrics.toml. */
export const v1_2_0 = VersionInfo.of({
  version: '1.2.0:0',
  releaseNotes: 'Metrics exporter; peer gossip over a port range',
  migrations: {
    up: async ({ effects }) => {
      await metricsToml.merge(effects, {})
    },
    down: async () => {
      await rm(sdk.volumes.main.subpath('metrics.toml'), { force: true })
      await rm(sdk.volumes.main.subpath('metrics.prom'), { force: true })
    },
    other: {
      // The 0.9 community package kept notes in a text file, one per line; there is no
      // way back to it (no `down`).
      '>=0.9.0:0 && <1.0.0:0': {
        up: async ({ effects }) => {
          const legacy = String(
            await sdk.volumes.main.readFile('notes.txt', 'utf8'),
          )
          const at = new Date().toISOString()
          const notes = legacy
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((text) => JSON.stringify({ text, at }) + '\n')
          await sdk.volumes.db.writeFile('notes.jsonl', notes.join(''))
          await rm(sdk.volumes.main.subpath('notes.txt'))
          await storeJson.merge(effects, { adminPassword: randomSecret() })
          await configYaml.merge(effects, {})
          await metricsToml.merge(effects, {})
        },
      },
    },
  },
})
