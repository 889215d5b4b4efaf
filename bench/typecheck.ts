/**
 * Type-check cost of the SDK (issue 10, part 3). Runs `tsc --noEmit --extendedDiagnostics`
 * in fresh processes on examples/full-service three ways, under TypeScript 6 and TypeScript 7:
 *
 * - ours: `examples/full-service/tsconfig.json` (the package resolves to our `dist/`);
 * - reference: `examples/full-service/tsconfig.reference.json`;
 * - no SDK: `bench/typecheck/tsconfig.stub.json`, the same files with the package mapped to
 *   a stub declaring every imported name as `any`: the project's own cost.
 *
 * SDK cost = side − no SDK (median `Total time`); target: ours ≤ 0.5 × reference. It also
 * checks each side's declarations with `--skipLibCheck false`: ours must pass; the
 * reference's result is reported as found. Needs a current `dist/` (`npm run build`).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** The three projects measured. */
export type TypecheckProject = 'ours' | 'reference' | 'no SDK'

/** One fresh `tsc` run's numbers, as printed by `--extendedDiagnostics`. */
export interface TypecheckSample {
  /** `Total time`, seconds. */
  totalS: number
  /** `Check time`, seconds. */
  checkS: number
  instantiations: number
  types: number
  /** `Memory used`, kB. */
  memoryKB: number
  files: number
  /** Wall-clock time of the whole process (node start-up included), ms. */
  wallMs: number
}

/** Medians over the runs of one project under one compiler. */
export interface TypecheckRow {
  compiler: string
  project: TypecheckProject
  runs: number
  median: TypecheckSample
  /** The first diagnostics when a run failed (the numbers are then suspect), else null. */
  errors: string | null
}

/** SDK cost (side − no SDK) under one compiler, ours against the reference. */
export interface SdkCostRow {
  compiler: string
  oursS: number
  referenceS: number
  /** ours / reference, on `Total time`. */
  ratio: number
  target: number
  pass: boolean
  oursInstantiations: number
  referenceInstantiations: number
  oursMemoryKB: number
  referenceMemoryKB: number
}

/** `tsc --noEmit --skipLibCheck false` on one side: every `.d.ts` in the program checked. */
export interface LibCheckRow {
  compiler: string
  project: Exclude<TypecheckProject, 'no SDK'>
  ok: boolean
  errorCount: number
  /** The first error line, if any. */
  firstError: string | null
}

/** Everything `typecheckRows` measured. */
export interface TypecheckReport {
  rows: TypecheckRow[]
  costs: SdkCostRow[]
  libCheck: LibCheckRow[]
  /** Set when `dist/` is older than some `lib/` source: the numbers may not be current. */
  staleDist: string | null
}

const TARGET = 0.5
const MIN_RUNS = 5

const PROJECTS: Record<TypecheckProject, string> = {
  ours: 'examples/full-service/tsconfig.json',
  reference: 'examples/full-service/tsconfig.reference.json',
  'no SDK': 'bench/typecheck/tsconfig.stub.json',
}

interface Compiler {
  label: string
  /** Script run with `node`. */
  bin: string
}

/** The repository root: the first folder up from here holding our package.json. */
function repoRoot(): string {
  let dir = __dirname
  for (;;) {
    const pkg = join(dir, 'package.json')
    if (
      existsSync(pkg) &&
      (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name ===
        '@start9labs/start-sdk'
    )
      return dir
    const up = dirname(dir)
    if (up === dir)
      throw new Error(
        `typecheck bench: no @start9labs/start-sdk package.json above ${__dirname}; run it from the repository's build folder`,
      )
    dir = up
  }
}

function compilers(root: string): Compiler[] {
  const version = (pkg: string): string =>
    (
      JSON.parse(
        readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8'),
      ) as { version: string }
    ).version
  return [
    {
      label: `TS ${version('typescript')}`,
      bin: join(root, 'node_modules/typescript/bin/tsc'),
    },
    {
      label: `TS ${version('typescript7')}`,
      bin: join(root, 'node_modules/typescript7/bin/tsc'),
    },
  ]
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    const st = statSync(path)
    if (st.isDirectory()) newest = Math.max(newest, newestMtime(path))
    else if (name.endsWith('.ts')) newest = Math.max(newest, st.mtimeMs)
  }
  return newest
}

