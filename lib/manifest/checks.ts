import type { ProblemList } from './problems'

/** A field's location, key by key. */
export type Path = readonly PropertyKey[]
type Data = Record<string, unknown>

/** Ids of packages, images and volumes, as StartOS accepts them. */
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/
const ID_RULE =
  'an id of lowercase letters and digits in words joined by "-" (such as "hello-world")'

/** Whether `value` is a plain record (not null, not an array). */
export function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Whether `value` is a string or a map from locale to string. */
export function isLocaleString(value: unknown): boolean {
  if (typeof value === 'string') return true
  return (
    isRecord(value) &&
    Object.values(value).every((text) => typeof text === 'string')
  )
}

/** Checks that `value` is an id. */
export function checkId(list: ProblemList, path: Path, value: unknown): void {
  if (typeof value !== 'string' || !ID.test(value)) {
    list.expected(path, ID_RULE, value)
  }
}

/** Checks that `value` is a string (optionally non-empty). */
export function checkString(
  list: ProblemList,
  path: Path,
  value: unknown,
  nonEmpty = false,
): void {
  if (typeof value !== 'string' || (nonEmpty && value === '')) {
    list.expected(path, nonEmpty ? 'a non-empty string' : 'a string', value)
  }
}

/** Checks that `value` is absent or a boolean. */
export function checkFlag(list: ProblemList, path: Path, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') {
    list.expected(path, '`true`, `false` or absent', value)
  }
}

/** Checks a locale string (or `null` where allowed). */
export function checkLocaleString(
  list: ProblemList,
  path: Path,
  value: unknown,
  nullable = false,
): void {
  if (nullable && value === null) return
  if (!isLocaleString(value)) {
    list.expected(
      path,
      `a string or a map from locale to string (such as { en_US: "…" })${nullable ? ', or null' : ''}`,
      value,
    )
  }
}
