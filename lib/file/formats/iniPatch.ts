/**
 * Line-level edits of an INI file: the lines of changed keys are rewritten in place (their
 * key text, spacing and inline comment kept), lines of removed keys and sections dropped,
 * new keys inserted after their section's last key and new sections appended. Every other
 * line (comments, blank lines, order, quoting) stays as it was. Only for the default
 * `bracketedArray` layout; the caller checks the result reads back as it should.
 */
import { iniLib } from './lazy'
import type { EncodeOptions } from 'ini'
import { deepEqual } from '../../util'
import { joinLines, splitLines } from './lines'
import type { TextLine } from './lines'

type Section = string | null

interface Classified {
  kind: 'key' | 'header' | 'other'
  section: Section
  key: string
  array: boolean
}

const HEADER = /^\[([^\]]*)\]\s*$/
const ENTRY = /^([^=]+)(=(.*))?$/

/** A value as `ini.decode` reads back what `ini.encode` wrote for it. */
function decodedLeaf(value: unknown): unknown {
  return decodeRaw(iniLib().safe(value as string))
}

function decodeRaw(raw: string | undefined): unknown {
  if (raw === undefined) return true
  const text = iniLib().unsafe(raw)
  return text === 'true' || text === 'false' || text === 'null'
    ? (JSON.parse(text) as unknown)
    : text
}

/** Section name → key → decoded value, as `ini.encode` lays `value` out. */
function layout(
  value: Record<string, unknown>,
  section: Section,
  out: Map<Section, Map<string, unknown>>,
): Map<Section, Map<string, unknown>> {
  const leaves = new Map<string, unknown>()
  const children: string[] = []
  for (const key of Object.keys(value)) {
    const v = value[key]
    if (v === undefined) continue
    if (Array.isArray(v)) {
      if (v.length > 0) leaves.set(key, v.map(decodedLeaf))
    } else if (v !== null && typeof v === 'object') children.push(key)
    else leaves.set(key, decodedLeaf(v))
  }
  if (leaves.size > 0) out.set(section, leaves)
  for (const key of children) {
    const name = key.replace(/(?<!\\)\./g, '\\.')
    layout(
      value[key] as Record<string, unknown>,
      section ? `${section}.${name}` : name,
      out,
    )
  }
  return out
}

