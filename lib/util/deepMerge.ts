import { partialDiff } from './partialDiff'

type Bag = Record<string, unknown>

const isMergeable = (value: unknown): value is Bag =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Sets `key` as an own data property, so a `__proto__` key stays data. */
function put(target: Bag, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  else target[key] = value
}

/**
 * The items of every array in order, leaving out each item that adds nothing to one already
 * kept (`partialDiff(kept, item)` is `undefined`: deep-equal, or an array whose items the kept
 * one already has).
 */
function union(arrays: unknown[][]): unknown[] {
  const out: unknown[] = []
  for (const array of arrays)
    for (const item of array)
      if (!out.some((kept) => partialDiff(kept, item) === undefined))
        out.push(item)
  return out
}

/**
 * Merges values left to right; the last argument decides the kind of result:
 * - an object: every object argument is merged key by key, recursively, **into the first
 *   one** (which is changed and returned; with a single object, a fresh copy is returned);
 *   arguments that are not objects are skipped;
 * - an array: a new array with the items of every array argument, each kept once (an item
 *   is left out when it adds nothing to a kept one, by {@link partialDiff});
 * - anything else (a primitive, `null`, `undefined`, a function): that last argument.
 *
 * @example
 * ```ts
 * deepMerge({ a: 1, b: { c: 1 } }, { b: { d: 2 } }) // { a: 1, b: { c: 1, d: 2 } }
 * deepMerge([1, 2], [2, 3]) // [1, 2, 3]
 * ```
 */
export function deepMerge(...args: unknown[]): unknown {
  const last = args[args.length - 1]
  if (Array.isArray(last))
    return union(args.filter((a): a is unknown[] => Array.isArray(a)))
  if (!isMergeable(last)) return last
  const objects = args.filter(isMergeable)
  const target: Bag = objects.length > 1 ? objects[0] : {}
  const keys = new Set<string>()
  for (const object of objects)
    for (const key of Object.keys(object)) keys.add(key)
  for (const key of keys) {
    const values = objects
      .filter((o) => Object.prototype.hasOwnProperty.call(o, key))
      .map((o) => o[key])
    put(target, key, deepMerge(...values))
  }
  return target
}
