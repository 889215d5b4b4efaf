import type { Effects } from '../effects'
import { SdkError } from '../errors'
import type { HealthCheckResult, Trigger } from '../health'
import type { HealthCheckId } from '../types'
import { reportUnhandled } from '../util'
import type { CheckSession } from './healthCheck'
import { pollCheck } from './healthCheck'
import { DEFAULT_GRACE_PERIOD } from './HealthDaemon'

/** What {@link HealthCheck.of} takes. */
export type HealthCheckParams = {
  /** The check's id, as dependents name it. */
  id: HealthCheckId
  /** Shown in the StartOS UI. */
  name: string
  /** When the check runs (default `defaultTrigger`). */
  trigger?: Trigger
  /** Milliseconds after `start()` during which a failure is shown as `starting` (default 10 s). */
  gracePeriod?: number
  /** The check itself. */
  fn(): Promise<HealthCheckResult> | HealthCheckResult
}

interface State {
  effects: Effects
  options: HealthCheckParams
  session: CheckSession | null
  startedAt: number
  last: HealthCheckResult['result'] | undefined
}

const states = new WeakMap<HealthCheck, State>()

function stateOf(check: HealthCheck): State {
  const state = states.get(check)
  if (state === undefined) {
    throw new SdkError(
      'DAEMON_INVALID',
      'This HealthCheck was not made by HealthCheck.of(effects, options); create it with that',
    )
  }
  return state
}

/**
 * A health check with no daemon of its own, reported through `setHealth` while started.
 * Daemons do not need it (their `ready` does the same); it is kept for packages that
 * drive checks by hand.
 *
 * @example
 * ```ts
 * const check = HealthCheck.of(effects, { id: 'sync', name: 'Sync', fn: () => syncStatus() })
 * check.start()
 * // later
 * check.stop()
 * ```
 */
export class HealthCheck {
  /** Use {@link HealthCheck.of}. @internal */
  constructor(effects: Effects, options: HealthCheckParams) {
    states.set(this, {
      effects,
      options,
      session: null,
      startedAt: 0,
      last: undefined,
    })
  }

  /** A check that starts reporting at once; `stop()` pauses it, `start()` resumes it. */
  static of(effects: Effects, options: HealthCheckParams): HealthCheck {
    const field =
      typeof options?.id !== 'string'
        ? 'id'
        : typeof options.fn !== 'function'
          ? 'fn'
          : null
    if (field !== null) {
      throw new SdkError(
        'DAEMON_INVALID',
        `HealthCheck.of(effects, { id, name, fn }): ${field === 'id' ? 'id must be a string' : 'fn must be a function returning a health result'}`,
        { details: { field } },
      )
    }
    const check = new HealthCheck(effects, options)
    check.start()
    return check
  }

  /** Starts (or resumes) polling; idempotent. */
  start(): void {
    const state = stateOf(this)
    if (state.session !== null) return
    state.startedAt = Date.now()
    const { options, effects } = state
    const grace = options.gracePeriod ?? DEFAULT_GRACE_PERIOD
    state.session = pollCheck(
      options.id,
      { display: options.name, fn: options.fn, trigger: options.trigger },
      () => state.last ?? 'starting',
      (result) => {
        state.last = result.result
        const soft =
          result.result === 'failure' && Date.now() - state.startedAt < grace
        effects
          .setHealth({
            id: options.id,
            name: options.name,
            ...(soft
              ? { result: 'starting', message: result.message }
              : result),
          } as Parameters<Effects['setHealth']>[0])
          .catch((error) =>
            reportUnhandled(`health check ${options.id}`, error),
          )
      },
    )
  }

  /** Stops polling (no more reports); `start()` resumes. Idempotent. */
  stop(): void {
    const state = stateOf(this)
    const session = state.session
    state.session = null
    if (session !== null) void session.stop()
  }
}
