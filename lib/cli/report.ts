/** Where the CLI writes: one function per stream, each given whole lines. */
export interface CliOutput {
  /** Writes a line to standard output. */
  out(line: string): void
  /** Writes a line to standard error. */
  err(line: string): void
}

/** How serious a finding is: errors fail the command, warnings do not (unless `--strict`). */
export type Severity = 'error' | 'warning'

/** One problem `check` found, with where it is and how to fix it. */
export interface Finding {
  readonly severity: Severity
  /** The area that found it: `manifest`, `exver`, `versions`, `interfaces`, `actions`, `exports`. */
  readonly area: string
  /** The file, relative to the package directory, when known. */
  readonly file?: string
  /** 1-based line and column in `file`, when known. */
  readonly line?: number
  readonly column?: number
  /** What is wrong. */
  readonly message: string
  /** What to do about it. */
  readonly fix: string
}

/** Renders `file:line:col` (as much of it as is known), or `''`. */
export function locationOf(
  f: Pick<Finding, 'file' | 'line' | 'column'>,
): string {
  if (f.file === undefined) return ''
  if (f.line === undefined) return f.file
  return f.column === undefined
    ? `${f.file}:${f.line}`
    : `${f.file}:${f.line}:${f.column}`
}

/** Renders a finding as two lines: the problem (with its location), then the fix. */
export function formatFinding(f: Finding): string {
  const where = locationOf(f)
  const head = `${f.severity} [${f.area}] ${where === '' ? '' : `${where}: `}${f.message}`
  return `${head}\n    fix: ${f.fix}`
}

/** Collects findings; one list per command run. */
export class Findings {
  /** Every finding so far, in the order found. */
  readonly list: Finding[] = []

  /** Adds a finding. */
  add(finding: Finding): void {
    this.list.push(finding)
  }

  /** How many findings have `severity`. */
  count(severity: Severity): number {
    return this.list.filter((f) => f.severity === severity).length
  }
}

/** Formats a duration in ms as `0.42 s` / `12.3 s`. */
export function seconds(ms: number): string {
  return ms < 10_000
    ? `${(ms / 1000).toFixed(2)} s`
    : `${(ms / 1000).toFixed(1)} s`
}

/** Lays out rows as a table with a header and a rule; every column left-aligned. */
export function table(
  header: readonly string[],
  rows: readonly string[][],
): string[] {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)),
  )
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ]
}
