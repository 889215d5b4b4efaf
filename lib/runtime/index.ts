export { createRpcServer } from './server'
export type { RpcServer, RpcServerOptions } from './server'
export { listenUnixSocket } from './unixSocket'
export type { UnixListener, UnixSocketOptions } from './unixSocket'
export { serveConnection } from './connection'
export type { ConnectionOptions } from './connection'
export { handleLine } from './dispatch'
export type {
  Outcome,
  RequestContext,
  RpcHandlers,
  RpcId,
  DispatchOptions,
} from './dispatch'
export { LineSplitter, MAX_LINE_BYTES, writeLine } from './transport'
export type { Channel } from './transport'
export {
  RPC_ERROR_CODES,
  RpcError,
  describeThrown,
  rpcErrorName,
  toRpcError,
} from './rpcErrors'
export type {
  RpcErrorData,
  RpcErrorName,
  RpcErrorObject,
  ThrowSite,
} from './rpcErrors'
export { PARAMS, ParamsError, isMethodName } from './params'
export type {
  CallbackParams,
  EvalParams,
  ExecuteParams,
  ExitParams,
  InitParams,
  MethodName,
  MethodParams,
} from './params'
export { parseProcedure } from './procedure'
export type { Procedure } from './procedure'
export { createLogger, isDevEnvironment, silentLogger } from './log'
export type { LogLevel, Logger, LoggerOptions } from './log'
export { CallbackContext } from './context'
export type { CallbackFn } from './context'
export { EffectError } from './EffectError'
export type { EffectErrorInit, EffectFailure } from './EffectError'
export { createEffects, createHostClient } from './effectsClient'
export type {
  EffectsOptions,
  HostClient,
  HostClientOptions,
} from './effectsClient'
export { createLifecycle } from './lifecycle'
export type { Lifecycle, LifecycleOptions } from './lifecycle'
export { parseArgs, runMain, startRuntime } from './main'
export type { RuntimeArgs, RuntimeProcess } from './main'
