/**
 * Daemons.dynamic reconcile time with 10, 100 and 1,000 entries where one entry changes
 * between runs (its `ready.gracePeriod` alternates, so it restarts and the rest is left
 * alone). The daemons are JS functions waiting for their abort signal, with no subcontainer,
 * on in-process effects whose host answers every call with `null`: what is measured is the
 * reconciler (builder, hashing, diff, one stop and one start), not process spawning.
 *
 * Timing: the builder asks for the next run from inside the current one (so it is queued as
 * the pending re-run); the time between the first builder call of a batch and the call after
 * its last reconcile, divided by the batch size, is the time per reconcile. The reference
 * (2.0.9) is measured the same way in the same process.
 */
import type { Effects } from '../lib/effects'
import { Daemons } from '../lib/main'
import { CallbackContext, createEffects, silentLogger } from '../lib/runtime'
import type { SDKManifest } from '../lib/types'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ref = require('start-sdk-reference') as {
  Daemons: {
    of(options: { effects: Effects }): RefChain
    dynamic(effects: Effects, fn: (o: { effects: Effects }) => unknown): Side
  }
}
interface RefChain {
  addDaemon(id: string, options: unknown): RefChain
}
/** What both reconcilers offer the benchmark. */
interface Side {
  build(): Promise<{ term(): Promise<void> }>
  scheduleRerun(): void
}

/** One size's measurement. */
export interface DaemonRow {
  entries: number
  oursMsPerReconcile: number
  referenceMsPerReconcile: number | null
  /** Why the reference could not be measured, if it could not. */
  referenceError?: string
}

const SIZES = [10, 100, 1_000] as const
const ROUNDS = 5

/** Reconciles per timed batch: enough for ~tens of milliseconds at each size. */
function batchFor(entries: number): number {
  return Math.max(5, Math.round(2_000 / entries))
}

/** In-process effects in a live context; every host call answers `null`. */
function benchEffects(): { effects: Effects; leave: () => void } {
  const root = new CallbackContext('root', silentLogger)
  const effects = createEffects({
    client: { call: () => Promise.resolve(null) },
    log: silentLogger,
    eventId: null,
    context: root.child('main'),
  })
  return { effects, leave: () => root.leave() }
}

/** A chain whose ids are only known at run time (both SDKs' chains fit it). */
interface LooseChain {
  addDaemon(id: string, options: unknown): LooseChain
}

type ChainOf = (effects: Effects) => LooseChain

/** The options of entry `i` on run `run`: entry `changed` alternates its grace period. */
function entryOptions(i: number, changed: number, run: number): unknown {
  return {
    subcontainer: null,
    exec: {
      fn: (_sub: null, abort: AbortSignal) =>
        new Promise<null>((resolve) => {
          if (abort.aborted) resolve(null)
          else abort.addEventListener('abort', () => resolve(null))
        }),
    },
    ready: {
      display: null,
      fn: () => ({ result: 'success', message: null }),
      gracePeriod: i === changed ? 10_000 + (run & 1) : 10_000,
    },
    requires: [],
  }
}

/** Median milliseconds per reconcile of one side at one size. */
async function measureSide(
  entries: number,
  chainOf: ChainOf,
  dynamic: (effects: Effects, fn: (o: { effects: Effects }) => unknown) => Side,
): Promise<number> {
  const { effects, leave } = benchEffects()
  const changed = entries >> 1
  const batch = batchFor(entries)
  let run = 0
  let remaining = 0
  let stopAt = -1
  let startedAt = 0n
  let done: (() => void) | null = null
  let reconciler: Side | null = null
  const fn = ({ effects: fx }: { effects: Effects }): unknown => {
    run++
    if (run === stopAt) done?.()
    if (remaining > 0) {
      if (remaining === batch) startedAt = process.hrtime.bigint()
      remaining--
      reconciler?.scheduleRerun()
    }
    let chain = chainOf(fx)
    for (let i = 0; i < entries; i++) {
      chain = chain.addDaemon(`d${i}`, entryOptions(i, changed, run))
    }
    return chain
  }
  reconciler = dynamic(effects, fn)
  const handle = await reconciler.build()
  const samples: number[] = []
  for (let round = 0; round <= ROUNDS; round++) {
    const finished = new Promise<void>((resolve) => (done = resolve))
    remaining = batch
    stopAt = run + batch + 1
    reconciler.scheduleRerun()
    await finished
    const ms = Number(process.hrtime.bigint() - startedAt) / 1e6
    // Round 0 warms up.
    if (round > 0) samples.push(ms / batch)
  }
  await handle.term()
  leave()
  samples.sort((a, b) => a - b)
  return samples[samples.length >> 1] as number
}

