import { performance } from 'node:perf_hooks'

/** A hang: any single input that took longer than this, in ms. */
export const HANG_MS = 1000

/** What one fuzzer saw: inputs run, outcomes, the slowest input and every hang. */
export interface Stats {
  readonly name: string
  inputs: number
  accepted: number
  refused: number
  slowestMs: number
  slowestInput: string
  hangs: string[]
}

/** Fresh counters for the fuzzer `name`. */
export function stats(name: string): Stats {
  return {
    name,
    inputs: 0,
    accepted: 0,
    refused: 0,
    slowestMs: 0,
    slowestInput: '',
    hangs: [],
  }
}

/** A short, printable view of an input for reports and assertion messages. */
export function show(input: unknown): string {
  let text: string
  try {
    text =
      typeof input === 'string'
        ? input
        : (JSON.stringify(input) ?? String(input))
  } catch {
    text = Object.prototype.toString.call(input)
  }
  const shown = JSON.stringify(
    text.length > 120 ? `${text.slice(0, 120)}…` : text,
  )
  return `${shown} (${text.length} chars)`
}

/** Records how long one input took, keeping the slowest and every hang. */
export function timed(s: Stats, input: unknown, ms: number): void {
  s.inputs++
  if (ms > s.slowestMs) {
    s.slowestMs = ms
    s.slowestInput = show(input)
  }
  if (ms > HANG_MS) s.hangs.push(`${ms.toFixed(0)} ms: ${show(input)}`)
}

/** Runs `fn(input)` synchronously, timing it; returns what it returned or threw. */
export function runSync<T>(
  s: Stats,
  input: unknown,
  fn: () => T,
): { ok: true; value: T } | { ok: false; error: unknown } {
  const start = performance.now()
  try {
    const value = fn()
    timed(s, input, performance.now() - start)
    return { ok: true, value }
  } catch (error) {
    timed(s, input, performance.now() - start)
    return { ok: false, error }
  }
}

/** Runs `fn()` and awaits it, timing it; returns what it resolved with or rejected with. */
export async function runAsync<T>(
  s: Stats,
  input: unknown,
  fn: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  const start = performance.now()
  try {
    const value = await fn()
    timed(s, input, performance.now() - start)
    return { ok: true, value }
  } catch (error) {
    timed(s, input, performance.now() - start)
    return { ok: false, error }
  }
}

/** One report line for the test output (the runner prints diagnostics, not console). */
export function summary(s: Stats): string {
  return (
    `${s.name}: ${s.inputs} inputs, ${s.accepted} accepted, ${s.refused} refused, ` +
    `0 crashes, ${s.hangs.length} hangs > ${HANG_MS} ms, slowest ${s.slowestMs.toFixed(1)} ms ${s.slowestInput}`
  )
}
