import { IMPOSSIBLE, VersionInfo } from '@start9labs/start-sdk'

/** The first release: nothing to migrate from, and no way back. */
export const v1_0_0 = VersionInfo.of({
  version: '1.0.0:0',
  releaseNotes: 'First release',
  migrations: {
    up: async () => {},
    down: IMPOSSIBLE,
  },
})