/** Null when `dist/` is at least as new as `lib/`; throws when it is missing. */
function distStaleness(root: string): string | null {
  const index = join(root, 'dist/index.d.ts')
  if (!existsSync(index))
    throw new Error(
      'typecheck bench: dist/index.d.ts is missing; run `npm run build` first',
    )
  const lag = newestMtime(join(root, 'lib')) - statSync(index).mtimeMs
  return lag > 0
    ? `dist/ is ${(lag / 1000).toFixed(0)} s older than the newest lib/ file; run \`npm run build\` for current numbers`
    : null
}

interface Run {
  status: number | null
  output: string
  wallMs: number
}

function tsc(root: string, c: Compiler, args: readonly string[]): Run {
  const started = performance.now()
  const r = spawnSync(process.execPath, [c.bin, '--noEmit', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const wallMs = performance.now() - started
  if (r.error !== undefined) throw r.error
  return { status: r.status, output: `${r.stdout}${r.stderr}`, wallMs }
}

function field(output: string, name: string, unit = ''): number {
  const m = new RegExp(`^${name}:\\s+([\\d.]+)${unit}\\s*$`, 'm').exec(output)
  if (m === null)
    throw new Error(
      `typecheck bench: no "${name}" line in tsc --extendedDiagnostics output:\n${output.slice(-2000)}`,
    )
  return Number(m[1])
}

function errorLines(output: string): string[] {
  return output.split('\n').filter((l) => /error TS\d+:/.test(l))
}

function sample(run: Run): TypecheckSample {
  return {
    totalS: field(run.output, 'Total time', 's'),
    checkS: field(run.output, 'Check time', 's'),
    instantiations: field(run.output, 'Instantiations'),
    types: field(run.output, 'Types'),
    memoryKB: field(run.output, 'Memory used', 'K'),
    files: field(run.output, 'Files'),
    wallMs: run.wallMs,
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

function medianSample(samples: readonly TypecheckSample[]): TypecheckSample {
  const keys = Object.keys(samples[0]!) as (keyof TypecheckSample)[]
  return Object.fromEntries(
    keys.map((k) => [k, median(samples.map((s) => s[k]))]),
  ) as unknown as TypecheckSample
}

/** One compiler: a discarded warm-up of each project, then `runs` rounds in rotating order. */
function measureCompiler(
  root: string,
  c: Compiler,
  runs: number,
): TypecheckRow[] {
  const names = Object.keys(PROJECTS) as TypecheckProject[]
  const samples = new Map<TypecheckProject, TypecheckSample[]>()
  const errors = new Map<TypecheckProject, string>()
  const once = (p: TypecheckProject): TypecheckSample => {
    const run = tsc(root, c, ['--extendedDiagnostics', '-p', PROJECTS[p]])
    if (run.status !== 0 && !errors.has(p))
      errors.set(
        p,
        errorLines(run.output).slice(0, 3).join('\n') || `exit ${run.status}`,
      )
    return sample(run)
  }
  for (const p of names) once(p)
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < names.length; i++) {
      const p = names[(r + i) % names.length]!
      const list = samples.get(p) ?? []
      list.push(once(p))
      samples.set(p, list)
    }
  }
  return names.map((p) => ({
    compiler: c.label,
    project: p,
    runs,
    median: medianSample(samples.get(p)!),
    errors: errors.get(p) ?? null,
  }))
}

function cost(rows: readonly TypecheckRow[], compiler: string): SdkCostRow {
  const get = (p: TypecheckProject): TypecheckSample =>
    rows.find((r) => r.compiler === compiler && r.project === p)!.median
  const base = get('no SDK')
  const ours = get('ours')
  const ref = get('reference')
  const oursS = ours.totalS - base.totalS
  const referenceS = ref.totalS - base.totalS
  const ratio = oursS / referenceS
  return {
    compiler,
    oursS,
    referenceS,
    ratio,
    target: TARGET,
    pass: ratio <= TARGET,
    oursInstantiations: ours.instantiations - base.instantiations,
    referenceInstantiations: ref.instantiations - base.instantiations,
    oursMemoryKB: ours.memoryKB - base.memoryKB,
    referenceMemoryKB: ref.memoryKB - base.memoryKB,
  }
}

function libCheck(
  root: string,
  c: Compiler,
  project: LibCheckRow['project'],
): LibCheckRow {
  const run = tsc(root, c, ['--skipLibCheck', 'false', '-p', PROJECTS[project]])
  const errs = errorLines(run.output)
  return {
    compiler: c.label,
    project,
    ok: run.status === 0,
    errorCount: errs.length,
    firstError: errs[0] ?? null,
  }
}

/**
 * Measures everything; `rounds` below 5 is raised to 5. About a minute with the defaults
 * (TS 6 dominates).
 */
export function typecheckRows(
  rounds: number,
  log: (line: string) => void = () => {},
): TypecheckReport {
  const root = repoRoot()
  const staleDist = distStaleness(root)
  const runs = Math.max(MIN_RUNS, rounds)
  const rows: TypecheckRow[] = []
  const costs: SdkCostRow[] = []
  const checks: LibCheckRow[] = []
  for (const c of compilers(root)) {
    log(`measuring typecheck/${c.label} (${runs} runs × 3 projects)…`)
    const own = measureCompiler(root, c, runs)
    rows.push(...own)
    costs.push(cost(own, c.label))
    log(`checking typecheck/${c.label} --skipLibCheck false…`)
    checks.push(libCheck(root, c, 'ours'), libCheck(root, c, 'reference'))
  }
  return { rows, costs, libCheck: checks, staleDist }
}

function table(header: string[], rows: string[][]): string[] {
  const width = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]!.length)),
  )
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(width[i]!) : c.padStart(width[i]!)))
      .join(' | ')
      .trimEnd()
  return [
    line(header),
    width.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.map(line),
  ]
}

