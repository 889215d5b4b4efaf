import type { HostErrorObject } from './hostErrors'

/** One effect call the simulator answered. */
export interface RecordedCall {
  method: string
  params: unknown
  result?: unknown
  error?: HostErrorObject
  /** `Date.now()` when the reply was ready. */
  at: number
}

interface Waiter {
  method: string
  predicate: (call: RecordedCall) => boolean
  resolve: (call: RecordedCall) => void
}

/** Keeps every effect call in order and lets tests wait for one. */
export class CallRecorder {
  private readonly list: RecordedCall[] = []
  private waiters: Waiter[] = []

  /** Adds a call and wakes the waiters it matches. */
  record(call: RecordedCall): void {
    this.list.push(call)
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.method !== call.method || !waiter.predicate(call)) return true
      waiter.resolve(call)
      return false
    })
  }

  /** The recorded calls, optionally only those of one wire method. */
  calls(method?: string): RecordedCall[] {
    return method === undefined
      ? [...this.list]
      : this.list.filter((call) => call.method === method)
  }

  /** Forgets every recorded call. */
  clear(): void {
    this.list.length = 0
  }

  /**
   * The first call of `method` (already recorded or still to come) that `predicate` accepts;
   * rejects after `timeoutMs`.
   */
  waitFor(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<RecordedCall> {
    const found = this.list.find((c) => c.method === method && predicate(c))
    if (found) return Promise.resolve(found)
    return new Promise<RecordedCall>((resolve, reject) => {
      const waiter: Waiter = {
        method,
        predicate,
        resolve: (call) => {
          clearTimeout(timer)
          resolve(call)
        },
      }
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter)
        reject(
          new Error(
            `Timed out after ${timeoutMs} ms waiting for effect: ${method}`,
          ),
        )
      }, timeoutMs)
      this.waiters.push(waiter)
    })
  }
}
