/** Whether `value` is a plain object (an object literal or a null-prototype object). */
export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * A copy of plain data: arrays and plain objects are copied at every depth (into ordinary
 * objects, a `__proto__` key kept as data), anything else (strings, numbers, class
 * instances, functions) is kept as it is.
 */
export function cloneData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneData) as T
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const copy = cloneData(value[key])
    if (key === '__proto__') {
      Object.defineProperty(out, key, {
        value: copy,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    } else {
      out[key] = copy
    }
  }
  return out as T
}
