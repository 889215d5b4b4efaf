/**
 * `KEY=VALUE` files (`.env`). Reading: blank lines, `#` comments and lines without `=` are
 * skipped; an `export ` prefix is allowed; the key is the trimmed text before the first
 * `=`, the value the trimmed text after it. A value in double quotes is unquoted with the
 * escapes `\\ \" \n \r \t`; one in single quotes is taken literally; any other is verbatim
 * (so `=` and `#` stay in values: there are no inline comments). The last duplicate wins;
 * lines with an empty key are skipped.
 *
 * Writing with no previous text gives `KEY=VALUE` lines joined by `\n`, as start-sdk 2.0.9
 * writes them; a value is written raw unless it needs double quotes (a line break,
 * whitespace at either end, or a leading quote). With previous text the file is edited
 * line by line: comments, blank lines, order, `export ` prefixes, spacing, `\r\n` breaks
 * and the quoting of unchanged values stay; a changed value is rewritten in place, in its
 * old quote style when that can hold it; lines of removed keys go; new keys are appended.
 */
import { deepEqual } from '../../util'
import type { FileFormat } from './format'
import { joinLines, splitLines } from './lines'
import type { SplitText, TextLine } from './lines'

/** One `KEY=VALUE` line: its key, value, and where the value's text starts and ends. */
interface Entry {
  key: string
  value: string
  /** Offsets of the value's text (quotes included) within the line. */
  start: number
  end: number
  quote: '"' | "'" | ''
}

const EXPORT = /^export\s+/
const ESCAPES: Record<string, string> = {
  '\\': '\\',
  '"': '"',
  n: '\n',
  r: '\r',
  t: '\t',
}

function unescapeDouble(text: string): string {
  return text.replace(/\\([\\"nrt])/g, (_, c: string) => ESCAPES[c])
}

function escapeDouble(value: string): string {
  return value.replace(/[\\"\n\r\t]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\${c}`,
  )
}

/** The entry a line holds, or `null` for blank lines, comments and lines without `=`. */
function entryOf(line: string): Entry | null {
  const lead = line.length - line.trimStart().length
  let body = line.trim()
  if (body === '' || body.startsWith('#')) return null
  let offset = lead
  const prefix = EXPORT.exec(body)
  if (prefix) {
    body = body.slice(prefix[0].length)
    offset += prefix[0].length
  }
  const eq = body.indexOf('=')
  if (eq === -1) return null
  const key = body.slice(0, eq).trim()
  if (key === '') return null
  const rest = body.slice(eq + 1)
  const raw = rest.trim()
  const start = offset + eq + 1 + (rest.length - rest.trimStart().length)
  const end = start + raw.length
  const q = raw[0]
  if (raw.length >= 2 && (q === '"' || q === "'") && raw.endsWith(q)) {
    const inner = raw.slice(1, -1)
    const value = q === '"' ? unescapeDouble(inner) : inner
    return { key, value, start, end, quote: q }
  }
  return { key, value: raw, start, end, quote: '' }
}

function parse(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const entry = entryOf(line)
    if (entry !== null) out[entry.key] = entry.value
  }
  return out
}

/** Whether a value must be double-quoted to read back as itself. */
function needsQuotes(value: string): boolean {
  return (
    /[\n\r]/.test(value) ||
    value !== value.trim() ||
    value.startsWith('"') ||
    value.startsWith("'")
  )
}

/** A value as written, in the quote style `quote` when that can hold it. */
function render(value: string, quote: Entry['quote'] = ''): string {
  if (quote === '"') return `"${escapeDouble(value)}"`
  if (quote === "'" && !/[\n\r]/.test(value)) return `'${value}'`
  return needsQuotes(value) ? `"${escapeDouble(value)}"` : value
}

/** Throws a TypeError unless `key` can be written as an env key. */
function checkKey(key: string): void {
  const rule =
    key === ''
      ? 'it is empty'
      : key.includes('=')
        ? 'it contains "="'
        : /[\n\r]/.test(key)
          ? 'it contains a line break'
          : /\s/.test(key)
            ? 'it contains whitespace'
            : key.startsWith('#')
              ? 'it starts with "#"'
              : null
  if (rule !== null)
    throw new TypeError(
      `env key ${JSON.stringify(key)} cannot be written: ${rule}`,
    )
}

/** `value`'s defined entries, values as strings. */
function entries(value: Record<string, unknown>): Map<string, string> {
  const out = new Map<string, string>()
  for (const key of Object.keys(value)) {
    const v = value[key]
    if (v !== undefined) out.set(key, String(v))
  }
  return out
}

/** A new `KEY=VALUE` line; the key is checked. */
function line(key: string, value: string): string {
  checkKey(key)
  return `${key}=${render(value)}`
}

function fresh(value: Record<string, unknown>): string {
  return Array.from(entries(value), ([key, v]) => line(key, v)).join('\n')
}

/** `previous` edited line by line to hold `value`; see the module comment. */
function patch(
  { lines, eol, finalBreak }: SplitText,
  found: readonly (Entry | null)[],
  value: Record<string, unknown>,
): string {
  const wanted = entries(value)
  const last = new Map<string, number>()
  found.forEach((entry, i) => {
    if (entry !== null) last.set(entry.key, i)
  })
  const out: TextLine[] = []
  for (let i = 0; i < lines.length; i++) {
    const entry = found[i]
    if (entry === null) {
      out.push(lines[i])
      continue
    }
    const next = wanted.get(entry.key)
    // A removed key loses every line; unchanged values and shadowed duplicates stay.
    if (next === undefined) continue
    if (next === entry.value || last.get(entry.key) !== i) out.push(lines[i])
    else {
      const { text, end } = lines[i]
      const rendered = render(next, entry.quote)
      out.push({
        text: text.slice(0, entry.start) + rendered + text.slice(entry.end),
        end,
      })
    }
  }
  for (const [key, v] of wanted)
    if (!last.has(key)) out.push({ text: line(key, v), end: eol })
  return joinLines(out, eol, finalBreak)
}

function serialize(
  value: Record<string, string>,
  previous: string | null,
): string {
  if (previous === null) return fresh(value)
  const split = splitLines(previous)
  const found = split.lines.map((l) => entryOf(l.text))
  const current: Record<string, string> = {}
  for (const entry of found)
    if (entry !== null) current[entry.key] = entry.value
  if (deepEqual(current, value)) return previous
  return patch(split, found, value)
}

/** `.env` text ↔ a record of strings; see the module comment for the exact rules. */
export const envFormat: FileFormat<Record<string, string>> = {
  name: 'env',
  parse,
  serialize,
}
