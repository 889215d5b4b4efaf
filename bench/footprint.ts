/// <reference types="node" />
/**
 * Load time, memory and footprint, ours against the reference (issue 10, parts 1 and 2):
 *
 * 1. `require()` of the package in a fresh `node`: wall time and RSS after import, median
 *    of {@link RUNS} processes per side, minus an empty `node -e` baseline.
 * 2. The production dependency closure: our packed tarball and `@start9labs/start-sdk@2.0.9`,
 *    each installed with `npm install --omit=dev` into a temp dir; packages and du bytes.
 * 3. examples/full-service bundled with @vercel/ncc against each side: bundle bytes and
 *    `require()` time of the bundle (median of {@link RUNS} fresh processes).
 *
 * Ours is the built package (`dist/`, refresh with `npm run build`). Each part that cannot
 * run (no network, no ncc) is reported with its reason instead of failing the whole bench.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import type { Dirent } from 'node:fs'
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')
const REFERENCE = join(ROOT, 'node_modules/start-sdk-reference')
/** Fresh processes per measured side. */
const RUNS = 21

/** One side of the load-time comparison (times and RSS are net of the empty baseline). */
export interface LoadRow {
  what: string
  side: 'ours' | 'reference'
  ms: number
  rssMb: number
}

/** A production install: packages besides the SDK itself, and bytes on disk. */
export interface InstallRow {
  side: 'ours' | 'reference'
  packages: number
  /** `du -sk` of the whole node_modules (the SDK included), in bytes. */
  bytes: number
  /** {@link bytes} without the SDK's own files: its dependency closure alone. */
  depsBytes: number
  names: string[]
}

/** An ncc bundle of examples/full-service. */
export interface BundleRow {
  side: 'ours' | 'reference'
  bytes: number
  requireMs: number
}

/** Everything this module measures; a part that could not run holds its reason. */
export interface FootprintReport {
  load: LoadRow[] | string
  install: InstallRow[] | string
  devOnlyDependencies: string[]
  bundle: BundleRow[] | string
  distStale: boolean
}

const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const SHOW_RSS = 'process.stdout.write(String(process.memoryUsage().rss))'

/** Runs each script in fresh processes, interleaved; medians net of an empty process. */
function loadRows(
  cases: readonly { what: string; side: LoadRow['side']; file: string }[],
): LoadRow[] {
  const scripts = [
    SHOW_RSS,
    ...cases.map((c) => `require(${JSON.stringify(c.file)});${SHOW_RSS}`),
  ]
  const ms: number[][] = scripts.map(() => [])
  const rss: number[][] = scripts.map(() => [])
  for (let r = 0; r < RUNS + 2; r++) {
    scripts.forEach((script, i) => {
      const started = process.hrtime.bigint()
      const run = spawnSync(process.execPath, ['-e', script], {
        cwd: tmpdir(),
        encoding: 'utf8',
      })
      const took = Number(process.hrtime.bigint() - started) / 1e6
      if (run.status !== 0)
        throw new Error(`node -e ${script} failed: ${run.stderr}`)
      if (r < 2) return // warm the disk cache
      ms[i].push(took)
      rss[i].push(Number(run.stdout))
    })
  }
  const baseMs = median(ms[0])
  const baseRss = median(rss[0])
  return cases.map((c, i) => ({
    what: c.what,
    side: c.side,
    ms: median(ms[i + 1]) - baseMs,
    rssMb: (median(rss[i + 1]) - baseRss) / 2 ** 20,
  }))
}

/** Names of the installed packages under `dir` (nested node_modules included). */
function packagesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true }) as Dirent[]) {
    if (e.name.startsWith('.') || !(e.isDirectory() || e.isSymbolicLink()))
      continue
    if (e.name.startsWith('@') && prefix === '') {
      out.push(...packagesUnder(join(dir, e.name), `${e.name}/`))
      continue
    }
    const name = prefix + e.name
    out.push(name, ...packagesUnder(join(dir, e.name, 'node_modules')))
  }
  return out
}

/** Bytes on disk under `path` (`du -sk`), 0 when it does not exist. */
function du(path: string): number {
  if (!existsSync(path)) return 0
  const out = execFileSync('du', ['-sk', path], { encoding: 'utf8' })
  return Number(out.split('\t')[0]) * 1024
}

