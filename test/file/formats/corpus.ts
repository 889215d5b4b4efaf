/**
 * Shared helpers of the format tests: the fixture corpora (real files under
 * test/file/fixtures/formats/<format>/, read as they are on disk) and small value edits.
 * Fixtures are named `*.txt` so that prettier, which checks the whole repository, leaves
 * their deliberate oddities (tabs, CRLF, odd spacing) alone.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** Fixture root; tests run from .build/test/file/formats, fixtures stay in the source tree. */
const ROOT = resolve(__dirname, '../../../../test/file/fixtures/formats')

/** One fixture file: its name and exact text. */
export interface Fixture {
  name: string
  text: string
}

/** Every fixture of `format`, sorted by name. */
export function corpus(format: string): Fixture[] {
  const dir = join(ROOT, format)
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }))
}

/** One fixture by name. */
export function fixture(format: string, name: string): string {
  return readFileSync(join(ROOT, format, name), 'utf8')
}

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/** A copy of plain objects and arrays; anything else is shared. */
export function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T
  if (!isRecord(value)) return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) out[key] = copy(value[key])
  return out as T
}

/** A changed leaf: where it was, and its value before and after. */
export interface Change<T> {
  value: T
  path: (string | number)[]
  before: unknown
  after: unknown
}

function changed(leaf: unknown): unknown {
  if (typeof leaf === 'string') return `${leaf}-changed`
  if (typeof leaf === 'number') return leaf + 1
  return !leaf
}

function isLeaf(value: unknown): boolean {
  return ['string', 'number', 'boolean'].includes(typeof value)
}

/**
 * `value` with its first string, number or boolean leaf (depth first) changed; with no such
 * leaf, a key `added` set on the root object (or the root replaced by `{ added: 'new' }`).
 * Keys in `skipKeys` are not searched.
 */
export function changeOneValue<T>(
  value: T,
  skipKeys: readonly string[] = [],
): Change<T> {
  const path: (string | number)[] = []
  const find = (node: unknown): boolean => {
    if (isLeaf(node)) return true
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((v, i) => [i, v])
      : isRecord(node)
        ? Object.entries(node).filter(([key]) => !skipKeys.includes(key))
        : []
    for (const [key, child] of entries) {
      path.push(key)
      if (find(child)) return true
      path.pop()
    }
    return false
  }
  if (!find(value)) {
    if (!isRecord(value))
      return {
        value: { added: 'new' } as T,
        path: [],
        before: value,
        after: 'new',
      }
    return {
      value: { ...copy(value), added: 'new' },
      path: ['added'],
      before: undefined,
      after: 'new',
    }
  }
  if (path.length === 0) {
    const after = changed(value)
    return { value: after as T, path, before: value, after }
  }
  const out = copy(value)
  let parent = out as unknown as Record<string | number, unknown>
  for (const key of path.slice(0, -1))
    parent = parent[key] as Record<string | number, unknown>
  const last = path[path.length - 1]
  const before = parent[last]
  const after = changed(before)
  parent[last] = after
  return { value: out, path, before, after }
}

/** The lines of `text` whose trimmed start is one of `markers` (comment lines). */
export function commentLines(text: string, markers = ['#']): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => markers.some((m) => line.trim().startsWith(m)))
}

/** Lines of `before` that `after` no longer has (as a multiset, line breaks ignored). */
export function lostLines(before: string, after: string): string[] {
  const left = new Map<string, number>()
  for (const line of after.split('\n')) {
    const key = line.replace(/\r$/, '')
    left.set(key, (left.get(key) ?? 0) + 1)
  }
  const lost: string[] = []
  for (const raw of before.split('\n')) {
    const line = raw.replace(/\r$/, '')
    const n = left.get(line) ?? 0
    if (n > 0) left.set(line, n - 1)
    else lost.push(line)
  }
  return lost
}

/** A deterministic pseudo-random source: `next(n)` is an integer in [0, n). */
export function random(seed: number): (n: number) => number {
  let state = seed
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state % n
  }
}

/**
 * A copy of `value` with `count` random edits among its objects and arrays: a key deleted,
 * added or set, an item popped, pushed or set, each new value drawn from `samples`.
 */
export function randomEdits<T>(
  value: T,
  next: (n: number) => number,
  samples: readonly unknown[],
  count: number,
): T {
  const out = copy(value)
  for (let i = 0; i < count; i++) {
    const containers: (unknown[] | Record<string, unknown>)[] = []
    const collect = (node: unknown): void => {
      if (!Array.isArray(node) && !isRecord(node)) return
      containers.push(node)
      for (const child of Object.values(node)) collect(child)
    }
    collect(out)
    if (containers.length === 0) return out
    const node = containers[next(containers.length)]
    const sample = copy(samples[next(samples.length)])
    const op = next(3)
    if (Array.isArray(node)) {
      if (op === 0) node.pop()
      else if (op === 1 || node.length === 0) node.push(sample)
      else node[next(node.length)] = sample
    } else {
      const keys = Object.keys(node)
      if (op === 0 && keys.length > 0) delete node[keys[next(keys.length)]]
      else if (op === 1 || keys.length === 0) node[`new${next(100)}`] = sample
      else node[keys[next(keys.length)]] = sample
    }
  }
  return out
}
