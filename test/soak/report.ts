/** Renders a {@link SoakReport} as a plain-text table, a summary and a PASS/FAIL line. */
import { rowProblems } from './harness'
import type { CycleRow, SoakReport } from './harness'

/** Cycles always shown in the table (when the run has them), besides any with a problem. */
const MILESTONES = [1, 2, 5, 10, 20, 50, 100, 150, 200]

const HEADER = [
  'cycle',
  'ready ms',
  'stop ms',
  'procs up',
  'left',
  'subc +/-/dirs',
  'fds',
  'resources Δ',
  'late calls',
  'RSS MiB',
  'heap MiB',
]

const mib = (kb: number): string => (kb / 1024).toFixed(1)

function cells(row: CycleRow): string[] {
  return [
    String(row.cycle),
    String(row.readyMs),
    String(row.stopMs),
    String(row.daemonsUp),
    `${row.leftAtReply}/${row.left.length}`,
    `${row.created}/${row.destroyed}/${row.folders}`,
    String(row.fds),
    row.resources.join(' ') || '0',
    row.lateCalls.join(' ') || '-',
    mib(row.rssKb),
    row.heapKb === null ? '' : mib(row.heapKb),
  ]
}

/** Minimum, median and maximum of `values`, as `min/median/max`. */
function spread(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0
  return `${sorted[0] ?? 0}/${median}/${sorted[sorted.length - 1] ?? 0}`
}

function table(rows: readonly string[][]): string {
  const widths = HEADER.map((_, i) =>
    Math.max(...rows.map((row) => row[i]!.length)),
  )
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

/** The report as text: milestone and failing cycles, then figures, problems and verdict. */
export function formatReport(report: SoakReport, ready: string): string {
  const last = report.rows.length
  const shown = report.rows.filter(
    (row) =>
      MILESTONES.includes(row.cycle) ||
      row.cycle === last ||
      row.cycle === report.rss.from ||
      rowProblems(row, report.baseline).length > 0,
  )
  const heap = (n: number): string => {
    const kb = report.rows[n - 1]?.heapKb
    return kb === null || kb === undefined ? '?' : mib(kb)
  }
  const { rss, cold, baseline } = report
  const lines = [
    table([HEADER, ...shown.slice(0, 40).map(cells)]),
    '',
    `cycles: ${report.cycles} in ${report.seconds.toFixed(0)} s; ready = ${ready}; ports ui ${report.ports.ui}, db ${report.ports.db}, p2p ${report.ports.p2p}-${report.ports.p2p + 1}`,
    `ready ms min/median/max: ${spread(report.rows.map((r) => r.readyMs))}; stop ms: ${spread(report.rows.map((r) => r.stopMs))}`,
    `fds: ${cold.fds} after init, baseline ${baseline.fds} after cycle 1, max after a stop ${Math.max(...report.rows.map((r) => r.fds))}`,
    `active resources after init: ${JSON.stringify(cold.resources)}; baseline: ${JSON.stringify(baseline.resources)}`,
    `RSS: ${mib(cold.rssKb)} MiB after init, ${mib(rss.fromKb)} MiB at cycle ${rss.from}, ${mib(rss.lastKb)} MiB at cycle ${last}; limit ${mib(rss.limitKb)} MiB (cycle ${rss.from} × 1.2 + 5 MiB)`,
    `heap after full GC: ${heap(rss.from)} MiB at cycle ${rss.from}, ${heap(last)} MiB at cycle ${last}`,
    ...report.problems.slice(0, 30).map((p) => `problem: ${p}`),
    ...report.rows
      .filter((row) => row.detail !== '')
      .slice(0, 3)
      .map((row) => `cycle ${row.cycle} detail: ${row.detail}`),
    report.problems.length === 0
      ? 'PASS'
      : `FAIL (${report.problems.length} problem(s))`,
  ]
  return lines.join('\n')
}