function npm(args: readonly string[], cwd: string): string {
  return execFileSync('npm', [...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  })
}

/** Installs `spec` with `--omit=dev` in a fresh dir and counts what landed. */
function installRow(side: InstallRow['side'], spec: string): InstallRow {
  const dir = mkdtempSync(join(tmpdir(), `start-sdk-footprint-${side}-`))
  try {
    writeFileSync(join(dir, 'package.json'), '{"private":true}\n')
    npm(
      [
        'install',
        '--omit=dev',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
      ].concat(['--no-package-lock', spec]),
      dir,
    )
    const modules = join(dir, 'node_modules')
    const sdk = join(modules, '@start9labs/start-sdk')
    const names = packagesUnder(modules).filter(
      (n) => n !== '@start9labs/start-sdk',
    )
    const own = du(sdk) - du(join(sdk, 'node_modules'))
    const bytes = du(modules)
    return {
      side,
      packages: names.length,
      bytes,
      depsBytes: bytes - own,
      names,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function installRows(): InstallRow[] {
  const dest = mkdtempSync(join(tmpdir(), 'start-sdk-footprint-pack-'))
  try {
    const packed = JSON.parse(
      npm(['pack', '--json', '--pack-destination', dest], ROOT),
    ) as { filename: string }[]
    return [
      installRow('ours', join(dest, packed[0].filename)),
      installRow('reference', '@start9labs/start-sdk@2.0.9'),
    ]
  } finally {
    rmSync(dest, { recursive: true, force: true })
  }
}

/** Tools and type packages that have no business in `dependencies`. */
function devOnlyDependencies(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>
  }
  const deps = Object.keys(pkg.dependencies ?? {})
  const tools =
    /^(typescript|prettier|eslint|@vercel\/ncc|ts-node|tsx|esbuild|jest|mocha|vitest|@types\/node)$|eslint/
  return deps.filter((d) => {
    if (tools.test(d)) return true
    // A type package ships only for the types of a runtime dependency it stands beside.
    if (!d.startsWith('@types/')) return false
    const lib = d.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2')
    return !deps.includes(lib)
  })
}

/** Bundles a staged copy of examples/full-service against `sdk` with ncc. */
function bundle(side: BundleRow['side'], sdk: string, dir: string): string {
  const example = join(ROOT, 'examples/full-service')
  const stage = join(dir, side)
  mkdirSync(join(stage, 'node_modules/@start9labs'), { recursive: true })
  for (const f of ['startos', 'tsconfig.json', 'package.json'])
    cpSync(join(example, f), join(stage, f), { recursive: true })
  symlinkSync(sdk, join(stage, 'node_modules/@start9labs/start-sdk'))
  for (const dep of ['@types', 'typescript'])
    symlinkSync(
      join(ROOT, 'node_modules', dep),
      join(stage, 'node_modules', dep),
    )
  const ncc = join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js')
  execFileSync(
    process.execPath,
    [ncc, 'build', 'startos/index.ts', '-o', 'javascript', '-q'],
    { cwd: stage, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 },
  )
  return join(stage, 'javascript/index.js')
}

function bundleRows(): BundleRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'start-sdk-footprint-ncc-'))
  try {
    const ours = bundle('ours', ROOT, dir)
    const ref = bundle('reference', REFERENCE, dir)
    const [o, r] = loadRows([
      { what: 'bundle', side: 'ours', file: ours },
      { what: 'bundle', side: 'reference', file: ref },
    ])
    return [
      { side: 'ours', bytes: statSync(ours).size, requireMs: o.ms },
      { side: 'reference', bytes: statSync(ref).size, requireMs: r.ms },
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Whether any lib/ source is newer than dist/index.js (ours would be measured stale). */
function distStale(): boolean {
  const built = join(ROOT, 'dist/index.js')
  if (!existsSync(built)) return true
  const at = statSync(built).mtimeMs
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory()
        ? newer(join(dir, e.name))
        : e.name.endsWith('.ts') && statSync(join(dir, e.name)).mtimeMs > at,
    )
  return newer(join(ROOT, 'lib'))
}

const attempt = <T>(what: string, run: () => T): T | string => {
  try {
    return run()
  } catch (e) {
    return `${what} unavailable: ${(e as Error).message.split('\n')[0]}`
  }
}

/** Measures all three parts; `only` (from `--only=footprint/…`) picks load, install or bundle. */
export function footprintRows(only: string | null = null): FootprintReport {
  const want = (part: string): boolean =>
    only === null || !only.includes('/') || only.endsWith(`/${part}`)
  const skipped = 'not measured (--only)'
  const built = existsSync(join(ROOT, 'dist/index.js'))
  return {
    distStale: distStale(),
    load: !want('load')
      ? skipped
      : !built
        ? 'dist/ is missing: run `npm run build` first'
        : attempt('load', () =>
            loadRows([
              {
                what: 'package',
                side: 'ours',
                file: join(ROOT, 'dist/index.js'),
              },
              { what: 'package', side: 'reference', file: REFERENCE },
              {
                what: 'zod (ours uses it)',
                side: 'ours',
                file: join(ROOT, 'node_modules/zod'),
              },
            ]),
          ),
    install: want('install') ? attempt('install', installRows) : skipped,
    devOnlyDependencies: devOnlyDependencies(),
    bundle: want('bundle') ? attempt('ncc bundle', bundleRows) : skipped,
  }
}

const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL')
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`

/** The report as text, with the targets of issue 10 and PASS/FAIL for each. */
export function formatFootprint(r: FootprintReport): string {
  const lines = [
    'footprint (fresh node processes, median, net of `node -e ""`)',
  ]
  if (r.distStale)
    lines.push('warning: dist/ is older than lib/ (run `npm run build`)')
  if (typeof r.load === 'string') lines.push(`load: ${r.load}`)
  else {
    for (const row of r.load)
      lines.push(
        `load  ${`${row.side} ${row.what}`.padEnd(28)} ${`${row.ms.toFixed(1)} ms`.padStart(9)}  RSS +${row.rssMb.toFixed(1)} MB`,
      )
    const [o, ref, zod] = r.load
    lines.push(
      `load  zod's share of ours: ${((zod.ms / o.ms) * 100).toFixed(0)}% of the time, ${((zod.rssMb / o.rssMb) * 100).toFixed(0)}% of the RSS`,
      `load  require time ours/reference ${ratio(o.ms, ref.ms)} (target ≤ 0.3×): ${verdict(o.ms <= 0.3 * ref.ms)}`,
      `load  RSS ours/reference ${ratio(o.rssMb, ref.rssMb)} (target ≤ 0.7×): ${verdict(o.rssMb <= 0.7 * ref.rssMb)}`,
    )
  }
  if (typeof r.install === 'string') lines.push(`install: ${r.install}`)
  else {
    for (const row of r.install)
      lines.push(
        `install ${row.side.padEnd(9)} ${String(row.packages).padStart(4)} packages  deps ${mb(row.depsBytes).padStart(9)}  with the SDK ${mb(row.bytes).padStart(9)}`,
      )
    const o = r.install[0]
    lines.push(
      `install ours: ${o.names.join(' ')}`,
      `install ours/reference: ${ratio(o.packages, r.install[1].packages)} packages, ${ratio(o.depsBytes, r.install[1].depsBytes)} deps bytes`,
      `install ours: ≤ 15 packages and ≤ 12 MB of dependencies (npm install --omit=dev of the packed tarball): ${verdict(o.packages <= 15 && o.depsBytes <= 12e6)}`,
    )
  }
  lines.push(
    `dependencies: dev-only entries ${r.devOnlyDependencies.length === 0 ? 'none: PASS' : `${r.devOnlyDependencies.join(', ')}: FAIL`}`,
  )
  if (typeof r.bundle === 'string') lines.push(`bundle: ${r.bundle}`)
  else {
    for (const row of r.bundle)
      lines.push(
        `bundle ${row.side.padEnd(9)} ${mb(row.bytes).padStart(9)}  require ${row.requireMs.toFixed(1)} ms`,
      )
    const [o, ref] = r.bundle
    lines.push(
      `bundle size ours/reference ${ratio(o.bytes, ref.bytes)} (target ≤ 0.5×): ${verdict(o.bytes <= 0.5 * ref.bytes)}`,
      `bundle require time ours/reference ${ratio(o.requireMs, ref.requireMs)} (target ≤ 0.5×): ${verdict(o.requireMs <= 0.5 * ref.requireMs)}`,
    )
  }
  return lines.join('\n')
}
