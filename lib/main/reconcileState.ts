import type { Effects } from '../effects'
import type { SDKManifest } from '../types'
import type { HealthDaemon } from './HealthDaemon'
import type { DaemonEntry, DaemonsBuilder } from './types'

/** The name of the child context each run of the builder gets (replaced by the next run). */
export const FN_CONTEXT = 'dyn-daemons-fn'

/** Where the reconciler's errors are reported. */
export const WHERE = 'Daemons.dynamic'

/** One entry the reconciler has started: what it was built from, its hash and its daemon. */
export interface RunningEntry<M extends SDKManifest> {
  readonly entry: DaemonEntry<M>
  readonly hash: string
  readonly daemon: HealthDaemon<M>
}

/** What `build()` resolves with. */
export interface ReconcilerHandle {
  /** Stops every daemon (dependents first) after the reconcile under way; idempotent. */
  term(): Promise<void>
  /** Leaving the context no longer calls `term()`; the caller owns teardown. */
  detach(): void
}

/** The state of one `DaemonsReconciler`, kept out of the class so its type stays structural. */
export interface ReconcilerState<M extends SDKManifest> {
  readonly rootEffects: Effects
  readonly fn: DaemonsBuilder<M>
  /** The entries running now, by id, in the declaration order of the last run. */
  running: Map<string, RunningEntry<M>>
  /** The run loop under way (runs back to back while `pending` is set), or `null`. */
  inFlight: Promise<void> | null
  /** A re-run was asked for while a run was in flight. */
  pending: boolean
  /** `term()` was called: no more runs, no more starts. */
  terminating: boolean
  termPromise: Promise<void> | null
  detached: boolean
  /** `build()`'s result, shared by every call. */
  built: Promise<ReconcilerHandle> | null
  /** How many times the builder has been called (so `term()` knows a context exists). */
  runs: number
}
