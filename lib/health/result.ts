import { SdkError } from '../errors'

/** Every state a health check can report. */
export type HealthStatus =
  | 'success'
  | 'disabled'
  | 'starting'
  | 'waiting'
  | 'loading'
  | 'failure'

/**
 * What a health check reports: its state and a message for the StartOS UI. Give a message
 * for `loading` and `failure`; the others may use `null`. (As in the reference, the type is
 * one object, not a union per state, so the message rule is a convention, not a type check.)
 */
export type HealthCheckResult = {
  result: HealthStatus
  message: string | null
}

/**
 * Checks that `value` is a usable duration in milliseconds (finite, not negative).
 * `field` names the option in the error, e.g. `cooldownTrigger(timeMs)`.
 *
 * @internal shared by the health checks and triggers.
 */
export function checkDuration(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new SdkError(
      'HEALTH_INVALID',
      `${field} must be a finite number of milliseconds >= 0, got ${String(value)}; pass e.g. 1000 for one second`,
      { details: { field, value } },
    )
  }
  return value
}

/**
 * Runs `work` but settles with `onTimeout()` if it has not settled after `ms`; the timer is
 * always cleared, so nothing is left running once the result is known.
 *
 * @internal used by the checks so a timed-out check leaves no timer behind.
 */
export function raceTimeout<T>(
  work: Promise<T>,
  ms: number,
  onTimeout: () => T,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
