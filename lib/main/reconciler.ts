import type { Effects } from '../effects'
import type { DaemonBuildable, SDKManifest } from '../types'
import { runOnce, stopAll } from './reconcileRun'
import type { ReconcilerHandle, ReconcilerState } from './reconcileState'
import { FN_CONTEXT } from './reconcileState'
import type { DaemonsBuilder } from './types'

const states = new WeakMap<object, ReconcilerState<SDKManifest>>()

function stateOf<M extends SDKManifest>(
  reconciler: DaemonsReconciler<M>,
): ReconcilerState<M> {
  return states.get(reconciler) as unknown as ReconcilerState<M>
}

/**
 * Starts the run loop unless one is under way, in which case it runs once more when done
 * (any number of requests in the meantime make one more run).
 */
function schedule<M extends SDKManifest>(state: ReconcilerState<M>): void {
  if (state.terminating) return
  if (state.inFlight !== null) {
    state.pending = true
    return
  }
  state.pending = true
  const again = (): void => schedule(state)
  state.inFlight = (async () => {
    // Lets the caller see `inFlight` set before the first run begins.
    await null
    try {
      while (state.pending && !state.terminating) {
        state.pending = false
        await runOnce(state, again)
      }
    } finally {
      state.inFlight = null
    }
  })()
}

/** `term()`: waits for the run under way, ends the builder's watches, stops everything. */
function terminate<M extends SDKManifest>(
  state: ReconcilerState<M>,
): Promise<void> {
  if (state.termPromise !== null) return state.termPromise
  state.terminating = true
  state.pending = false
  state.termPromise = (async () => {
    if (state.inFlight !== null) await state.inFlight
    // A fresh, empty child replaces (and so leaves) the last run's context: its watches end.
    if (state.runs > 0) state.rootEffects.child(FN_CONTEXT)
    await stopAll(state)
  })()
  return state.termPromise
}

/**
 * The daemons of `Daemons.dynamic`: a set that follows a builder function. Each run calls the
 * builder (a `Daemons.of(...)` chain, typically shaped by files read with `.const(effects)`)
 * and compares its entries with those running, by id and {@link configHash}: a new id is
 * started, a missing one stopped, an unchanged one left running (its new, lazy subcontainer
 * handle is never created), a changed one restarted, together with everything that requires
 * (directly or not) an entry stopped or restarted. The builder runs again when its context's
 * `constRetry` fires; requests during a run make one more run afterwards. Problems (a
 * throwing builder, invalid entries, an eager subcontainer, a daemon failing to start) are
 * reported to the service log and leave the running set as it was; they are never thrown.
 *
 * @example
 * ```ts
 * export const main = sdk.setupMain(async ({ effects }) =>
 *   sdk.Daemons.dynamic(effects, async ({ effects }) => {
 *     const tenants = (await tenantsFile.read().const(effects)) ?? []
 *     let daemons = sdk.Daemons.of({ effects })
 *     for (const t of tenants) daemons = daemons.addDaemon(t.id, tenantDaemon(effects, t))
 *     return daemons
 *   }),
 * )
 * ```
 */
export class DaemonsReconciler<
  M extends SDKManifest,
> implements DaemonBuildable {
  /** Records the builder; nothing runs until {@link DaemonsReconciler.build}. */
  constructor(rootEffects: Effects, fn: DaemonsBuilder<M>) {
    const state: ReconcilerState<M> = {
      rootEffects,
      fn,
      running: new Map(),
      inFlight: null,
      pending: false,
      terminating: false,
      termPromise: null,
      detached: false,
      built: null,
      runs: 0,
    }
    states.set(this, state as unknown as ReconcilerState<SDKManifest>)
  }

  /**
   * Runs the first reconcile (and any re-runs asked for meanwhile) and, unless
   * {@link DaemonsReconciler.detach}ed, terminates everything when the context of the
   * effects leaves. Idempotent: every call gets the same handle.
   */
  build(): Promise<{ term(): Promise<void>; detach(): void }> {
    const state = stateOf(this)
    if (state.built !== null) return state.built
    const handle: ReconcilerHandle = {
      term: () => terminate(state),
      detach: () => this.detach(),
    }
    state.built = (async () => {
      if (state.rootEffects.isInContext) {
        state.rootEffects.onLeaveContext(() => {
          if (!state.detached) void terminate(state)
        })
      }
      schedule(state)
      if (state.inFlight !== null) await state.inFlight
      return handle
    })()
    return state.built
  }

  /** Leaving the context no longer terminates the daemons; the caller must call `term()`. */
  detach(): void {
    stateOf(this).detached = true
  }

  /**
   * Asks for a run, as the builder's `constRetry` does; coalesces with a run under way.
   * Does nothing before `build()` or after `term()`.
   */
  scheduleRerun(): void {
    const state = stateOf(this)
    if (state.built === null) return
    schedule(state)
  }
}
