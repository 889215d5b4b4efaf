import type { Logger } from './log'
import { PARAMS, ParamsError, isMethodName } from './params'
import type { MethodName, MethodParams } from './params'
import { RpcError, describeThrown, toRpcError } from './rpcErrors'

/** A JSON-RPC request id as the runtime accepts it. */
export type RpcId = string | number | null

/** What a handler can learn and arrange about the request it serves. */
export interface RequestContext {
  /** The request's id; `undefined` for a notification, which gets no reply. */
  readonly id: RpcId | undefined
  /** Runs `fn` once the reply is flushed, or dropped because the connection closed. */
  afterReply(fn: () => void): void
}

/**
 * The runtime's work behind each method, receiving params already checked.
 *
 * A handler may throw or reject; the server turns that into an error reply (or a log line
 * for notifications), so nothing a handler does can end the process.
 */
export type RpcHandlers = {
  [M in MethodName]: (
    params: MethodParams[M],
    context: RequestContext,
  ) => unknown
}

/** What handling one line produced: the reply text (if any) and the after-reply hooks. */
export interface Outcome {
  reply: string | undefined
  afterReply: (() => void)[]
}

/** Shared by every line a server handles. */
export interface DispatchOptions {
  handlers: RpcHandlers
  log: Logger
}

const PREVIEW = 80
const MAX_DETAILS = 1024

function preview(text: string): string {
  return text.length > PREVIEW
    ? `${JSON.stringify(text.slice(0, PREVIEW))}... (${text.length} characters)`
    : JSON.stringify(text)
}

/** Serialises an error reply; `id` must already be a valid id. */
export function errorReply(id: RpcId, error: RpcError): string {
  return JSON.stringify({ jsonrpc: '2.0', id, error: error.toJSON() })
}

function resultReply(id: RpcId, method: string, result: unknown): string {
  let body: string | undefined
  try {
    body = JSON.stringify(result)
  } catch (thrown) {
    const error = RpcError.of(
      'failed',
      `The result of ${method} is not JSON`,
      describeThrown(thrown),
    )
    return errorReply(id, error)
  }
  // undefined, functions and symbols have no JSON form; the host needs a `result` member.
  return `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":${body ?? 'null'}}`
}

function isRpcId(value: unknown): value is RpcId {
  return (
    value === null || typeof value === 'string' || typeof value === 'number'
  )
}

function invalidRequest(message: unknown): RpcError {
  let shown: string
  try {
    shown = preview(JSON.stringify(message) ?? 'undefined')
  } catch {
    shown = typeof message
  }
  return RpcError.of(
    'invalidRequest',
    'Invalid request: expected an object with a string `method` and an `id` that is a string, number or null',
    `Got ${shown}`,
  )
}

/** A request that passed every check, ready for its handler. */
interface Checked {
  method: MethodName
  params: unknown
  /** The id to answer with; `undefined` for a notification (no `id` member). */
  id: RpcId | undefined
}

/** Parses a line and checks it as a request; returns the error reply text when it is not one. */
function check(line: string): Checked | string {
  let message: unknown
  try {
    message = JSON.parse(line)
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown)
    const details = `${reason}, in line ${preview(line)}`
    return errorReply(null, RpcError.of('rejected', 'Invalid JSON', details))
  }
  if (
    typeof message !== 'object' ||
    message === null ||
    Array.isArray(message)
  ) {
    return errorReply(null, invalidRequest(message))
  }
  const request = message as Record<string, unknown>
  const hasId = Object.prototype.hasOwnProperty.call(request, 'id')
  const id = hasId ? request.id : null
  if (!isRpcId(id)) return errorReply(null, invalidRequest(message))
  const method = request.method
  if (typeof method !== 'string') {
    return errorReply(id, invalidRequest(message))
  }
  if (!isMethodName(method)) {
    const details =
      method.length > MAX_DETAILS
        ? `${method.slice(0, MAX_DETAILS)}...`
        : method
    const text = `Method not found: ${preview(method)}`
    return errorReply(id, RpcError.of('methodNotFound', text, details))
  }
  try {
    const params = PARAMS[method](request.params)
    return { method, params, id: hasId ? id : undefined }
  } catch (thrown) {
    const details =
      thrown instanceof ParamsError ? thrown.message : describeThrown(thrown)
    const text = `Invalid params for ${method}`
    return errorReply(id, RpcError.of('rejected', text, details))
  }
}

/**
 * Handles one line: parses it, checks the request and its params, runs the handler and
 * serialises the reply. Never rejects.
 *
 * Every line that is not a well-formed request is answered, even without an `id`.
 * Well-formed notifications (no `id` member) and every `callback` get no reply; their
 * failures are logged.
 */
export async function handleLine(
  line: string,
  options: DispatchOptions,
): Promise<Outcome> {
  const afterReply: (() => void)[] = []
  const checked = check(line)
  if (typeof checked === 'string') return { reply: checked, afterReply }
  const { method, params, id } = checked
  const silent = method === 'callback' || id === undefined
  const context: RequestContext = {
    id,
    afterReply: (fn) => {
      afterReply.push(fn)
    },
  }
  const handler = options.handlers[method] as (
    params: unknown,
    context: RequestContext,
  ) => unknown
  let reply: string | undefined
  try {
    const result = await handler(params, context)
    if (!silent) reply = resultReply(id, method, result)
  } catch (thrown) {
    const site =
      method === 'execute' || method === 'sandbox' ? 'procedure' : 'handler'
    const error = toRpcError(thrown, site)
    if (!silent) reply = errorReply(id, error)
    else options.log.error(`${method} failed: ${error.data.details}`)
  }
  return { reply, afterReply }
}
