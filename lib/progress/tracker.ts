import { checkWeight } from './problems'
import { namePhase, PhaseHandle } from './phase'
import type { FullProgress, Progress } from './wire'
import { progressRatio } from './wire'

/**
 * Sends one snapshot to the host, e.g. `(progress) => effects.setInitProgress({ progress })`.
 * The init and backup harnesses bind it, so service code never calls a progress effect.
 */
export type ProgressSink = (progress: Progress) => Promise<unknown>

interface Phase {
  readonly name: string
  readonly weight: number | null
  readonly item: PhaseHandle | FullProgressTracker
}

interface TrackerState {
  readonly sink: ProgressSink | undefined
  readonly phases: Phase[]
  completed: boolean
  parent: FullProgressTracker | undefined
  /** Root only: the report loop running now, or `null` when idle. */
  inFlight: Promise<void> | null
  /** Root only: something changed after the running report took its snapshot. */
  queued: boolean
}

const trackers = new WeakMap<FullProgressTracker, TrackerState>()

function state(tracker: FullProgressTracker): TrackerState {
  const s = trackers.get(tracker)
  if (s === undefined) throw new TypeError('not a FullProgressTracker')
  return s
}

function rootOf(tracker: FullProgressTracker): FullProgressTracker {
  let t = tracker
  for (let p = state(t).parent; p !== undefined; p = state(t).parent) t = p
  return t
}

/** Reports `root`'s snapshots until nothing changed during the last one; errors are dropped. */
async function drain(
  root: FullProgressTracker,
  s: TrackerState,
): Promise<void> {
  const sink = s.sink
  if (sink === undefined) return
  try {
    do {
      s.queued = false
      try {
        await sink(root.snapshot())
      } catch {
        // a failed report is superseded by the next one; progress never fails the work
      }
    } while (s.queued)
  } finally {
    s.inFlight = null
  }
}

/** Starts a report, or asks the running one for one more pass; returns the running loop. */
function schedule(root: FullProgressTracker): Promise<void> {
  const s = state(root)
  if (s.sink === undefined) return Promise.resolve()
  if (s.inFlight !== null) {
    s.queued = true
    return s.inFlight
  }
  s.inFlight = drain(root, s)
  return s.inFlight
}

function changed(tracker: FullProgressTracker): void {
  void schedule(rootOf(tracker))
}

/**
 * The progress of a multi-phase procedure (init, backup, restore, a migration), as the host's
 * progress view shows it.
 *
 * Add phases with a weight (their share of the overall bar; `null` for one that does not count)
 * and update them; nested phases are trackers of their own. Every change reports the root's
 * snapshot through its sink in the background, coalesced: one report at a time, and a burst of
 * changes while one is running becomes a single follow-up carrying the newest state. `sync()`
 * waits until that has landed. Nothing is left pending once reports drain.
 *
 * `snapshot().overall` is `true` once {@link FullProgressTracker.complete} was called, `null`
 * while no phase with a positive weight has started, and otherwise
 * `{done: ⌊Σ ratio × weight⌋, total: Σ weight, units: null}`.
 */
export class FullProgressTracker {
  /** @param pushEffect - where the root reports snapshots; none means nothing is reported. */
  constructor(pushEffect?: ProgressSink) {
    trackers.set(this, {
      sink: pushEffect,
      phases: [],
      completed: false,
      parent: undefined,
      inFlight: null,
      queued: false,
    })
  }

  /** Adds a leaf phase counting `contribution` toward the overall (default 1; `null` = none). */
  addPhase(name: string, contribution: number | null = 1): PhaseHandle {
    checkWeight(name, contribution)
    const handle = new PhaseHandle(() => changed(this))
    namePhase(handle, name)
    state(this).phases.push({ name, weight: contribution, item: handle })
    changed(this)
    return handle
  }

  /** Adds a phase made of phases: a child tracker whose changes this tracker reports. */
  addNestedPhase(
    name: string,
    contribution: number | null = 1,
  ): FullProgressTracker {
    checkWeight(name, contribution)
    const child = new FullProgressTracker()
    state(child).parent = this
    state(this).phases.push({ name, weight: contribution, item: child })
    changed(this)
    return child
  }

  /** The first phase added under `name` (a handle, or a tracker for a nested one), if any. */
  getPhase(name: string): PhaseHandle | FullProgressTracker | undefined {
    return state(this).phases.find((p) => p.name === name)?.item
  }

  /** Marks the whole tracker as done (`overall: true`); its phases keep their values. */
  complete(): void {
    state(this).completed = true
    changed(this)
  }

  /**
   * Reports the current state and resolves once every pending report has landed. Resolves at
   * once when the root has no sink.
   */
  sync(): Promise<void> {
    return schedule(rootOf(this))
  }

  /** The tracker's current state as the wire `FullProgress`. */
  snapshot(): FullProgress {
    const s = state(this)
    const phases = s.phases.map((p) => ({
      name: p.name,
      progress: p.item.snapshot(),
    }))
    return { overall: overall(s, phases), phases }
  }
}

function overall(
  s: TrackerState,
  phases: Array<{ progress: Progress }>,
): Progress {
  if (s.completed) return true
  let total = 0
  let sum = 0
  let started = false
  s.phases.forEach((p, i) => {
    if (p.weight === null || p.weight === 0) return
    const progress = phases[i]!.progress
    total += p.weight
    if (progress === null) return
    started = true
    sum += progressRatio(progress) * p.weight
  })
  if (!started) return null
  // the epsilon absorbs float error such as 0.7 × 10 = 6.999…
  return { done: Math.min(total, Math.floor(sum + 1e-9)), total, units: null }
}
