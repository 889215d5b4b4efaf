export { HostSimulator } from './hostSimulator'
export type { HostSimulatorOptions, SimPackageOptions } from './hostSimulator'
export {
  ServiceDriver,
  ServiceDriverError,
  driverActions,
} from './serviceDriver'
export type { InitKind } from './serviceDriver'
export { serviceSocketSink } from './callbacks'
export type { CallbackSink, SentCallback, SocketSink } from './callbacks'
export type { RecordedCall } from './recorder'
export type { SimNetwork } from './context'
export type {
  SimActionHandler,
  SimBinding,
  SimHost,
  SimNotification,
  SimPackage,
  SimRange,
} from './state'
export { simManifest } from './state'
export { HOST_ERROR_KINDS, HostError } from './hostErrors'
export type { HostErrorKind, HostErrorObject } from './hostErrors'
export { MAX_RANGE_PORTS } from './effects/net'
export { newEventId } from './ids'
export { spawnRuntime } from './spawnRuntime'
export type { RuntimeHandle, SpawnRuntimeOptions } from './spawnRuntime'
export { installLauncher } from './launcher/install'
export type { LauncherOptions } from './launcher/install'
export { chrootIsolation } from './launcher/isolation'
export type { ChrootSupport, Isolation } from './launcher/isolation'
