export { setupManifest } from './setupManifest'
export { VERSION_SOURCE_KEY, buildManifest } from './buildManifest'
export { OSVersion, SDK_VERSION } from './constants'
export type {
  ManifestVersionSource,
  RejectRemovedKeys,
  RemovedAlerts,
  RemovedNestedRuntime,
} from './types'
export type { ManifestProblem } from './problems'
