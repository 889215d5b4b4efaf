import { SdkError } from '../errors'

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

// A decimal amount (digits optional, as in `.5s`) then a unit; text after the unit is ignored.
const DURATION = /^\s*(\d*(?:\.\d+)?)\s*(ms|s|m|h|d)/

/**
 * A duration in milliseconds: a number is returned as it is; a string is a decimal amount and
 * a unit, `ms`, `s`, `m`, `h` or `d` (`'500ms'`, `'1.5s'`, `'2m'`, `'1h'`), rounded to a whole
 * millisecond. Only the first amount and unit are read (`'1min'` is one minute, `'2h30m'` two
 * hours). `undefined`, `null` and `''` give `undefined`.
 *
 * @example
 * ```ts
 * inMs('1.5s') // 1500
 * inMs(250) // 250
 * ```
 * @throws SdkError `ARGUMENT_INVALID` when a string does not start with an amount and a unit
 */
export const inMs = (time?: string | number): number | undefined => {
  if (typeof time === 'number') return time
  if (!time) return undefined
  const match = typeof time === 'string' ? DURATION.exec(time) : null
  if (match === null)
    throw new SdkError(
      'ARGUMENT_INVALID',
      `Invalid duration \`${String(time)}\`: expected a number of milliseconds or an amount and a unit (ms, s, m, h, d), such as \`500ms\`, \`1.5s\` or \`2m\``,
      { details: { time } },
    )
  const unit = match[2] as keyof typeof UNIT_MS
  return Math.round(Number(match[1]) * UNIT_MS[unit])
}