function classify(lines: readonly TextLine[]): Classified[] {
  let section: Section = null
  let ignored = false
  return lines.map(({ text }) => {
    const other: Classified = { kind: 'other', section, key: '', array: false }
    if (text === '' || /^\s*[;#]/.test(text) || /^\s*$/.test(text)) return other
    const header = HEADER.exec(text)
    if (header) {
      section = iniLib().unsafe(header[1])
      ignored = section === '__proto__'
      return { ...other, kind: 'header', section }
    }
    const entry = ENTRY.exec(text)
    if (!entry || ignored) return other
    const raw = iniLib().unsafe(entry[1])
    const array = raw.length > 2 && raw.endsWith('[]')
    const key = array ? raw.slice(0, -2) : raw
    if (key === '__proto__') return other
    return { kind: 'key', section, key, array }
  })
}

/** What follows an unquoted value: its inline comment with the space before it. */
function inlineComment(raw: string): string {
  if (/^\s*(["']).*\1\s*$/.test(raw)) return ''
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]
    if (c === '\\') i++
    else if (c === ';' || c === '#') {
      let start = i
      while (start > 0 && /\s/.test(raw[start - 1])) start--
      return raw.slice(start)
    }
  }
  return ''
}

/**
 * The line holding `value` for the key of `line`, keeping its key text and spacing, and
 * its inline comment when `comment` is set (the first line of a rewritten array).
 */
function rewrite(
  line: string,
  key: string,
  value: unknown,
  layout: { array: boolean; wasArray: boolean; sep: string; comment: boolean },
): string {
  const eq = line.indexOf('=')
  const text = iniLib().safe(value as string)
  if (eq === -1 || layout.array !== layout.wasArray)
    return `${iniLib().safe(key)}${layout.array ? '[]' : ''}${layout.sep}${text}`
  const rest = line.slice(eq + 1)
  const space = /^\s*/.exec(rest)?.[0] ?? ''
  const comment = layout.comment ? inlineComment(rest) : ''
  return `${line.slice(0, eq + 1)}${space}${text}${comment}`
}

/** The value the lines at `indices` give their key, as `ini.decode` builds it. */
function currentValue(
  lines: readonly TextLine[],
  info: readonly Classified[],
  indices: readonly number[],
): unknown {
  let value: unknown
  for (const i of indices) {
    const entry = ENTRY.exec(lines[i].text) as RegExpExecArray
    const v = decodeRaw(entry[2] === undefined ? undefined : entry[3])
    if (info[i].array && !Array.isArray(value))
      value = value === undefined ? [] : [value]
    if (Array.isArray(value)) value.push(v)
    else value = v
  }
  return value
}

/** `previous` edited to hold `value`, by lines; see the module comment. */
export function patchIni(
  previous: string,
  value: Record<string, unknown>,
  options: EncodeOptions,
): string {
  const { lines, eol, finalBreak } = splitLines(previous)
  const info = classify(lines)
  const target = layout(value, null, new Map())
  const sep = options.whitespace || options.align ? ' = ' : '='
  const entry = (key: string, v: unknown, array: boolean): TextLine => ({
    text: `${iniLib().safe(key)}${array ? '[]' : ''}${sep}${iniLib().safe(v as string)}`,
    end: eol,
  })
  const groups = new Map<Section, Map<string, number[]>>()
  const lastLine = new Map<Section, number>()
  let firstHeader = -1
  info.forEach((line, i) => {
    if (line.kind === 'other') return
    if (line.kind === 'header' && firstHeader === -1) firstHeader = i
    lastLine.set(line.section, i)
    if (line.kind !== 'key') return
    const keys = groups.get(line.section) ?? new Map<string, number[]>()
    groups.set(line.section, keys)
    keys.set(line.key, [...(keys.get(line.key) ?? []), i])
  })
  const out: TextLine[][] = lines.map((line) => [line])
  for (const [section, keys] of groups)
    for (const [key, indices] of keys) {
      const wanted = target.get(section)?.get(key)
      if (wanted === undefined) {
        for (const i of indices) out[i] = []
        continue
      }
      if (deepEqual(currentValue(lines, info, indices), wanted)) continue
      const array = Array.isArray(wanted)
      const at = array ? indices[0] : indices[indices.length - 1]
      for (const i of indices) out[i] = []
      const { text, end } = lines[at]
      const wasArray = info[at].array
      out[at] = (array ? (wanted as unknown[]) : [wanted]).map((v, n) => ({
        text: rewrite(text, key, v, { array, wasArray, sep, comment: n === 0 }),
        end,
      }))
    }
  info.forEach((line, i) => {
    if (line.kind === 'header' && !target.has(line.section)) out[i] = []
  })
  /** Where a section's new keys go: after a line, at the top, or at the end. */
  const insertionPoint = (
    section: Section,
    hasKeys: boolean,
  ): number | 'head' | 'tail' => {
    if (section !== null || hasKeys) return lastLine.get(section) ?? 'tail'
    if (firstHeader === -1) return 'tail'
    // Top-level keys go above the first section and the comment lines heading it.
    let before = firstHeader
    while (before > 0 && /^\s*[;#]/.test(lines[before - 1].text)) before--
    return before === 0 ? 'head' : before - 1
  }
  const head: TextLine[] = []
  const tail: TextLine[] = []
  for (const [section, wanted] of target) {
    const known = groups.get(section)
    const added = [...wanted]
      .filter(([key]) => !known?.has(key))
      .flatMap(([key, v]) =>
        Array.isArray(v)
          ? v.map((item) => entry(key, item, true))
          : [entry(key, v, false)],
      )
    if (added.length === 0) continue
    const after = insertionPoint(section, known !== undefined)
    if (section === null && after !== 'tail') {
      // Top-level keys put right above a section header are set apart by a blank line.
      const next = out.slice(after === 'head' ? 0 : after + 1).flat()[0]
      if (next !== undefined && HEADER.test(next.text))
        added.push({ text: '', end: eol })
    }
    if (after === 'head') head.push(...added)
    else if (after !== 'tail') out[after].push(...added)
    else if (section === null) tail.push(...added)
    else {
      if (lines.length > 0 || tail.length > 0) tail.push({ text: '', end: eol })
      tail.push({ text: `[${iniLib().safe(section)}]`, end: eol }, ...added)
    }
  }
  const result = [...head, ...out.flat(), ...tail]
  return joinLines(result, eol, finalBreak || lines.length === 0)
}
