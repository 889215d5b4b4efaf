import type { Effects } from '../effects'
import type { HealthCheckResult } from '../health'
import type { SDKManifest } from '../types'
import { reportUnhandled } from '../util'
import { describeExit } from './CommandController'
import type { DaemonExit, Ready } from './commandTypes'
import type { Daemon } from './Daemon'
import { pollCheck } from './healthCheck'
import type { CheckSession } from './healthCheck'

/** The `ready` of a oneshot: it is ready once its command has exited 0. */
export const EXIT_SUCCESS = 'EXIT_SUCCESS' as const

/** Milliseconds after a start during which a failing check is shown as `starting`. */
export const DEFAULT_GRACE_PERIOD = 10_000

/**
 * Non-success results in a row (a crash counts as one) after which a check that has been
 * ready pauses the entries requiring it; see `Ready.failuresBeforePause`.
 */
export const DEFAULT_FAILURES_BEFORE_PAUSE = 3

interface HealthState {
  health: HealthCheckResult
  watchers: (() => unknown)[]
  /** Whether the daemon is started and its check polled. */
  running: boolean
  transition: Promise<unknown>
  queued: boolean
  session: CheckSession | null
  startedAt: number
  /** Whether it has been ready since it was last started. */
  readyOnce: boolean
  failures: number
  /** Callers of `onReady()` waiting for the next success. */
  readyWaiters: (() => void)[]
  terminated: boolean
  terming: Promise<void> | null
  reporting: Promise<unknown>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyHealthDaemon = HealthDaemon<any>

const states = new WeakMap<object, HealthState>()

function stateOf(hd: object): HealthState {
  return states.get(hd) as HealthState
}

function sameHealth(a: HealthCheckResult, b: HealthCheckResult): boolean {
  return a.result === b.result && a.message === b.message
}

/** The name a dependency is shown with in a `waiting` message. */
function nameOf(hd: AnyHealthDaemon): string {
  return hd.ready === EXIT_SUCCESS ? hd.id : (hd.ready.display ?? hd.id)
}

/**
 * Whether `hd` lets the entries requiring it run: before its first success only `success`
 * does; once it has been ready, only {@link DEFAULT_FAILURES_BEFORE_PAUSE} (or
 * `ready.failuresBeforePause`) non-success results in a row close it again.
 */
export function letsDependentsRun(hd: AnyHealthDaemon): boolean {
  const state = states.get(hd)
  if (state === undefined) return hd.isReady
  if (!state.running) return false
  if (hd.ready === EXIT_SUCCESS || !state.readyOnce) return hd.isReady
  const limit = hd.ready.failuresBeforePause ?? DEFAULT_FAILURES_BEFORE_PAUSE
  return state.failures < Math.max(1, limit)
}

/**
 * Runs one `Daemons` entry by its health: keeps its daemon stopped (`waiting`) while an
 * entry it requires is not ready, otherwise starts it (`starting`) and polls its readiness
 * check, reporting each change with `effects.setHealth` when `ready.display` is set.
 * Start/stop transitions run one at a time, in order.
 */
export class HealthDaemon<Manifest extends SDKManifest> {
  /** The daemon it runs, or `null` for a health check with no process. */
  readonly daemon: Daemon<Manifest> | null
  /** The entries that must be ready before it starts. */
  readonly dependencies: HealthDaemon<Manifest>[]
  /** The entry's id (also the health check id). */
  readonly id: string
  /** Its readiness check, or {@link EXIT_SUCCESS} for a oneshot. */
  readonly ready: Ready | typeof EXIT_SUCCESS
  /** The effects health is reported with. */
  readonly effects: Effects

  /** Created stopped and `waiting`; call {@link updateStatus} to start it. */
  constructor(
    daemon: Daemon<Manifest> | null,
    dependencies: HealthDaemon<Manifest>[],
    id: string,
    ready: Ready | typeof EXIT_SUCCESS,
    effects: Effects,
  ) {
    this.daemon = daemon
    this.dependencies = dependencies
    this.id = id
    this.ready = ready
    this.effects = effects
    const state: HealthState = {
      health: { result: 'waiting', message: null },
      watchers: [],
      running: false,
      transition: Promise.resolve(),
      queued: false,
      session: null,
      startedAt: 0,
      readyOnce: false,
      failures: 0,
      readyWaiters: [],
      terminated: false,
      terming: null,
      reporting: Promise.resolve(),
    }
    states.set(this, state)
    daemon?.onExit((success, exit) => exited(this, success, exit))
    for (const dependency of dependencies) {
      dependency.addWatcher(() =>
        this.updateStatus().catch((error) =>
          reportUnhandled(`daemon ${id}`, error),
        ),
      )
    }
  }

  /**
   * Stops for good: ends its check and terminates its daemon, which destroys the daemon's
   * subcontainer once nothing else holds it. Idempotent; concurrent calls share one promise.
   */
  term(termOptions?: {
    signal?: NodeJS.Signals | undefined
    timeout?: number | undefined
  }): Promise<void> {
    const state = stateOf(this)
    if (state.terming === null) {
      state.terminated = true
      state.terming = enqueue(this, async () => {
        await pause(this)
        await this.daemon?.term(termOptions)
      })
    }
    return state.terming
  }

  /** Calls `watcher` after every health change (the entries requiring this one use it). */
  addWatcher(watcher: () => unknown): void {
    stateOf(this).watchers.push(watcher)
  }

  /** The latest health. */
  get health(): Readonly<HealthCheckResult> {
    return stateOf(this).health
  }

