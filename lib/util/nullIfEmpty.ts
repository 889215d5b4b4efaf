/**
 * `null` when `value` is `null` or has no own keys, else `value` itself. (`any` in the bound
 * lets interfaces without an index signature through.)
 */
export function nullIfEmpty<A extends Record<string, any>>(
  value: A | null,
): A | null {
  if (value === null) return null
  return Object.keys(value).length === 0 ? null : value
}
