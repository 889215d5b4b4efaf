/**
 * A tiny benchmark harness: runs our implementation and the reference alternately in the
 * same process over the same inputs and reports median throughput. No dependencies.
 */

/** One side of a comparison: a pass over the whole corpus, returning a checksum. */
export type Pass = () => number

export interface Operation {
  /** Shown in the table, e.g. `ExtendedVersion.parse`. */
  name: string
  /** How many operations one pass performs (the corpus size). */
  opsPerPass: number
  ours: Pass
  reference: Pass
  /** Minimum acceptable ours/reference ratio; absent for informational rows. */
  target?: number
  /** A note printed under the table, e.g. what the corpus is. */
  note?: string
}

/** A group of operations; `bench/index.ts` lists the modules to run. */
export interface BenchModule {
  name: string
  /** Builds the operations (and parses corpora) lazily, so unselected modules cost nothing. */
  operations(): Operation[]
}

export interface Options {
  /** Measured rounds per side; the median is reported. */
  rounds: number
  /** Minimum duration of one round, in milliseconds. */
  roundMs: number
  /** Warm-up per side before measuring, in milliseconds. */
  warmupMs: number
}

export const DEFAULT_OPTIONS: Options = {
  rounds: 5,
  roundMs: 250,
  warmupMs: 300,
}

export interface Result {
  module: string
  operation: string
  oursOpsPerSec: number
  referenceOpsPerSec: number
  /** ours / reference. */
  ratio: number
  target: number | null
  /** `null` for informational rows. */
  pass: boolean | null
  rounds: { ours: number[]; reference: number[] }
  note?: string
}

/** Accumulates every pass's result so the work cannot be optimised away. */
let sink = 0

export function checksum(): number {
  return sink
}

function now(): bigint {
  return process.hrtime.bigint()
}

/** Repeats `pass` for at least `ms`; returns operations per second. */
function timed(pass: Pass, opsPerPass: number, ms: number): number {
  const budget = BigInt(Math.round(ms * 1e6))
  let passes = 0
  let acc = 0
  const start = now()
  let elapsed = 0n
  do {
    acc = (acc + pass()) | 0
    passes++
    elapsed = now() - start
  } while (elapsed < budget)
  sink = (sink + acc) | 0
  return (passes * opsPerPass) / (Number(elapsed) / 1e9)
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1
    ? (s[m] as number)
    : ((s[m - 1] as number) + (s[m] as number)) / 2
}

/** Measures one operation: warm-up, then rounds alternating which side goes first. */
export function measure(
  module: string,
  op: Operation,
  o: Options = DEFAULT_OPTIONS,
): Result {
  timed(op.ours, op.opsPerPass, o.warmupMs)
  timed(op.reference, op.opsPerPass, o.warmupMs)
  const ours: number[] = []
  const reference: number[] = []
  for (let i = 0; i < o.rounds; i++) {
    if (i % 2 === 0) {
      ours.push(timed(op.ours, op.opsPerPass, o.roundMs))
      reference.push(timed(op.reference, op.opsPerPass, o.roundMs))
    } else {
      reference.push(timed(op.reference, op.opsPerPass, o.roundMs))
      ours.push(timed(op.ours, op.opsPerPass, o.roundMs))
    }
  }
  const a = median(ours)
  const b = median(reference)
  const ratio = a / b
  const target = op.target ?? null
  return {
    module,
    operation: op.name,
    oursOpsPerSec: a,
    referenceOpsPerSec: b,
    ratio,
    target,
    pass: target === null ? null : ratio >= target,
    rounds: { ours, reference },
    ...(op.note === undefined ? {} : { note: op.note }),
  }
}

function ops(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} M`
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} k`
  return n.toFixed(1)
}

/** The results as a plain-text table. */
export function formatTable(results: readonly Result[]): string {
  const header = [
    'operation',
    'ours ops/s',
    'reference ops/s',
    'ratio (ours/ref)',
    'target',
    'status',
  ]
  const rows = results.map((r) => [
    r.operation,
    ops(r.oursOpsPerSec),
    ops(r.referenceOpsPerSec),
    `${r.ratio.toFixed(2)}×`,
    r.target === null ? 'info' : `≥${r.target}×`,
    r.pass === null ? '' : r.pass ? 'PASS' : 'FAIL',
  ])
  const width = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]!.length)),
  )
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!)))
      .join(' | ')
      .trimEnd()
  const out = [line(header), width.map((w) => '-'.repeat(w)).join('-|-')]
  for (const row of rows) out.push(line(row))
  const notes = results.filter((r) => r.note !== undefined)
  if (notes.length > 0)
    out.push('', ...notes.map((r) => `${r.operation}: ${r.note}`))
  return out.join('\n')
}

/** Command-line options: `--json` (JSON to stdout), `--json=FILE`, `--rounds=N`, `--ms=N`, `--only=TEXT`. */
export interface Cli {
  json: boolean
  jsonFile: string | null
  only: string | null
  options: Options
}

export function parseArgs(argv: readonly string[]): Cli {
  const cli: Cli = {
    json: false,
    jsonFile: null,
    only: null,
    options: { ...DEFAULT_OPTIONS },
  }
  for (const arg of argv) {
    const [key, value] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined]
    const int = (): number => {
      const n = Number(value)
      if (!Number.isInteger(n) || n <= 0)
        throw new Error(`${key} needs a positive integer, got ${value}`)
      return n
    }
    if (key === '--json' && value === undefined) cli.json = true
    else if (key === '--json') cli.jsonFile = value ?? null
    else if (key === '--rounds') cli.options.rounds = int()
    else if (key === '--ms') cli.options.roundMs = int()
    else if (key === '--warmup') cli.options.warmupMs = int()
    else if (key === '--only') cli.only = value ?? null
    else throw new Error(`unknown option ${arg}`)
  }
  return cli
}