  /** Resolves when it is next ready (at once if it is ready now). */
  onReady(): Promise<void> {
    if (this.isReady) return Promise.resolve()
    const state = stateOf(this)
    return new Promise((resolve) => state.readyWaiters.push(resolve))
  }

  /** Whether its latest health is `success`. */
  get isReady(): boolean {
    return stateOf(this).health.result === 'success'
  }

  /**
   * Starts or pauses it to match its dependencies: runs while all of them are ready (see
   * `Ready.failuresBeforePause`), otherwise stops its daemon and reports `waiting`.
   * Resolves once that transition is done; rejects if starting the daemon failed.
   */
  updateStatus(): Promise<void> {
    const state = stateOf(this)
    if (state.terminated) return Promise.resolve()
    if (state.queued) return state.transition.then(() => undefined)
    state.queued = true
    return enqueue(this, async () => {
      state.queued = false
      await apply(this)
    })
  }
}

/** Runs `step` after the transitions already queued. */
function enqueue(
  hd: AnyHealthDaemon,
  step: () => Promise<void>,
): Promise<void> {
  const state = stateOf(hd)
  const next = state.transition.then(step)
  state.transition = next.catch(() => undefined)
  return next
}

/** One transition towards what the dependencies allow now. */
async function apply(hd: AnyHealthDaemon): Promise<void> {
  const state = stateOf(hd)
  if (state.terminated) return
  const blocking = hd.dependencies.filter((d) => !letsDependentsRun(d))
  if (blocking.length > 0) {
    await pause(hd)
    setHealth(hd, {
      result: 'waiting',
      message: `Waiting for ${blocking.map(nameOf).join(', ')}`,
    })
    return
  }
  if (state.running) return
  state.running = true
  state.readyOnce = false
  state.failures = 0
  state.startedAt = Date.now()
  setHealth(hd, { result: 'starting', message: null })
  try {
    await hd.daemon?.start()
  } catch (error) {
    state.running = false
    setHealth(hd, {
      result: 'failure',
      message: `${hd.id} could not start: ${String((error as Error)?.message ?? error)}`,
    })
    throw error
  }
  const ready = hd.ready
  if (ready === EXIT_SUCCESS) return
  state.session = pollCheck(
    hd.id,
    ready,
    () => state.health.result,
    (result) => checked(hd, result),
  )
}

/** Stops the check and the daemon (keeping its subcontainer); readiness is reset. */
async function pause(hd: AnyHealthDaemon): Promise<void> {
  const state = stateOf(hd)
  const session = state.session
  state.session = null
  const wasRunning = state.running
  state.running = false
  await session?.stop()
  if (!wasRunning) return
  await hd.daemon?.stop()
}

/** Records one check result (a failure inside the grace period is shown as `starting`). */
function checked(hd: AnyHealthDaemon, result: HealthCheckResult): void {
  const state = stateOf(hd)
  if (!state.running || state.terminated) return
  count(hd, result.result === 'success')
  const grace =
    hd.ready === EXIT_SUCCESS
      ? 0
      : (hd.ready.gracePeriod ?? DEFAULT_GRACE_PERIOD)
  const shown =
    result.result === 'failure' && Date.now() - state.startedAt < grace
      ? { result: 'starting' as const, message: result.message }
      : result
  setHealth(hd, shown)
}

/** Handles an exit of the daemon's command that it was not stopped for. */
function exited(
  hd: AnyHealthDaemon,
  success: boolean,
  exit: DaemonExit | undefined,
): void {
  const state = stateOf(hd)
  if (!state.running || state.terminated) return
  if (hd.ready === EXIT_SUCCESS) {
    count(hd, success)
    if (success) {
      setHealth(hd, { result: 'success', message: null })
      return
    }
    const how = exit === undefined ? 'a failure' : describeExit(exit)
    const lines = exit?.lastLines ?? []
    setHealth(hd, {
      result: 'failure',
      message: `${hd.id} failed with ${how}${lines.length > 0 ? `: ${lines.join('\n')}` : ''}`,
    })
    return
  }
  count(hd, false)
  setHealth(hd, {
    result: 'failure',
    message: success ? `${hd.id} daemon exited` : `${hd.id} daemon crashed`,
  })
}

/** Counts one result towards readiness and the pause threshold. */
function count(hd: AnyHealthDaemon, success: boolean): void {
  const state = stateOf(hd)
  if (success) {
    state.readyOnce = true
    state.failures = 0
    const waiters = state.readyWaiters
    state.readyWaiters = []
    for (const resolve of waiters) resolve()
  } else state.failures++
}

/** Stores `health`, reports it when shown and changed, and tells the watchers. */
function setHealth(hd: AnyHealthDaemon, health: HealthCheckResult): void {
  const state = stateOf(hd)
  const changed = !sameHealth(state.health, health)
  state.health = health
  const display = hd.ready === EXIT_SUCCESS ? null : hd.ready.display
  if (changed && display !== null) {
    const params = {
      id: hd.id,
      name: display,
      result: health.result,
      message: health.message ?? '',
    } as Parameters<Effects['setHealth']>[0]
    if (health.message === null && health.result !== 'failure') {
      ;(params as { message: string | null }).message = null
    }
    state.reporting = state.reporting
      .then(() => hd.effects.setHealth(params))
      .catch((error) => reportUnhandled(`setHealth ${hd.id}`, error))
  }
  for (const watcher of [...state.watchers]) {
    try {
      watcher()
    } catch (error) {
      reportUnhandled(`health watcher of ${hd.id}`, error)
    }
  }
}
