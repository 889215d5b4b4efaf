import { VersionInfo } from '@start9labs/start-sdk'
import { sdk } from '../sdk'

/** Renames `password` to `adminPassword` in store.json, as 1.1.0 reads it. */
async function renameKey(from: string, to: string): Promise<void> {
  const text = await sdk.volumes.main.readFile('store.json', 'utf8')
  const store = JSON.parse(String(text)) as Record<string, unknown>
  if (!(from in store)) return
  store[to] = store[from]
  delete store[from]
  await sdk.volumes.main.writeFile('store.json', JSON.stringify(store, null, 2))
}

/** 1.1.0: the admin password is called `adminPassword`. */
export const v1_1_0 = VersionInfo.of({
  version: '1.1.0:0',
  releaseNotes: 'Admin password renamed; timestamping with Bitcoin Core',
  migrations: {
    up: async () => renameKey('password', 'adminPassword'),
    down: async () => renameKey('adminPassword', 'password'),
  },
})
