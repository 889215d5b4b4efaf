import { checkDuration } from './result'
import type { HealthStatus } from './result'

/** What a trigger can see on each step: the outcome of the check's latest run, if any. */
export type TriggerInput = {
  /** The latest result of the check, `undefined` until it has run once. */
  lastResult?: HealthStatus
}

/**
 * Decides when a health check runs: given `getInput`, it returns an async iterator whose every
 * yielded value means "run the check now". The wait between yields is the polling interval.
 */
export type Trigger = (
  getInput: () => TriggerInput,
) => AsyncIterator<unknown, unknown, never>

type Step = IteratorResult<undefined, never>
const DONE = { done: true, value: undefined } as unknown as Step
const GO: Step = { done: false, value: undefined }

/**
 * The iterator behind the built-in triggers: the first `next()` resolves at once, each later
 * one after `waitMs()` (asked when `next()` is called, so after the check's latest run).
 * Unlike an `async function*`, `return()` ends a pending wait at once (its `next()` resolves
 * done) and clears its timer, so a stopped check leaves nothing running.
 */
function poller(
  waitMs: () => number,
): AsyncGenerator<undefined, never, unknown> {
  let first = true
  let done = false
  let timer: NodeJS.Timeout | undefined
  let wake: ((step: Step) => void) | undefined
  let queue: Promise<unknown> = Promise.resolve()
  const stop = () => {
    done = true
    clearTimeout(timer)
    wake?.(DONE)
    wake = undefined
  }
  const step = (): Promise<Step> => {
    if (done) return Promise.resolve(DONE)
    if (first) {
      first = false
      return Promise.resolve(GO)
    }
    return new Promise<Step>((resolve) => {
      wake = resolve
      timer = setTimeout(() => {
        wake = undefined
        resolve(GO)
      }, waitMs())
    })
  }
  const self: AsyncGenerator<undefined, never, unknown> = {
    next() {
      const result = queue.then(step)
      queue = result
      return result
    },
    async return() {
      stop()
      return DONE
    },
    async throw(error: unknown) {
      stop()
      throw error
    },
    [Symbol.asyncIterator]() {
      return self
    },
  }
  return self
}

/**
 * Runs the check at once, then every `timeMs` after each run.
 *
 * @param timeMs - Milliseconds between runs.
 * @example `trigger: sdk.trigger.cooldownTrigger(30_000)`
 */
export function cooldownTrigger(
  timeMs: number,
): () => AsyncGenerator<undefined, never, unknown> {
  checkDuration('cooldownTrigger(timeMs)', timeMs)
  return () => poller(() => timeMs)
}

/** Milliseconds to wait after a run, per result; unlisted results use the default. */
type StatusIntervals = { [K in HealthStatus]?: number }

/**
 * Runs the check at once, then waits after each run for the interval of its latest result:
 * `intervals[lastResult]`, else `defaultMs`. Before any result is known the `starting`
 * interval applies.
 *
 * @param defaultMs - Milliseconds for results without their own interval.
 * @param intervals - Per-result overrides, e.g. `{ starting: 5_000, failure: 5_000 }`.
 */
export function statusTrigger(
  defaultMs: number,
  intervals: StatusIntervals = {},
): Trigger {
  checkDuration('statusTrigger(defaultMs)', defaultMs)
  for (const [status, ms] of Object.entries(intervals)) {
    if (ms !== undefined)
      checkDuration(`statusTrigger(intervals.${status})`, ms)
  }
  return (getInput) =>
    poller(() => intervals[getInput().lastResult ?? 'starting'] ?? defaultMs)
}

/**
 * The trigger of a check that sets none: every 1 s while `starting`, `waiting` or `failure`
 * (and before the first result), every 30 s for `success`, `loading` and `disabled`.
 */
export const defaultTrigger: Trigger = statusTrigger(30_000, {
  starting: 1_000,
  waiting: 1_000,
  failure: 1_000,
})

/**
 * Follows `beforeFirstSuccess` until the check first reports `success`, then
 * `afterFirstSuccess` for good (the first trigger is closed at the switch).
 */
export function changeOnFirstSuccess(o: {
  beforeFirstSuccess: Trigger
  afterFirstSuccess: Trigger
}): Trigger {
  return (getInput) => {
    let before: AsyncIterator<unknown, unknown, never> | null =
      o.beforeFirstSuccess(getInput)
    let after: AsyncIterator<unknown, unknown, never> | null = null
    return {
      async next() {
        if (before && getInput().lastResult === 'success') {
          await before.return?.()
          before = null
        }
        if (before) return before.next()
        after ??= o.afterFirstSuccess(getInput)
        return after.next()
      },
      async return(value?: unknown) {
        await Promise.all([before?.return?.(), after?.return?.()])
        return { done: true, value }
      },
    }
  }
}

/**
 * Follows `duringSuccess` while the latest result is `success` and `duringError` otherwise
 * (before the first result too); each trigger is started on first use and kept.
 */
export function successFailure(o: {
  duringSuccess: Trigger
  duringError: Trigger
}): Trigger {
  return (getInput) => {
    let ok: AsyncIterator<unknown, unknown, never> | null = null
    let bad: AsyncIterator<unknown, unknown, never> | null = null
    return {
      next() {
        if (getInput().lastResult === 'success') {
          ok ??= o.duringSuccess(getInput)
          return ok.next()
        }
        bad ??= o.duringError(getInput)
        return bad.next()
      },
      async return(value?: unknown) {
        await Promise.all([ok?.return?.(), bad?.return?.()])
        return { done: true, value }
      },
    }
  }
}
