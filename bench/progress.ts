/**
 * Progress reporting under a burst: 10,000 `setDone` calls on one phase, then `sync()`, on
 * ours and on the reference's tracker, both reporting through `setInitProgress` to the host
 * simulator over a real socket. Reports: effect calls per burst (target ≤ 2 for ours) and
 * how long after the host recorded the last report `sync()` resolved (target ≤ 2 ms).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { utils as reference } from 'start-sdk-reference'
import type { Effects } from '../lib/effects'
import { FullProgressTracker } from '../lib/progress'
import { createEffects, createHostClient, silentLogger } from '../lib/runtime'
import { HostSimulator } from '../lib/testing'

export interface ProgressRow {
  side: 'ours' | 'reference'
  /** Median `set-init-progress` calls per 10,000-update burst. */
  calls: number
  /** Median ms from the host recording the last report to `sync()` resolving. */
  syncLagMs: number
  /** Median ms for the whole burst plus `sync()`. */
  burstMs: number
  /** Whether the last report always equals the final state. */
  lastIsFinal: boolean
}

const ROUNDS = 21
const UPDATES = 10_000

interface Tracker {
  addPhase(
    name: string,
    weight?: number,
  ): {
    setTotal(n: number): void
    setDone(n: number): void
  }
  sync(): Promise<void>
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function burst(
  sim: HostSimulator,
  make: () => Tracker,
): Promise<{ calls: number; lag: number; ms: number; final: boolean }> {
  sim.clearCalls()
  const t = make()
  const started = performance.now()
  const phase = t.addPhase('burst', 1)
  phase.setTotal(UPDATES)
  for (let i = 1; i <= UPDATES; i++) phase.setDone(i)
  await t.sync()
  const resolved = Date.now()
  const ms = performance.now() - started
  const calls = sim.calls('set-init-progress')
  const last = calls.at(-1)
  const params = last?.params as
    | { progress: { phases: { progress: { done: number } }[] } }
    | undefined
  return {
    calls: calls.length,
    lag: last === undefined ? Number.NaN : resolved - last.at,
    ms,
    final: params?.progress.phases[0]?.progress.done === UPDATES,
  }
}

async function side(
  sim: HostSimulator,
  name: ProgressRow['side'],
  make: () => Tracker,
): Promise<ProgressRow> {
  for (let w = 0; w < 3; w++) await burst(sim, make)
  const calls: number[] = []
  const lags: number[] = []
  const times: number[] = []
  let lastIsFinal = true
  for (let r = 0; r < ROUNDS; r++) {
    const one = await burst(sim, make)
    calls.push(one.calls)
    lags.push(one.lag)
    times.push(one.ms)
    lastIsFinal &&= one.final
  }
  return {
    side: name,
    calls: median(calls),
    syncLagMs: median(lags),
    burstMs: median(times),
    lastIsFinal,
  }
}

export async function progressRows(): Promise<ProgressRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'start-sdk-bench-progress-'))
  const sim = await HostSimulator.start({
    rpcDir: dir,
    packageId: 'bench',
    root: dir,
  })
  const client = createHostClient({
    socketPath: sim.socketPath,
    log: silentLogger,
  })
  try {
    const effects: Effects = createEffects({
      client,
      log: silentLogger,
      eventId: null,
      context: null,
    })
    const sink = (progress: unknown) =>
      effects.setInitProgress({ progress } as never)
    const ours = await side(
      sim,
      'ours',
      () => new FullProgressTracker(sink) as unknown as Tracker,
    )
    const ref = await side(
      sim,
      'reference',
      () =>
        new reference.FullProgressTracker(sink as never) as unknown as Tracker,
    )
    return [ours, ref]
  } finally {
    client.close?.()
    await sim.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function formatProgress(rows: readonly ProgressRow[]): string {
  const ours = rows.find((r) => r.side === 'ours')
  const lines = [
    `progress: ${UPDATES.toLocaleString('en')} setDone calls then sync(), median of ${ROUNDS}`,
    'side      | effect calls | sync() lag after last report | burst + sync | last report = final',
    '----------|--------------|------------------------------|--------------|--------------------',
    ...rows.map(
      (r) =>
        `${r.side.padEnd(9)} | ${String(r.calls).padStart(12)} | ${`${r.syncLagMs} ms`.padStart(28)} | ${`${r.burstMs.toFixed(1)} ms`.padStart(12)} | ${r.lastIsFinal ? 'yes' : 'NO'}`,
    ),
  ]
  if (ours !== undefined) {
    const pass = ours.calls <= 2 && ours.syncLagMs <= 2 && ours.lastIsFinal
    lines.push(
      `targets (ours): ≤ 2 effect calls, sync() ≤ 2 ms after the last report, last report final: ${pass ? 'PASS' : 'FAIL'}`,
    )
  }
  return lines.join('\n')
}
