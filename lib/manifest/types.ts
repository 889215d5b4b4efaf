import type { LocaleString } from '../types'

/**
 * What `buildManifest` reads from a version graph: the current version's options and the
 * ranges it can migrate from and to. `VersionGraph` satisfies it.
 */
export interface ManifestVersionSource<TVersion extends string = string> {
  /** The current version. */
  readonly current: {
    readonly options: {
      /** The current extended version, such as `1.2.3:0`. */
      readonly version: TVersion
      /** Its release notes. */
      readonly releaseNotes: LocaleString
      /** Extended versions the current one is fully backwards compatible with. */
      readonly satisfies: readonly string[]
    }
  }
  /** The range of versions that can migrate to the current one (rendered with `toString()`). */
  readonly canMigrateFrom: () => { toString(): string }
  /** The range of versions the current one can migrate to (rendered with `toString()`). */
  readonly canMigrateTo: () => { toString(): string }
}

/** Compile-time message for the removed `alerts` key. */
export type RemovedAlerts =
  '`alerts` was removed in start-sdk 2.0: StartOS no longer shows manifest alerts; delete the key'

/** Compile-time message for the removed `nestedRuntime` key. */
export type RemovedNestedRuntime =
  '`nestedRuntime` was removed in start-sdk 2.0: use `userspaceFilesystems: true` (/dev/fuse) and/or `virtualNetworking: true` (/dev/net/tun)'

/** Where a removed key must hold its message, so the compiler error quotes it. */
type Removed<TMessage extends string> = {
  readonly 'removed in start-sdk 2.0': TMessage
}

/**
 * `unknown` for a manifest without keys removed in 2.0; otherwise a shape the removed key
 * cannot match, whose compiler error quotes the migration message.
 *
 * @example
 * ```ts
 * type Ok = RejectRemovedKeys<{ id: 'a' }> // unknown
 * type Bad = RejectRemovedKeys<{ alerts: {} }> // { alerts: { 'removed in start-sdk 2.0': RemovedAlerts } }
 * ```
 */
export type RejectRemovedKeys<TManifest> = ('alerts' extends keyof TManifest
  ? { alerts: Removed<RemovedAlerts> }
  : unknown) &
  ('nestedRuntime' extends keyof TManifest
    ? { nestedRuntime: Removed<RemovedNestedRuntime> }
    : unknown)
