import { checkAmount, checkUnits, completedPhase } from './problems'
import type { CountedProgress, Progress, ProgressUnits } from './wire'
import { isFullProgress } from './wire'

interface PhaseState {
  value: Progress
  readonly onChange: () => void
}

const phases = new WeakMap<PhaseHandle, PhaseState>()
const names = new WeakMap<PhaseHandle, string>()

function state(handle: PhaseHandle): PhaseState {
  const s = phases.get(handle)
  if (s === undefined) throw new TypeError('not a PhaseHandle')
  return s
}

/** Internal: gives a handle the name its errors report (set by the tracker that owns it). */
export function namePhase(handle: PhaseHandle, name: string): void {
  names.set(handle, name)
}

function nameOf(handle: PhaseHandle): string {
  return names.get(handle) ?? '(unnamed)'
}

/** The counted value a phase holds now, or a fresh zero count when it holds anything else. */
function counted(value: Progress): CountedProgress {
  if (typeof value === 'object' && value !== null && !isFullProgress(value))
    return value
  return { done: 0, total: null, units: null }
}

/** A deep copy, so neither a snapshot nor a value given to `setRaw` shares state. */
function copy(value: Progress): Progress {
  if (typeof value !== 'object' || value === null) return value
  if (isFullProgress(value))
    return {
      overall: copy(value.overall),
      phases: value.phases.map((p) => ({
        name: p.name,
        progress: copy(p.progress),
      })),
    }
  return { done: value.done, total: value.total, units: value.units }
}

/** One counted update: refused on a completed phase or a bad amount, else applied and reported. */
function update(
  handle: PhaseHandle,
  method: string,
  field: 'done' | 'total',
  amount: number,
  apply: (current: CountedProgress, amount: number) => CountedProgress,
): void {
  const s = state(handle)
  if (s.value === true) throw completedPhase(nameOf(handle), method)
  checkAmount(nameOf(handle), field, amount)
  s.value = apply(counted(s.value), Math.floor(amount))
  s.onChange()
}

/**
 * Drives one leaf phase of a {@link FullProgressTracker}, as `addPhase` returns it.
 *
 * A phase goes from not started (`null`) to started (`false`), through counts
 * (`{done, total, units}`), to complete (`true`). Counts are whole numbers (fractions are
 * rounded down) and `done` never exceeds a known `total`. Once complete, counted updates
 * throw; `start()` and `complete()` are then harmless, and `setRaw` still replaces the value.
 */
export class PhaseHandle {
  /**
   * @param onChange - called after every change, so the owning tracker can report it;
   * a standalone handle reports nowhere.
   */
  constructor(onChange: () => void = () => undefined) {
    phases.set(this, { value: null, onChange })
  }

  /** Marks the phase as started (only a phase that has not started yet changes). */
  start(): void {
    const s = state(this)
    if (s.value !== null) return
    s.value = false
    s.onChange()
  }

  /** Sets how many units are done, capped at the known total. */
  setDone(done: number): void {
    update(this, 'setDone', 'done', done, (c, n) => ({
      ...c,
      done: c.total === null ? n : Math.min(n, c.total),
    }))
  }

  /** Sets how many units are expected in all; a larger `done` is lowered to it. */
  setTotal(total: number): void {
    update(this, 'setTotal', 'total', total, (c, n) => ({
      ...c,
      done: Math.min(c.done, n),
      total: n,
    }))
  }

  /** Adds to the expected total (an unknown total counts as 0). */
  addTotal(total: number): void {
    update(this, 'addTotal', 'total', total, (c, n) => ({
      ...c,
      total: (c.total ?? 0) + n,
    }))
  }

  /** Sets the units the counts are in (`'bytes'`, `'steps'`, or `null`). */
  setUnits(units: ProgressUnits | null): void {
    const s = state(this)
    if (s.value === true) throw completedPhase(nameOf(this), 'setUnits')
    checkUnits(nameOf(this), units)
    s.value = { ...counted(s.value), units }
    s.onChange()
  }

  /** Marks the phase as done. */
  complete(): void {
    const s = state(this)
    if (s.value === true) return
    s.value = true
    s.onChange()
  }

  /** Replaces the phase's value wholesale with any `Progress`, a nested tree included. */
  setRaw(value: Progress): void {
    const s = state(this)
    s.value = copy(value)
    s.onChange()
  }

  /** The phase's current value (a copy). */
  snapshot(): Progress {
    return copy(state(this).value)
  }
}
