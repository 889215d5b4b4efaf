import { storeJson } from './fileModels/store.json'
import { sdk } from './sdk'

/** Bitcoin Core is needed, and must be running, only while timestamping is on. */
export const setDependencies = sdk.setupDependencies(async ({ effects }) => {
  const timestamps = await storeJson
    .read((s) => s.timestamps.enabled)
    .const(effects)
  if (!timestamps) return {}
  return {
    bitcoind: {
      kind: 'running',
      versionRange: '>=27.0.0:0',
      healthChecks: ['rpc'],
    },
  }
})