const ours: ChainOf = (effects) =>
  Daemons.of<SDKManifest>({ effects }) as unknown as LooseChain
const theirs: ChainOf = (effects) =>
  ref.Daemons.of({ effects }) as unknown as LooseChain

let muted = false

/**
 * The reference logs `Launching <id>...` for every daemon it starts, also from loops that
 * outlive `term()`; those lines are dropped for the rest of this process (the bench prints
 * its tables with `process.stdout.write`, so nothing else is lost).
 */
function muteReferenceLaunchLines(): void {
  if (muted) return
  muted = true
  for (const level of ['log', 'debug'] as const) {
    const write = console[level]
    console[level] = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('Launching '))
        return
      write(...args)
    }
  }
}

/** Measures every size, ours and (when it runs here) the reference. */
export async function daemonRows(): Promise<DaemonRow[]> {
  const rows: DaemonRow[] = []
  for (const entries of SIZES) {
    const oursMs = await measureSide(entries, ours, (effects, fn) =>
      Daemons.dynamic<SDKManifest>(effects, fn as never),
    )
    let referenceMs: number | null = null
    let referenceError: string | undefined
    muteReferenceLaunchLines()
    try {
      referenceMs = await measureSide(entries, theirs, (effects, fn) =>
        ref.Daemons.dynamic(effects, fn),
      )
    } catch (error) {
      referenceError = (error as Error).message
    }
    rows.push({
      entries,
      oursMsPerReconcile: oursMs,
      referenceMsPerReconcile: referenceMs,
      ...(referenceError === undefined ? {} : { referenceError }),
    })
  }
  return rows
}

/** Per-entry time at the largest size over that at the one before: ≤ 1.5 is linear or better. */
export function growth(rows: readonly DaemonRow[]): number {
  const perEntry = (r: DaemonRow): number => r.oursMsPerReconcile / r.entries
  const big = rows.find((r) => r.entries === 1_000)
  const mid = rows.find((r) => r.entries === 100)
  if (big === undefined || mid === undefined) return Number.NaN
  return perEntry(big) / perEntry(mid)
}

/** The rows as text, with the growth verdict. */
export function formatDaemons(rows: readonly DaemonRow[]): string {
  const out = [
    'Daemons.dynamic reconcile (one entry of N changes per run)',
    'entries | ours ms/reconcile | ours µs/entry | reference ms/reconcile | ratio (ref/ours)',
  ]
  for (const r of rows) {
    const refMs = r.referenceMsPerReconcile
    out.push(
      [
        String(r.entries).padStart(7),
        r.oursMsPerReconcile.toFixed(3).padStart(17),
        ((r.oursMsPerReconcile / r.entries) * 1_000).toFixed(2).padStart(13),
        (refMs === null ? 'n/a' : refMs.toFixed(3)).padStart(22),
        (refMs === null
          ? `n/a (${r.referenceError ?? 'not run'})`
          : `${(refMs / r.oursMsPerReconcile).toFixed(2)}×`
        ).padStart(16),
      ].join(' | '),
    )
  }
  const g = growth(rows)
  out.push(
    Number.isNaN(g)
      ? 'growth: not measured (needs the 100 and 1,000 rows)'
      : `growth: per-entry time at 1,000 is ${g.toFixed(2)}× that at 100 (target ≤ 1.5×): ${g <= 1.5 ? 'PASS, linear or better' : 'FAIL, worse than linear'}`,
  )
  return out.join('\n')
}
