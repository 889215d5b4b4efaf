/**
 * Every error the runtime answers with on `service.sock`, by name, with its wire code.
 *
 * - `invalidRequest`: the message is not an object with a string `method` (batches
 *   included) or its `id` is not a string, number or null. The host reads −32602 as a
 *   deserialization error.
 * - `methodNotFound`: the method is not one the runtime serves.
 * - `rejected`: the runtime refused the request: a line that is not JSON, a line over the
 *   length limit, params that fail the method's check, or a method that needs `init` first.
 * - `failed`: the handler threw or rejected. A procedure may pick its own code instead by
 *   throwing `{ error, code }`.
 */
export const RPC_ERROR_CODES = {
  invalidRequest: -32602,
  methodNotFound: -32601,
  rejected: 1,
  failed: 0,
} as const

/** The name of an entry of {@link RPC_ERROR_CODES}. */
export type RpcErrorName = keyof typeof RPC_ERROR_CODES

const NAMES_BY_CODE: ReadonlyMap<number, RpcErrorName> = new Map(
  (Object.keys(RPC_ERROR_CODES) as RpcErrorName[]).map((name) => [
    RPC_ERROR_CODES[name],
    name,
  ]),
)

/** The name of a runtime error code, or `undefined` for a code only a package uses. */
export function rpcErrorName(code: number): RpcErrorName | undefined {
  return NAMES_BY_CODE.get(code)
}

/** The `data` member of a runtime error reply: what the host shows, and a stack for its logs. */
export interface RpcErrorData {
  details: string
  debug?: string
}

/** The error object of a JSON-RPC reply as it goes on the wire. */
export interface RpcErrorObject {
  code: number
  message: string
  data: RpcErrorData
}

/** A JSON-RPC error the runtime answers with: a code, a short message and details. */
export class RpcError extends Error {
  readonly code: number
  readonly data: RpcErrorData

  constructor(code: number, message: string, data: RpcErrorData) {
    super(message)
    this.name = 'RpcError'
    this.code = code
    this.data = data
  }

  /** Builds the error registered under `name` in {@link RPC_ERROR_CODES}. */
  static of(
    name: RpcErrorName,
    message: string,
    details: string,
    debug?: string,
  ): RpcError {
    const data: RpcErrorData = { details }
    if (debug !== undefined) data.debug = debug
    return new RpcError(RPC_ERROR_CODES[name], message, data)
  }

  /** The wire form: `{ code, message, data }`. */
  toJSON(): RpcErrorObject {
    return { code: this.code, message: this.message, data: this.data }
  }
}

/** Which kind of call threw, deciding how {@link toRpcError} reads the thrown value. */
export type ThrowSite = 'handler' | 'procedure'

/** Codes JSON-RPC reserves; the host retries on −32603, so a package may not pick these. */
function isReservedCode(code: number): boolean {
  return code >= -32768 && code <= -32000
}

/** Text of any thrown value, never throwing itself (`Error: boom`, `"x"`, `{"a":1}`). */
export function describeThrown(thrown: unknown): string {
  try {
    if (thrown instanceof Error) return String(thrown)
    if (typeof thrown === 'string') return thrown
    if (typeof thrown === 'object' && thrown !== null) {
      const text = String(thrown)
      if (text !== '[object Object]') return text
      return JSON.stringify(thrown) ?? text
    }
    return String(thrown)
  } catch {
    return Object.prototype.toString.call(thrown)
  }
}

/** Said when a procedure threw something with no text at all (`throw ''`). */
const EMPTY_THROW =
  'The procedure failed with an empty error (it threw an empty string or message)'

function messageOf(thrown: unknown): string {
  if (thrown instanceof Error) {
    return thrown.message !== '' ? thrown.message : thrown.name || EMPTY_THROW
  }
  return describeThrown(thrown) || EMPTY_THROW
}

function stackOf(thrown: unknown): string | undefined {
  try {
    const stack = (thrown as { stack?: unknown } | null)?.stack
    return typeof stack === 'string' ? stack : undefined
  } catch {
    return undefined
  }
}

/** Reads a procedure's `{ error: string, code?: number }` throw, if that is what `thrown` is. */
function packageError(thrown: unknown): RpcError | undefined {
  if (typeof thrown !== 'object' || thrown === null) return undefined
  const { error, code } = thrown as { error?: unknown; code?: unknown }
  if (typeof error !== 'string') return undefined
  const valid =
    typeof code === 'number' &&
    Number.isSafeInteger(code) &&
    !isReservedCode(code)
  return new RpcError(
    valid ? code : RPC_ERROR_CODES.failed,
    error || EMPTY_THROW,
    {
      details: error,
    },
  )
}

/**
 * Turns anything a handler or procedure threw into the error to answer with.
 *
 * An {@link RpcError} passes through. From a procedure, `{ error, code }` keeps its message
 * and code (code 0 when absent or reserved). Everything else becomes a `failed` error
 * whose message is the thrown error's message and whose `data` holds its text and stack.
 */
export function toRpcError(
  thrown: unknown,
  site: ThrowSite = 'handler',
): RpcError {
  if (thrown instanceof RpcError) return thrown
  if (site === 'procedure') {
    const fromPackage = packageError(thrown)
    if (fromPackage !== undefined) return fromPackage
  }
  let message: string
  try {
    message = messageOf(thrown)
  } catch {
    message = describeThrown(thrown) || EMPTY_THROW
  }
  return RpcError.of('failed', message, describeThrown(thrown), stackOf(thrown))
}
