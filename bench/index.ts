/**
 * Runs every benchmark module and prints one table: ours against the reference, with
 * targets. A report, not a test: it exits 0 even when a target is missed.
 *
 *   npm run bench [-- --json | --json=FILE | --rounds=N | --ms=N | --warmup=N | --only=TEXT]
 */
import { writeFileSync } from 'node:fs'
import { exver } from './exver'
import { formatRoundTrips, roundTripRows } from './effects'
import { fileRows } from './fileHelper'
import { formatProgress, progressRows } from './progress'
import { formatTypecheck, typecheckRows } from './typecheck'
import { daemonRows, formatDaemons } from './daemons'
import { footprintRows, formatFootprint } from './footprint'
import { formatHostile, hostileRows } from './hostile'
import { checksum, formatTable, measure, parseArgs } from './harness'
import type { BenchModule, Result } from './harness'

/** The benchmark modules, in run order. A new module exports a `BenchModule` and is added here. */
const MODULES: readonly BenchModule[] = [exver]

async function main(): Promise<void> {
  let cli: ReturnType<typeof parseArgs>
  try {
    cli = parseArgs(process.argv.slice(2))
  } catch (e) {
    process.stderr.write(
      `${(e as Error).message}\nusage: node .build/bench/index.js [--json | --json=FILE] [--rounds=N] [--ms=N] [--warmup=N] [--only=TEXT]\n`,
    )
    process.exitCode = 2
    return
  }
  const results: Result[] = []
  for (const m of MODULES) {
    for (const op of m.operations()) {
      const label = `${m.name}/${op.name}`
      if (cli.only !== null && !label.includes(cli.only)) continue
      if (!cli.json) process.stderr.write(`measuring ${label}…\n`)
      results.push(measure(m.name, op, cli.options))
    }
  }
  const files =
    cli.only === null ||
    'file'.includes(cli.only) ||
    cli.only.startsWith('file')
      ? await fileRows(cli.options, cli.only)
      : []
  if (files.length > 0 && !cli.json) process.stderr.write('measured file/…\n')
  results.push(...files)
  const hostile =
    cli.only === null || 'hostile'.includes(cli.only) ? hostileRows() : []
  const roundTrips =
    cli.only === null || 'effects'.includes(cli.only)
      ? await roundTripRows()
      : []
  const daemons =
    cli.only === null || cli.only.startsWith('daemons')
      ? await daemonRows()
      : []
  const progress =
    cli.only === null || 'progress'.includes(cli.only)
      ? await progressRows()
      : []
  const typecheck =
    cli.only === null || cli.only.startsWith('typecheck')
      ? typecheckRows(cli.options.rounds, (line) => {
          if (!cli.json) process.stderr.write(`${line}\n`)
        })
      : null
  const footprint =
    cli.only === null ||
    'footprint'.includes(cli.only) ||
    cli.only.startsWith('footprint')
      ? footprintRows(cli.only)
      : null
  const report = {
    node: process.version,
    options: cli.options,
    results,
    hostile,
    roundTrips,
    daemons,
    progress,
    typecheck,
    footprint,
    checksum: checksum(),
  }
  if (cli.json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n')
  } else {
    process.stdout.write(formatTable(results) + '\n')
    if (hostile.length > 0)
      process.stdout.write(`\n${formatHostile(hostile)}\n`)
    if (roundTrips.length > 0)
      process.stdout.write(`\n${formatRoundTrips(roundTrips)}\n`)
    if (daemons.length > 0)
      process.stdout.write(`\n${formatDaemons(daemons)}\n`)
    if (progress.length > 0)
      process.stdout.write(`\n${formatProgress(progress)}\n`)
    if (footprint !== null)
      process.stdout.write(`\n${formatFootprint(footprint)}\n`)
    if (typecheck !== null)
      process.stdout.write(`\n${formatTypecheck(typecheck)}\n`)
    process.stdout.write(
      `\n${cli.options.rounds} rounds × ≥${cli.options.roundMs} ms per side, median; node ${process.version}; checksum ${checksum()}\n`,
    )
  }
  if (cli.jsonFile !== null)
    writeFileSync(cli.jsonFile, JSON.stringify(report, null, 2) + '\n')
}

// Exit when done: the reference's Daemons.dynamic leaves health-check timers running after
// term() (ours leaves none; test/main checks that), which would keep this process alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`)
    process.exit(1)
  },
)
