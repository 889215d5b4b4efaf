import { SdkError } from '../errors'

/** Why an effect call failed: the host answered with an error, or no usable reply came back. */
export type EffectFailure = 'host' | 'malformed' | 'transport'

/** Fields of an {@link EffectError} besides its message. */
export interface EffectErrorInit {
  method: string
  failure: EffectFailure
  hostCode?: number | null
  hostMessage?: string | null
  hostDetails?: string | null
  debug?: string | null
  cause?: unknown
}

/**
 * A failed effect call on `host.sock` (code `EFFECT_FAILED`).
 *
 * For a host error reply, `hostCode` is the host's numeric error kind (6 Not Found, 36
 * Action, …), `hostMessage` its message, `hostDetails` and `debug` its `data`. For a
 * malformed reply or a socket failure they are `null` and `cause` holds the reason.
 */
export class EffectError extends SdkError {
  readonly method: string
  readonly failure: EffectFailure
  readonly hostCode: number | null
  readonly hostMessage: string | null
  readonly hostDetails: string | null
  readonly debug: string | null

  constructor(message: string, init: EffectErrorInit) {
    const fields = {
      method: init.method,
      failure: init.failure,
      hostCode: init.hostCode ?? null,
      hostMessage: init.hostMessage ?? null,
      hostDetails: init.hostDetails ?? null,
      debug: init.debug ?? null,
    }
    super('EFFECT_FAILED', message, { cause: init.cause, details: fields })
    this.name = 'EffectError'
    this.method = fields.method
    this.failure = fields.failure
    this.hostCode = fields.hostCode
    this.hostMessage = fields.hostMessage
    this.hostDetails = fields.hostDetails
    this.debug = fields.debug
  }
}
