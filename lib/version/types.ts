import type { ExtendedVersion, VersionRange } from '../exver'
import type { VersionInfo } from './VersionInfo'

/**
 * Resolves to `A` when every {@link VersionInfo} of the tuple `B` has a distinct version
 * literal, and to an array of an explanatory string otherwise (so the argument fails to
 * compile); a `B` that is not a tuple of `VersionInfo`s gets a message of its own.
 *
 * @example
 * ```ts
 * type Ok = EnsureUniqueId<[VersionInfo<'1.0:0'>, VersionInfo<'2.0:0'>]> // the tuple
 * ```
 * @example
 * ```ts
 * type Bad = EnsureUniqueId<[VersionInfo<'1.0:0'>, VersionInfo<'1.0:0'>]>
 * // "One or more versions are not unique"[]
 * ```
 */
export type EnsureUniqueId<A, B = A, OtherVersions = never> = B extends []
  ? A
  : B extends [VersionInfo<infer Version>, ...infer Rest]
    ? Version extends OtherVersions
      ? 'One or more versions are not unique'[]
      : EnsureUniqueId<A, Rest, Version | OtherVersions>
    : 'There exists a migration that is not a Migration'[]

/** Which way a migration step moves data: to a newer version or to an older one. */
export type MigrationDirection = 'up' | 'down'

/** One step of a migration path, as {@link VersionGraph.plan} reports it. */
export interface MigrationStep {
  /** Where the data is before the step: a version, or a range when the step starts from one. */
  readonly from: ExtendedVersion | VersionRange
  /** Where the data is after the step. */
  readonly to: ExtendedVersion | VersionRange
  /** `up` for an upgrade, `down` for a downgrade. */
  readonly direction: MigrationDirection
  /** The declaration that runs, such as ``the `up` migration of 2.0:0``. */
  readonly migration: string
}
