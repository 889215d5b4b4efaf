import { configYaml } from '../fileModels/config.yaml'
import { metricsToml } from '../fileModels/metrics.toml'
import { storeJson } from '../fileModels/store.json'
import { sdk } from '../sdk'
import { randomSecret } from '../utils'
import { configure } from '../actions/configure'

/**
 * On a fresh install: write every file with its defaults (the schemas' `.catch` values fill
 * what `merge` leaves out), pick an admin password, and ask the user to review the settings.
 */
export const seedFiles = sdk.setupOnInit(async (effects, kind) => {
  if (kind !== 'install') return
  await storeJson.merge(effects, { adminPassword: randomSecret() })
  await configYaml.merge(effects, {})
  await metricsToml.merge(effects, {})
  await sdk.action.createOwnTask(effects, configure, 'important', {
    reason: 'Choose a site title and where attachments are stored',
  })
})
