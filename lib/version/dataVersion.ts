import type { Effects } from '../effects'
import { SdkError } from '../errors'
import { ExtendedVersion, VersionRange } from '../exver'
import { overlapsRange } from './path'

/**
 * Takes a version or range that may come from another copy of the SDK (the runtime's, a
 * dependency's) and returns one of this copy's classes, re-parsed from its text.
 */
export function adopt(
  value: ExtendedVersion | VersionRange,
): ExtendedVersion | VersionRange {
  if (value instanceof ExtendedVersion || value instanceof VersionRange) {
    return value
  }
  const text = String(value)
  const shape = value as unknown as Record<string, unknown>
  return 'upstream' in shape && 'downstream' in shape
    ? ExtendedVersion.parse(text)
    : VersionRange.parse(text)
}

/** Parses a stored data version: an extended version, else a range. */
export function parseDataVersion(text: string): ExtendedVersion | VersionRange {
  try {
    return ExtendedVersion.parse(text)
  } catch {
    try {
      return VersionRange.parse(text)
    } catch (cause) {
      throw new SdkError(
        'VERSION_INVALID',
        `The stored data version \`${text}\` is neither an extended version nor a version range; set a valid one with setDataVersion (for example the version the data is at)`,
        { cause, details: { dataVersion: text } },
      )
    }
  }
}

/**
 * Reads the version the service's data is at, as StartOS stores it: a version, a range (left
 * by a downgrade), or `null` when none was ever set (a fresh install).
 */
export async function getDataVersion(
  effects: Effects,
): Promise<ExtendedVersion | VersionRange | null> {
  const text = await effects.getDataVersion()
  return text === null ? null : parseDataVersion(text)
}

/** Stores the version the service's data is at (`null` clears it). */
export async function setDataVersion(
  effects: Effects,
  version: ExtendedVersion | VersionRange | null,
): Promise<null> {
  await effects.setDataVersion({
    version: version === null ? null : version.toString(),
  })
  return null
}

/**
 * Whether two versions or ranges have a version in common (two versions: whether they are
 * equal, flavor included).
 *
 * @example
 * ```ts
 * overlaps(ExtendedVersion.parse('1.5:0'), VersionRange.parse('>=1.0:0 <2.0:0')) // true
 * ```
 */
export function overlaps(
  a: ExtendedVersion | VersionRange,
  b: ExtendedVersion | VersionRange,
): boolean {
  return overlapsRange(adopt(a), adopt(b))
}
