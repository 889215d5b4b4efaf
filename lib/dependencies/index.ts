export { setupDependencies } from './setupDependencies'
export { checkDependencies } from './checkDependencies'
export type { CheckDependencies } from './checkDependencies'
export { mountDependency } from './mountDependency'
export type {
  DependencyIdMap,
  DependencyMountOptions,
  DependencyOpts,
} from './mountDependency'
export type {
  DependencyManifestLike,
  DependencyVolumesManifestLike,
} from './manifestLike'
export type {
  CurrentDependenciesResult,
  OptionalDependencies,
  RejectUnknownDependencies,
  RequiredDependencies,
  ValidateDependencies,
  ValidateVersionRanges,
} from './types'
