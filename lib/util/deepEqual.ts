/**
 * Structural equality for data read from files and effects: primitives by `Object.is`
 * (except `0` and `-0`, which are equal), arrays element by element, `Date`s by time, and
 * other objects by their own enumerable keys. A key holding `undefined` counts as absent,
 * as it does once serialized. Cyclic values are compared without looping.
 */
export function deepEqual(left: unknown, right: unknown): boolean {
  return equal(left, right, [])
}

function equal(a: unknown, b: unknown, seen: [object, object][]): boolean {
  if (a === b) return true
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null
  )
    return Number.isNaN(a) && Number.isNaN(b)
  if (kind(a) !== kind(b)) return false
  if (a instanceof Date) return a.getTime() === (b as Date).getTime()
  for (const [x, y] of seen) if (x === a && y === b) return true
  seen.push([a, b])
  const result = Array.isArray(a)
    ? equalArrays(a, b as unknown[], seen)
    : equalRecords(
        a as Record<string, unknown>,
        b as Record<string, unknown>,
        seen,
      )
  seen.pop()
  return result
}

/** Plain objects match whatever their prototype (`null` from some parsers, or `Object`). */
function kind(value: object): object | null {
  const proto = Object.getPrototypeOf(value) as object | null
  return proto === null ? Object.prototype : proto
}

function equalArrays(
  a: unknown[],
  b: unknown[],
  seen: [object, object][],
): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i], seen)) return false
  return true
}

function equalRecords(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  seen: [object, object][],
): boolean {
  let defined = 0
  for (const key of Object.keys(a)) {
    const value = a[key]
    if (value === undefined) continue
    defined++
    if (
      !Object.prototype.hasOwnProperty.call(b, key) ||
      !equal(value, b[key], seen)
    )
      return false
  }
  for (const key of Object.keys(b)) if (b[key] !== undefined) defined--
  return defined === 0
}
