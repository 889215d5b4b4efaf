import { ExtendedVersion, VersionRange } from '../exver'
import type { LocaleString } from '../types'
import { checkLocaleString, isLocaleString, isRecord } from './checks'
import type { ProblemList } from './problems'
import type { ManifestVersionSource } from './types'

/** The manifest fields that come from the version graph. */
export interface VersionFields {
  version: string
  releaseNotes: LocaleString
  satisfies: string[]
  canMigrateTo: string
  canMigrateFrom: string
}

const EXVER_RULE = 'an extended version such as "1.2.3:0"'

function isExVer(value: unknown): value is string {
  if (typeof value !== 'string') return false
  try {
    ExtendedVersion.parse(value)
    return true
  } catch {
    return false
  }
}

/** The range `versions[field]()` returns, normalized, or `null` (recorded in `list`) when it does not parse. */
function normalizedRange(
  list: ProblemList,
  versions: ManifestVersionSource,
  field: 'canMigrateFrom' | 'canMigrateTo',
): string | null {
  if (typeof versions[field] !== 'function') {
    list.expected(
      [field],
      'computed by the version graph (`versions.' + field + '()` is missing)',
      versions[field],
      'Pass the VersionGraph as the first argument of buildManifest',
    )
    return null
  }
  const text = String(versions[field]())
  try {
    return VersionRange.parse(text).normalize().toString()
  } catch (cause) {
    list.add(
      [field],
      `Expected \`versions.${field}()\` to return a version range, got \`${text}\`: ${(cause as Error).message}`,
    )
    return null
  }
}

/** Reads and checks the version graph's fields; `null` when something is wrong (recorded in `list`). */
export function versionFields(
  list: ProblemList,
  versions: ManifestVersionSource,
): VersionFields | null {
  const options =
    isRecord(versions) && isRecord(versions.current)
      ? versions.current.options
      : undefined
  if (!isRecord(options)) {
    list.expected(
      ['versions', 'current', 'options'],
      "the current version's options (a VersionGraph from `VersionGraph.of`)",
      options,
    )
    return null
  }
  const before = list.problems.length
  const { version, releaseNotes, satisfies } = options
  if (!isExVer(version)) {
    list.expected(
      ['versions', 'current', 'options', 'version'],
      EXVER_RULE,
      version,
    )
  }
  checkLocaleString(
    list,
    ['versions', 'current', 'options', 'releaseNotes'],
    releaseNotes,
  )
  if (!Array.isArray(satisfies)) {
    list.expected(
      ['versions', 'current', 'options', 'satisfies'],
      'an array of extended versions',
      satisfies,
    )
  } else {
    satisfies.forEach((v, i) => {
      if (!isExVer(v)) {
        list.expected(
          ['versions', 'current', 'options', 'satisfies', i],
          EXVER_RULE,
          v,
        )
      }
    })
  }
  const canMigrateTo = normalizedRange(list, versions, 'canMigrateTo')
  const canMigrateFrom = normalizedRange(list, versions, 'canMigrateFrom')
  if (
    list.problems.length > before ||
    canMigrateTo === null ||
    canMigrateFrom === null
  )
    return null
  return {
    version: version as string,
    releaseNotes: cloneLocale(releaseNotes as LocaleString),
    satisfies: [...(satisfies as string[])],
    canMigrateTo,
    canMigrateFrom,
  }
}

function cloneLocale(text: LocaleString): LocaleString {
  return typeof text === 'string' || !isLocaleString(text) ? text : { ...text }
}
