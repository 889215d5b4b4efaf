/** One reading of a watched value: the value, or why it could not be read. */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: Error }

/**
 * A one-slot mailbox between a watcher and one reader. The watcher `push`es readings; the
 * reader `take`s them. A reading the reader has not taken yet is replaced by a newer one, so a
 * slow reader skips straight to the latest value and nothing queues up. Readings equal (by
 * `eq`) to the last one accepted are dropped; errors always pass.
 */
export class Channel<T> {
  private slot: Outcome<T> | undefined
  private waiter: ((outcome: Outcome<T> | null) => void) | undefined
  private last: { value: T } | undefined
  private closed = false

  constructor(private readonly eq: (left: T, right: T) => boolean) {}

  /** Offers a reading; returns `false` when it was dropped as unchanged or the channel is closed. */
  push(outcome: Outcome<T>): boolean {
    if (this.closed) return false
    if (outcome.ok) {
      if (this.last !== undefined && this.eq(this.last.value, outcome.value))
        return false
      this.last = { value: outcome.value }
    } else {
      this.last = undefined
    }
    const waiter = this.waiter
    if (waiter === undefined) {
      this.slot = outcome
    } else {
      this.waiter = undefined
      waiter(outcome)
    }
    return true
  }

  /** The next reading, or `null` once the channel is closed. */
  take(): Promise<Outcome<T> | null> {
    const held = this.slot
    if (held !== undefined) {
      this.slot = undefined
      return Promise.resolve(held)
    }
    if (this.closed) return Promise.resolve(null)
    return new Promise((resolve) => {
      this.waiter = resolve
    })
  }

  /**
   * Ends the channel: later pushes are ignored, a reading not yet taken is still handed out,
   * then `take` resolves to `null`.
   */
  close(): void {
    if (this.closed) return
    this.closed = true
    const waiter = this.waiter
    this.waiter = undefined
    waiter?.(null)
  }

  get isClosed(): boolean {
    return this.closed
  }
}
