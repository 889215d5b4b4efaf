/**
 * Applies the difference between a YAML document's current value and a new value to the
 * document's nodes in place, so everything the difference does not touch (comments, blank
 * lines, key order, quoting and block styles, anchors, tags) is printed as it was read.
 */
import { yamlLib } from './lazy'
import type {
  Alias,
  CreateNodeOptions,
  Document,
  Node,
  Pair,
  YAMLMap,
  YAMLSeq,
} from 'yaml'
import { deepEqual, isPlainObject } from '../../util'

type Commented = {
  comment?: string | null | undefined
  commentBefore?: string | null | undefined
  spaceBefore?: boolean | undefined
}

/** Changes `doc` so that its value becomes `next` (its value now being `current`). */
export function patchDocument(
  doc: Document,
  current: unknown,
  next: unknown,
  options: CreateNodeOptions,
): void {
  const patcher = new Patcher(doc, options)
  doc.contents = patcher.node(doc.contents as Node | null, current, next)
}

/** Whether a scalar holding `current` can hold `next` instead, keeping its style and tag. */
export function sameKind(current: unknown, next: unknown): boolean {
  if (typeof current !== typeof next) return false
  if (typeof current !== 'object') return typeof current !== 'function'
  if (current === null || next === null) return current === next
  if (Array.isArray(current) || isPlainObject(current)) return false
  return (
    Object.getPrototypeOf(current) === Object.getPrototypeOf(next as object)
  )
}

function copyComments(from: Commented, to: Commented): void {
  if (from.commentBefore) to.commentBefore = from.commentBefore
  if (from.comment) to.comment = from.comment
  if (from.spaceBefore) to.spaceBefore = true
}

/** The JS key a map pair's key stands for, or `null` for keys that are not scalars. */
export function keyOf(pair: Pair): string | null {
  const key = pair.key
  if (yamlLib().isScalar(key)) return String(key.value)
  if (key === null || key === undefined) return ''
  if (typeof key !== 'object') return String(key)
  return null
}

class Patcher {
  /** Anchor names some alias refers to; filled on first need. */
  private referenced: Set<string> | null = null

  constructor(
    private readonly doc: Document,
    private readonly options: CreateNodeOptions,
  ) {}

  node(node: Node | null, current: unknown, next: unknown): Node {
    if (node !== null && deepEqual(current, next)) return node
    if (node === null) return this.create(next)
    if (yamlLib().isAlias(node)) return this.fromAlias(node, current, next)
    if (node.anchor && this.isReferenced(node.anchor)) this.unshare(node)
    if (
      yamlLib().isMap(node) &&
      isPlainObject(current) &&
      isPlainObject(next)
    ) {
      this.map(node, current, next)
      return node
    }
    if (
      yamlLib().isSeq(node) &&
      Array.isArray(current) &&
      Array.isArray(next)
    ) {
      this.seq(node, current, next)
      return node
    }
    if (yamlLib().isScalar(node) && sameKind(current, next)) {
      node.value = next
      delete node.source
      return node
    }
    this.release(node)
    const created = this.create(next)
    copyComments(node, created)
    return created
  }

  private create(value: unknown): Node {
    return this.doc.createNode(value, this.options) as Node
  }

  /** An alias whose value changes becomes a copy of its target, patched. */
  private fromAlias(alias: Alias, current: unknown, next: unknown): Node {
    const target = alias.resolve(this.doc)
    const copy = target ? withoutAnchors(target.clone() as Node) : null
    const node = copy ?? this.create(next)
    copyComments(alias, node)
    return copy ? this.node(copy, current, next) : node
  }

  private isReferenced(anchor: string): boolean {
    if (this.referenced === null) {
      const names = new Set<string>()
      yamlLib().visit(this.doc, {
        Alias: (_, alias) => {
          names.add(alias.source)
        },
      })
      this.referenced = names
    }
    return this.referenced.has(anchor)
  }

  /** Replaces every alias of `target` with a copy, so changing `target` changes only it. */
  private unshare(target: Node): void {
    const anchor = target.anchor
    yamlLib().visit(this.doc, {
      Alias: (_, alias) => {
        if (alias.source !== anchor || alias.resolve(this.doc) !== target)
          return undefined
        const copy = withoutAnchors(target.clone() as Node)
        copyComments(alias, copy)
        return copy
      },
    })
  }

  /** Before `node` leaves the document, aliases of anchors inside it become copies. */
  private release(node: Node | null): void {
    if (node === null || typeof node !== 'object') return
    const anchored: Node[] = []
    yamlLib().visit(node, {
      Node: (_, inner) => {
        if (inner.anchor && this.isReferenced(inner.anchor))
          anchored.push(inner)
      },
    })
    for (const target of anchored) this.unshare(target)
  }

  private map(
    map: YAMLMap,
    current: Record<string, unknown>,
    next: Record<string, unknown>,
  ): void {
    const pairs = map.items as Pair[]
    const index = new Map<string, Pair>()
    for (const pair of pairs) {
      const key = keyOf(pair)
      if (key !== null) index.set(key, pair)
    }
    for (const key of Object.keys(current)) {
      if (current[key] === undefined || next[key] !== undefined) continue
      const pair = index.get(key)
      if (pair !== undefined) this.remove(map, pair)
    }
    for (const key of Object.keys(next)) {
      const value = next[key]
      if (value === undefined) continue
      const pair = index.get(key)
      if (pair === undefined)
        map.items.push(this.doc.createPair(key, value, this.options))
      else if (!deepEqual(current[key], value))
        pair.value = this.node(pair.value as Node | null, current[key], value)
    }
  }

  /** Removes a pair; a comment heading the document stays, on the next pair. */
  private remove(map: YAMLMap, pair: Pair): void {
    this.release(pair.key as Node | null)
    this.release(pair.value as Node | null)
    const at = map.items.indexOf(pair)
    map.items.splice(at, 1)
    const key = pair.key as Commented | null
    const heir = map.items[at]?.key as Commented | null | undefined
    if (at === 0 && map === this.doc.contents && key?.commentBefore && heir) {
      heir.commentBefore = heir.commentBefore
        ? `${key.commentBefore}\n${heir.commentBefore}`
        : key.commentBefore
    }
  }

  private seq(seq: YAMLSeq, current: unknown[], next: unknown[]): void {
    const items = seq.items as (Node | null)[]
    const shared = Math.min(current.length, next.length, items.length)
    for (let i = 0; i < shared; i++)
      items[i] = this.node(items[i], current[i], next[i])
    for (let i = shared; i < next.length; i++) items.push(this.create(next[i]))
    for (let i = next.length; i < items.length; i++) this.release(items[i])
    items.length = next.length
  }
}

/** `node` with every anchor inside it removed, so a copy never redefines an anchor. */
function withoutAnchors(node: Node): Node {
  yamlLib().visit(node, {
    Node: (_, inner) => {
      if ('anchor' in inner) delete inner.anchor
    },
  })
  return node
}
