import { VersionInfo } from '@start9labs/start-sdk'

/** The first release: the admin password was stored as `password`. */
export const v1_0_0 = VersionInfo.of({
  version: '1.0.0:0',
  releaseNotes: 'Initial release',
  migrations: {},
})
