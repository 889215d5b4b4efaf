type Bag = Record<string, unknown>

const isObject = (value: unknown): value is Bag =>
  typeof value === 'object' && value !== null

function diffOf(prev: unknown, next: unknown): { diff: unknown } | undefined {
  if (prev === next) return undefined
  if (Array.isArray(prev) && Array.isArray(next)) {
    const added = next.filter(
      (n) => !prev.some((p) => diffOf(p, n) === undefined),
    )
    return added.length > 0 ? { diff: added } : undefined
  }
  if (!isObject(prev) || !isObject(next)) return { diff: next }
  const diff: Bag = {}
  let changed = false
  const keys = new Set([...Object.keys(prev), ...Object.keys(next)])
  for (const key of keys) {
    const inner = diffOf(prev[key], next[key])
    if (inner === undefined) continue
    changed = true
    Object.defineProperty(diff, key, {
      value: inner.diff,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return changed ? { diff } : undefined
}

/**
 * What changed from `prev` to `next`, or `undefined` when nothing did. For two objects: the
 * keys whose values changed, each with its own partial difference (a removed key holds
 * `undefined`). For two arrays: the items of `next` that add something to every item of
 * `prev` (an item whose own partial difference from some item of `prev` is empty is left out).
 * Otherwise: `next` itself.
 *
 * @example
 * ```ts
 * partialDiff({ a: 1, b: { c: 1, d: 2 } }, { a: 1, b: { c: 1, d: 3 } }) // { diff: { b: { d: 3 } } }
 * partialDiff([1, 2], [2, 3]) // { diff: [3] }
 * ```
 */
export function partialDiff<T>(
  prev: T,
  next: T,
): { diff: Partial<T> } | undefined {
  return diffOf(prev, next) as { diff: Partial<T> } | undefined
}
