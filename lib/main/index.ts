export { CommandController, runCommand } from './CommandController'
export { DEFAULT_SIGTERM_TIMEOUT, resolveCommand } from './commandLine'
export { Daemon, Oneshot } from './Daemon'
export { Daemons } from './Daemons'
export {
  DEFAULT_FAILURES_BEFORE_PAUSE,
  DEFAULT_GRACE_PERIOD,
  EXIT_SUCCESS,
  HealthDaemon,
} from './HealthDaemon'
export { DaemonsReconciler } from './reconciler'
export { configHash } from './configHash'
export { setupMain } from './setupMain'
export {
  materializeEntry,
  stopInReverseOrder,
  validateEntries,
} from './materialize'
export type {
  AddDaemonParams,
  AddHealthCheckParams,
  AddOneshotParams,
  DaemonCommandType,
  DaemonEntry,
  DaemonExit,
  DaemonsBuilder,
  DaemonsChain,
  ErrorDuplicateId,
  ExecCommandOptions,
  ExecFnOptions,
  NewDaemonParams,
  OptionalParamAsync,
  OptionalParamSync,
  Ready,
  ValidId,
} from './types'
export { HealthCheck } from './standaloneHealthCheck'
export type { HealthCheckParams } from './standaloneHealthCheck'
