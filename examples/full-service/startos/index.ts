import { buildManifest } from '@start9labs/start-sdk'
import { manifest as sdkManifest } from './manifest'
import { versionGraph } from './versions'

export { actions } from './actions'
export { createBackup } from './backups'
export { init, uninit } from './init'
export { main } from './main'

/** The complete manifest StartOS reads (versions and defaults filled in). */
export const manifest = buildManifest(versionGraph, sdkManifest)
