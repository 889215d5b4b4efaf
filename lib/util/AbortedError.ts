import { SdkError } from '../errors'

/**
 * Thrown when work stops because it was aborted (an abort signal fired, the context left).
 * An `SdkError` with code `ABORTED`; `muteUnhandled` tells the runtime not to report it when
 * nobody catches it.
 *
 * @example
 * ```ts
 * if (signal.aborted) throw new AbortedError('watch ended', { cause: signal.reason })
 * ```
 */
export class AbortedError extends SdkError {
  /** Always `true`: an unhandled `AbortedError` is expected, not a failure worth logging. */
  readonly muteUnhandled: true = true

  constructor(message?: string, options?: { cause?: unknown }) {
    super('ABORTED', message ?? '', { cause: options?.cause })
    this.name = 'AbortedError'
  }
}
