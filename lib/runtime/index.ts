export { createRpcServer } from './server'
export type { RpcServer, RpcServerOptions } from './server'
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
