import { isPlainObject } from './cloneData'

/** `T` with every `null` turned into `undefined`, at every depth. */
export type NullToUndefined<T> = T extends null
  ? undefined
  : T extends (infer U)[]
    ? NullToUndefined<U>[]
    : T extends object
      ? { [K in keyof T]: NullToUndefined<T[K]> }
      : T

/**
 * A copy of `obj` with every `null` replaced by `undefined`, through arrays and plain objects
 * (keys are kept, holding `undefined`). Other objects (dates, maps, class instances) are kept
 * as they are. The input is not changed.
 *
 * @example
 * ```ts
 * nullToUndefined({ a: null, b: [1, null] }) // { a: undefined, b: [1, undefined] }
 * ```
 */
export function nullToUndefined<T>(obj: T): NullToUndefined<T> {
  return convert(obj) as NullToUndefined<T>
}

function convert(value: unknown): unknown {
  if (value === null) return undefined
  if (Array.isArray(value)) return value.map(convert)
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, {
      value: convert(value[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return out
}
