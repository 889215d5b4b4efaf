import type { HealthCheckResult } from '../health'
import { defaultTrigger } from '../health'
import { reportUnhandled } from '../util'
import type { Ready } from './commandTypes'

const STATUSES = new Set([
  'success',
  'disabled',
  'starting',
  'waiting',
  'loading',
  'failure',
])

/** The message of anything thrown: `{ message }` objects (as `runHealthScript` throws) included. */
export function messageOf(thrown: unknown): string {
  const message = (thrown as { message?: unknown } | null)?.message
  if (typeof message === 'string') return message
  return String(thrown)
}

/** Runs `fn` once; a throw or a malformed result becomes a `failure`. */
export async function runCheck(
  id: string,
  fn: Ready['fn'],
): Promise<HealthCheckResult> {
  try {
    const result = await fn()
    if (
      typeof result === 'object' &&
      result !== null &&
      STATUSES.has(result.result)
    ) {
      return { result: result.result, message: result.message ?? null }
    }
    return {
      result: 'failure',
      message: `${id}: ready.fn returned ${JSON.stringify(result)}; return { result: 'success' | 'failure' | ..., message }`,
    }
  } catch (thrown) {
    return { result: 'failure', message: messageOf(thrown) }
  }
}

/** One polling session of a readiness check; `stop()` ends it without waiting for a hung check. */
export interface CheckSession {
  stop(): Promise<void>
}

/**
 * Polls `ready.fn` on its trigger (default `defaultTrigger`) and hands each result to
 * `record` until stopped. `lastResult` feeds the trigger.
 */
export function pollCheck(
  id: string,
  ready: Ready,
  lastResult: () => HealthCheckResult['result'],
  record: (result: HealthCheckResult) => void,
): CheckSession {
  const abort = new AbortController()
  const aborted = new Promise<'aborted'>((resolve) =>
    abort.signal.addEventListener('abort', () => resolve('aborted'), {
      once: true,
    }),
  )
  const trigger = (ready.trigger ?? defaultTrigger)(() => ({
    lastResult: lastResult(),
  }))
  const loop = (async () => {
    try {
      while (!abort.signal.aborted) {
        const step = await Promise.race([trigger.next(), aborted])
        if (step === 'aborted' || step.done === true) return
        const result = await Promise.race([runCheck(id, ready.fn), aborted])
        if (result === 'aborted' || abort.signal.aborted) return
        record(result)
      }
    } finally {
      await trigger.return?.()
    }
  })().catch((error) => reportUnhandled(`health check ${id}`, error))
  return {
    async stop() {
      abort.abort()
      await loop
    },
  }
}
