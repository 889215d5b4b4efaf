import type { Effects } from '../effects'
import { SdkError } from '../errors'
import { ExtendedVersion, VersionRange } from '../exver'
import type { ValidateExVer, ValidateExVerRange } from '../exver'
import type { FullProgressTracker } from '../progress'
import type { LocaleString } from '../types'

/**
 * Marks a migration direction as unsupported: put it in `migrations.up` (data from the
 * previous version cannot be upgraded) or `migrations.down` (this version cannot be
 * downgraded). The version graph never routes through a blocked direction.
 *
 * @example
 * ```ts
 * VersionInfo.of({ version: '2.0:0', releaseNotes: '…', migrations: { down: IMPOSSIBLE } })
 * ```
 */
export const IMPOSSIBLE: unique symbol = Symbol.for('start-sdk/IMPOSSIBLE')

/** What a migration receives: the effects, and a progress tracker of its own step. */
export type MigrationOpts = {
  effects: Effects
  progress: FullProgressTracker
}

/** One `migrations.other` entry: migrations from (`up`) and to (`down`) a range. */
type Migration = {
  up?: (opts: MigrationOpts) => Promise<void>
  down?: (opts: MigrationOpts) => Promise<void>
}

/** Maps each key of `O` that is not a valid version range to `never`, so the entry fails to compile. */
type ValidateOtherKeys<O> = {
  [K in keyof O]: K extends string
    ? [ValidateExVerRange<K>] extends [never]
      ? never
      : O[K]
    : O[K]
}

/** The definition of one version of a service: its number, release notes and migrations. */
export type VersionOptions<Version extends string> = {
  /** The extended version, such as `1.2.3:0` (checked at compile time). */
  version: Version & ValidateExVer<Version>
  /** What changed in this version, shown before updating. */
  releaseNotes: LocaleString
  /** How data moves between this version and the others. */
  migrations: {
    /**
     * Upgrades data of the previous version (and anything between it and this one). Omit
     * it when nothing needs migrating; `IMPOSSIBLE` refuses upgrades from there.
     */
    up?: ((opts: MigrationOpts) => Promise<void>) | typeof IMPOSSIBLE
    /**
     * Downgrades this version's data to the previous version's. Omit it when nothing needs
     * migrating; `IMPOSSIBLE` refuses downgrades.
     */
    down?: ((opts: MigrationOpts) => Promise<void>) | typeof IMPOSSIBLE
    /**
     * Extra migrations keyed by version range: `up` brings data from any version of the
     * range to this one (a fast-forward, or from another flavor), `down` takes it back.
     */
    other?: Record<
      string,
      {
        up?: (opts: MigrationOpts) => Promise<void>
        down?: (opts: MigrationOpts) => Promise<void>
      }
    >
  }
}

/** One version of the service, made by {@link VersionInfo.of}. */
export interface VersionInfo<Version extends string> {
  /** The version literal, kept in the type so that distinct versions stay distinct types. */
  readonly _version: Version
  /** The definition given to `of`, plus the versions this one is compatible with. */
  readonly options: VersionOptions<Version> & {
    satisfies: string[]
  }
  /** Returns a copy declaring this version fully backwards compatible with `version`. */
  satisfies<V extends string>(
    version: V & ValidateExVer<V>,
  ): VersionInfo<Version>
}

function invalid(message: string, version: unknown): SdkError {
  return new SdkError('VERSION_INVALID', message, {
    details: { version },
  })
}

function checkExVer(value: unknown, field: string): void {
  if (typeof value === 'string') {
    try {
      ExtendedVersion.parse(value)
      return
    } catch (cause) {
      throw new SdkError(
        'VERSION_INVALID',
        `Expected \`${field}\` to be an extended version such as "1.2.3:0", got \`${value}\`: ${(cause as Error).message}`,
        { cause, details: { field, value } },
      )
    }
  }
  throw invalid(
    `Expected \`${field}\` to be an extended version string such as "1.2.3:0", got ${typeof value}`,
    value,
  )
}

function checkMigration(value: unknown, field: string, version: string): void {
  if (value === undefined || value === IMPOSSIBLE) return
  if (typeof value !== 'function') {
    throw invalid(
      `Expected \`${field}\` of version ${version} to be an async function, IMPOSSIBLE or absent, got ${typeof value}`,
      version,
    )
  }
}

function checkOptions(options: VersionOptions<string>): void {
  checkExVer(options.version, 'version')
  const { version } = options
  const migrations = options.migrations as unknown
  if (typeof migrations !== 'object' || migrations === null) {
    throw invalid(
      `Expected \`migrations\` of version ${version} to be an object ({} when there are none)`,
      version,
    )
  }
  const { up, down, other } = options.migrations
  checkMigration(up, 'migrations.up', version)
  checkMigration(down, 'migrations.down', version)
  for (const [range, entry] of Object.entries(other ?? {})) {
    const field = `migrations.other[${JSON.stringify(range)}]`
    try {
      VersionRange.parse(range)
    } catch (cause) {
      throw new SdkError(
        'VERSION_INVALID',
        `Expected the key of \`${field}\` of version ${version} to be a version range such as ">=1.0:0 <2.0:0": ${(cause as Error).message}`,
        { cause, details: { version, range } },
      )
    }
    checkMigration(entry?.up, `${field}.up`, version)
    checkMigration(entry?.down, `${field}.down`, version)
  }
}

function make<Version extends string>(
  options: VersionOptions<Version> & { satisfies: string[] },
): VersionInfo<Version> {
  return {
    _version: options.version,
    options,
    satisfies<V extends string>(
      version: V & ValidateExVer<V>,
    ): VersionInfo<Version> {
      checkExVer(version, `satisfies(${JSON.stringify(version)})`)
      return make({ ...options, satisfies: [...options.satisfies, version] })
    },
  }
}

/** Builds {@link VersionInfo}s: one per version of the service, usually one file each. */
export const VersionInfo: {
  /**
   * Defines one version of the service. `version` and the keys of `migrations.other` are
   * checked at compile time and again here (`VERSION_INVALID` naming the field).
   *
   * @example
   * ```ts
   * export const v1_1_0 = VersionInfo.of({
   *   version: '1.1.0:0',
   *   releaseNotes: 'Adds a setting',
   *   migrations: {
   *     up: async ({ effects }) => { await configFile.merge(effects, { setting: true }) },
   *     down: IMPOSSIBLE,
   *     other: { '<1.0:0': { up: async ({ effects }) => {} } },
   *   },
   * })
   * ```
   */
  of<
    Version extends string,
    const Other extends Record<string, Migration> = {},
  >(
    options: VersionOptions<Version> & {
      migrations: { other?: Other & ValidateOtherKeys<Other> }
    },
  ): VersionInfo<Version>
} = {
  of(options) {
    checkOptions(options)
    const satisfies = (options as { satisfies?: unknown }).satisfies
    return make({
      ...options,
      satisfies: Array.isArray(satisfies) ? [...(satisfies as string[])] : [],
    })
  },
}
