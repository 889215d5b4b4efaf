export { SubContainer } from './SubContainer'
export type { SubContainerFactories } from './SubContainer'
export { SubContainerEager } from './SubContainerEager'
export { SubContainerLazy } from './SubContainerLazy'
export { Mounts } from './Mounts'
export { ExitError } from './ExitError'
export type { ExitResult } from './ExitError'
export { DEFAULT_EXEC_TIMEOUT_MS } from './commands'
export { TEARDOWN_GRACE_MS } from './core'
export { signalProcessGroup } from './processes'
export type {
  CommandOptions,
  ExecOptions,
  ExecOutput,
  ExecResult,
  StdioOptions,
  SubContainerImage,
  WriteFileData,
  WriteFileOptions,
} from './types'
export type {
  IdMap,
  MountArray,
  MountOptions,
  MountOptionsAssets,
  MountOptionsPointer,
  MountOptionsVolume,
  SharedOptions,
  VolumeOpts,
} from './mountTypes'
