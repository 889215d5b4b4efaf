import { isPlainObject } from '../util'

/**
 * `merge`'s rule, applied to copies (neither argument is modified):
 * - a plain object in `patch` merges into a plain object in `base` key by key, recursively;
 *   keys `patch` does not mention are kept as they are, including keys no schema declares;
 * - a key whose value in `patch` is `undefined` is removed;
 * - everything else in `patch` (arrays, scalars, `null`, class instances such as `Date`)
 *   replaces what `base` holds: arrays are never merged element by element.
 */
export function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch
  const result: Record<string, unknown> = isPlainObject(base) ? { ...base } : {}
  for (const key of Object.keys(patch)) {
    const value = patch[key]
    if (value === undefined) delete result[key]
    else result[key] = deepMerge(result[key], value)
  }
  return result
}

/** A copy without keys that hold `undefined`, at any depth (arrays keep their length). */
export function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined)
  if (!isPlainObject(value)) return value
  const result: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const inner = value[key]
    if (inner !== undefined) result[key] = dropUndefined(inner)
  }
  return result
}