const int = (n: number): string => Math.round(n).toLocaleString('en')
const mb = (kb: number): string => `${(kb / 1024).toFixed(1)} MB`

/** The report as plain text: medians, SDK cost with PASS/FAIL, and the lib checks. */
export function formatTypecheck(report: TypecheckReport): string {
  const { rows, costs, libCheck: checks, staleDist } = report
  const out = [
    `typecheck: examples/full-service, tsc --noEmit --extendedDiagnostics, median of ${rows[0]?.runs ?? 0} fresh runs`,
    ...table(
      [
        'compiler',
        'project',
        'total',
        'check',
        'wall',
        'instantiations',
        'types',
        'memory',
        'files',
      ],
      rows.map((r) => [
        r.compiler,
        r.project,
        `${r.median.totalS.toFixed(2)} s`,
        `${r.median.checkS.toFixed(2)} s`,
        `${r.median.wallMs.toFixed(0)} ms`,
        int(r.median.instantiations),
        int(r.median.types),
        mb(r.median.memoryKB),
        int(r.median.files),
      ]),
    ),
    '',
    `SDK cost = project − no SDK (Total time); target ours ≤ ${TARGET}× reference`,
    ...table(
      [
        'compiler',
        'ours',
        'reference',
        'ratio',
        'status',
        'instantiations ours / ref',
        'memory ours / ref',
      ],
      costs.map((c) => [
        c.compiler,
        `${c.oursS.toFixed(2)} s`,
        `${c.referenceS.toFixed(2)} s`,
        `${c.ratio.toFixed(2)}×`,
        c.pass ? 'PASS' : 'FAIL',
        `${int(c.oursInstantiations)} / ${int(c.referenceInstantiations)}`,
        `${mb(c.oursMemoryKB)} / ${mb(c.referenceMemoryKB)}`,
      ]),
    ),
    '',
    '--skipLibCheck false (every .d.ts in the program checked; ours must pass):',
    ...checks.map(
      (c) =>
        `  ${c.compiler} ${c.project.padEnd(9)} ${c.ok ? 'passes' : `${c.errorCount} error(s), first: ${c.firstError}`}${c.project === 'ours' ? (c.ok ? ' PASS' : ' FAIL') : ''}`,
    ),
  ]
  for (const r of rows)
    if (r.errors !== null)
      out.push(
        `ERROR ${r.compiler} ${r.project} did not type-check:\n${r.errors}`,
      )
  if (staleDist !== null) out.push(`WARNING ${staleDist}`)
  return out.join('\n')
}
