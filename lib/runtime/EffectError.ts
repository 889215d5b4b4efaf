/** Why an effect call failed: the host answered with an error, or no usable reply came back. */
export type EffectFailure = 'host' | 'malformed' | 'transport'

/** Fields of an {@link EffectError} besides its message. */
export interface EffectErrorInit {
  method: string
  failure: EffectFailure
  code?: number | null
  hostMessage?: string | null
  details?: string | null
  debug?: string | null
  cause?: unknown
}

/**
 * A failed effect call on `host.sock`.
 *
 * For a host error reply, `code` is the host's numeric error kind (6 Not Found, 36
 * Action, …), `hostMessage` its message, `details` and `debug` its `data`. For a
 * malformed reply or a socket failure, `code` is `null` and `cause` holds the reason.
 */
export class EffectError extends Error {
  readonly method: string
  readonly failure: EffectFailure
  readonly code: number | null
  readonly hostMessage: string | null
  readonly details: string | null
  readonly debug: string | null

  constructor(message: string, init: EffectErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause })
    this.name = 'EffectError'
    this.method = init.method
    this.failure = init.failure
    this.code = init.code ?? null
    this.hostMessage = init.hostMessage ?? null
    this.details = init.details ?? null
    this.debug = init.debug ?? null
  }
}
