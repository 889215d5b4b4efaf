/**
 * Worst-case timings of the exver parsers on hostile input: each input is parsed five
 * times by every entry point and the slowest single parse is reported against the
 * 50 ms budget. Only ours runs: the reference overflows its stack or runs for minutes on
 * several of these.
 */
import { ExtendedVersion, Version, VersionRange } from '../lib/exver'

export interface HostileRow {
  input: string
  maxMs: number
  pass: boolean
}

const MB = 1 << 20
const BUDGET_MS = 50

function inputs(): [string, string][] {
  const every = Array.from({ length: 65_536 }, (_, i) =>
    String.fromCharCode(i),
  ).join('')
  let longValid = '=0.0:0'
  for (let i = 1; longValid.length + 20 < 65_536; i++)
    longValid += ` || =${i}.${i % 7}:0`
  return [
    ['1 MiB of "("', '('.repeat(MB)],
    ['10k unbalanced "("', `${'('.repeat(10_000)}1`],
    ['5k "!("', `${'!('.repeat(5_000)}1`],
    ['1 MiB of "!" then x', `${'!'.repeat(MB)}x`],
    ['1 MiB of digits', '9'.repeat(MB)],
    ['1 MiB of spaces', ` ${' '.repeat(MB)}`],
    [
      '1 MiB valid-looking range',
      Array(MB / 8)
        .fill('>=1.0:0')
        .join('||'),
    ],
    ['every UTF-16 code unit', every],
    ['64 KiB valid range', longValid],
    ['unicode look-alikes ×10k', '≥１.０:０ && ＜２'.repeat(10_000)],
  ]
}

const parsers = [
  (s: string) => VersionRange.parse(s),
  (s: string) => ExtendedVersion.parse(s),
  (s: string) => Version.parse(s),
  (s: string) => VersionRange.parseEmver(s),
]

export function hostileRows(): HostileRow[] {
  return inputs().map(([input, text]) => {
    let maxMs = 0
    for (let round = 0; round < 5; round++) {
      for (const parse of parsers) {
        const start = process.hrtime.bigint()
        try {
          parse(text)
        } catch {
          // Refusals are the expected outcome; only the time matters here.
        }
        maxMs = Math.max(maxMs, Number(process.hrtime.bigint() - start) / 1e6)
      }
    }
    return { input, maxMs, pass: maxMs <= BUDGET_MS }
  })
}

export function formatHostile(rows: readonly HostileRow[]): string {
  const lines = [
    'hostile input (slowest of 5 runs × 4 parsers) | max ms | budget | status',
    '----------------------------------------------|--------|--------|-------',
  ]
  for (const r of rows) {
    lines.push(
      `${r.input.padEnd(46)}| ${r.maxMs.toFixed(2).padStart(6)} | ≤${BUDGET_MS} ms |   ${r.pass ? 'PASS' : 'FAIL'}`,
    )
  }
  return lines.join('\n')
}
