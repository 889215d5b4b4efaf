/**
 * The exact edit for the common YAML change: only scalar values differ. Each changed scalar's
 * source text is replaced by the new value's rendering, in the old quoting style and number
 * format, and every other byte of the file stays as it was (spacing, escapes, flow padding,
 * folded text, indentation). Anything else (added or removed keys, resized sequences, a
 * scalar becoming a collection, anchors or aliases on the way, block scalars, multi-line
 * renderings) is not attempted: the caller then patches the document's nodes instead.
 */
import { yamlLib } from './lazy'
import type { Document, Node, Pair, Scalar, ToStringOptions } from 'yaml'
import { deepEqual, isPlainObject } from '../../util'
import { keyOf, sameKind } from './yamlPatch'

type Edit = [start: number, end: number, text: string]

/** `text` with the scalar changes from `current` to `next` applied, or `null` (see above). */
export function spliceScalars(
  text: string,
  doc: Document.Parsed,
  current: unknown,
  next: unknown,
  options: ToStringOptions,
): string | null {
  const edits: Edit[] = []
  const walk = (
    node: Node | null,
    was: unknown,
    now: unknown,
    inFlow: boolean,
  ): boolean => {
    if (deepEqual(was, now)) return true
    if (node === null || yamlLib().isAlias(node) || node.anchor) return false
    if (yamlLib().isMap(node) && isPlainObject(was) && isPlainObject(now)) {
      if (!sameKeys(was, now)) return false
      const pairs = new Map<string, Pair>()
      for (const pair of node.items as Pair[]) {
        const key = keyOf(pair)
        if (key !== null) pairs.set(key, pair)
      }
      return Object.keys(now).every((key) => {
        if (deepEqual(was[key], now[key])) return true
        const pair = pairs.get(key)
        const value = (pair?.value ?? null) as Node | null
        return walk(value, was[key], now[key], inFlow || node.flow === true)
      })
    }
    if (yamlLib().isSeq(node) && Array.isArray(was) && Array.isArray(now)) {
      if (was.length !== now.length || node.items.length !== now.length)
        return false
      const items = node.items as (Node | null)[]
      const flow = inFlow || node.flow === true
      return now.every((v, i) => walk(items[i], was[i], v, flow))
    }
    if (!yamlLib().isScalar(node) || !sameKind(was, now)) return false
    if (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL')
      return false
    const [start, end] = node.range ?? [0, 0]
    if (end <= start || text.slice(start, end).includes('\n')) return false
    const rendered = renderScalar(doc, node, now, inFlow, options)
    if (rendered === null) return false
    edits.push([start, end, rendered])
    return true
  }
  if (!walk(doc.contents as Node | null, current, next, false)) return null
  let out = text
  for (const [start, end, replacement] of edits.sort((a, b) => b[0] - a[0]))
    out = out.slice(0, start) + replacement + out.slice(end)
  return out
}

function sameKeys(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): boolean {
  const defined = (r: Record<string, unknown>): string[] =>
    Object.keys(r).filter((k) => r[k] !== undefined)
  const left = defined(a)
  const right = new Set(defined(b))
  return left.length === right.size && left.every((k) => right.has(k))
}

/** `value` as one line of YAML in `node`'s style, without its tag; `null` if it needs more. */
function renderScalar(
  doc: Document.Parsed,
  node: Scalar,
  value: unknown,
  inFlow: boolean,
  options: ToStringOptions,
): string | null {
  const fresh = doc.createNode(value) as Node
  if (!yamlLib().isScalar(fresh)) return null
  if (typeof value === 'string' && node.type) fresh.type = node.type
  if (typeof value === 'number') {
    if (node.format) fresh.format = node.format
    if (node.minFractionDigits) fresh.minFractionDigits = node.minFractionDigits
  }
  if (node.tag) fresh.tag = node.tag
  let host: Node = fresh
  if (inFlow) {
    host = new (yamlLib().YAMLSeq)()
    host.flow = true
    host.items.push(fresh)
  }
  let out = (yamlLib().stringify(host, null, options) as string).replace(
    /\n$/,
    '',
  )
  if (inFlow) {
    const inner = /^\[ ?([\s\S]*?) ?\]$/.exec(out)
    if (inner === null) return null
    out = inner[1]
  }
  if (node.tag && out.startsWith('!')) out = out.replace(/^!\S*[ \t]+/, '')
  if (out === '' || out.includes('\n') || out.startsWith('!')) return null
  return out
}
