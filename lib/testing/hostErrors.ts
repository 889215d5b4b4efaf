/** The host `ErrorKind` numbers the simulator answers with, and their names. */
export const HOST_ERROR_KINDS = {
  Unknown: 1,
  Filesystem: 2,
  NotFound: 6,
  Deserialization: 12,
  Action: 36,
  InvalidRequest: 38,
} as const

/** A host error kind's name. */
export type HostErrorKind = keyof typeof HOST_ERROR_KINDS

const MESSAGES: Record<HostErrorKind, string> = {
  Unknown: 'Unknown Error',
  Filesystem: 'Filesystem I/O Error',
  NotFound: 'Not Found',
  Deserialization: 'Deserialization Error',
  Action: 'Action Failed',
  InvalidRequest: 'Invalid Request',
}

/** The error object of a reply, as StartOS' host writes it. */
export interface HostErrorObject {
  code: number
  message: string
  data?: unknown
}

/**
 * An error an effect handler throws; it becomes a reply whose `message` is the kind's name and
 * whose `data.details` says what was wrong, as the host's errors do.
 */
export class HostError extends Error {
  readonly kind: HostErrorKind
  readonly details: string

  constructor(kind: HostErrorKind, details: string) {
    super(`${MESSAGES[kind]}: ${details}`)
    this.name = 'HostError'
    this.kind = kind
    this.details = details
  }

  /** The wire error object: code, kind name, and `{ details, debug, info }`. */
  toJSON(): HostErrorObject {
    return {
      code: HOST_ERROR_KINDS[this.kind],
      message: MESSAGES[this.kind],
      data: { details: this.details, debug: this.message, info: null },
    }
  }
}

/** JSON-RPC framework errors, which carry a string `data` on the host. */
export function frameworkError(
  code: -32700 | -32600 | -32601 | -32602,
  data: string,
): HostErrorObject {
  const message = {
    [-32700]: 'Parse error',
    [-32600]: 'Invalid Request',
    [-32601]: 'Method not found',
    [-32602]: 'Invalid params',
  }[code]
  return { code, message, data }
}

/** Any thrown value as a wire error object (a handler's own bug becomes kind Unknown). */
export function toHostError(thrown: unknown): HostErrorObject {
  if (thrown instanceof HostError) return thrown.toJSON()
  const text = thrown instanceof Error ? thrown.message : String(thrown)
  return new HostError('Unknown', text).toJSON()
}
