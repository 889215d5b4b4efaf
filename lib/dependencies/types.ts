import type { ValidateExVerRange } from '../exver'
import type { HealthCheckId } from '../types'
import type { DependencyManifestLike } from './manifestLike'

/**
 * The ids of the manifest's dependencies whose `optional` is the literal `false`: the ones
 * `setupDependencies` must always list.
 *
 * @example
 * ```ts
 * type M = { dependencies: { db: { optional: false }; cache: { optional: true } } }
 * type Ids = RequiredDependencies<M> // 'db'
 * ```
 */
export type RequiredDependencies<TManifest extends DependencyManifestLike> = {
  [TId in keyof TManifest['dependencies']]: Exclude<
    TManifest['dependencies'][TId],
    undefined
  >['optional'] extends false
    ? TId
    : never
}[keyof TManifest['dependencies']]

/**
 * The ids of the manifest's dependencies that `setupDependencies` may leave out (every one
 * not in {@link RequiredDependencies}).
 *
 * @example
 * ```ts
 * type M = { dependencies: { db: { optional: false }; cache: { optional: true } } }
 * type Ids = OptionalDependencies<M> // 'cache'
 * ```
 */
export type OptionalDependencies<TManifest extends DependencyManifestLike> =
  Exclude<keyof TManifest['dependencies'], RequiredDependencies<TManifest>>

/** What `setupDependencies` asks of one dependency: running with health checks, or installed. */
type DependencyRequirement =
  | {
      kind: 'running'
      healthChecks: Array<HealthCheckId>
      versionRange: string
    }
  | {
      kind: 'exists'
      versionRange: string
    }

/**
 * What a `setupDependencies` function returns: a requirement for every required dependency
 * and, optionally, for optional ones, keyed by dependency id.
 *
 * @example
 * ```ts
 * const current: CurrentDependenciesResult<M> = {
 *   db: { kind: 'running', versionRange: '>=15.0:0', healthChecks: ['ready'] },
 * }
 * ```
 */
export type CurrentDependenciesResult<
  TManifest extends DependencyManifestLike,
> = {
  [TId in RequiredDependencies<TManifest>]: DependencyRequirement
} & {
  [TId in OptionalDependencies<TManifest>]?: DependencyRequirement
}

/** The type a malformed `versionRange` literal is checked against; it reads as the fix. */
type MalformedRange<
  TId,
  TRange extends string,
> = `Malformed versionRange "${TRange}" for dependency "${TId & string}": write an exver range such as ">=1.0.0:0" or "^2.1:0"`

/**
 * Checks each requirement's `versionRange` literal against the exver range grammar. A
 * malformed literal turns that field into an explanatory string type, so the compiler
 * reports it on the requirement; a widened `string` is left for the runtime check.
 *
 * @example
 * ```ts
 * type Ok = ValidateVersionRanges<{ db: { kind: 'exists'; versionRange: '>=1.0:0' } }>
 * ```
 * @example
 * ```ts
 * // versionRange becomes 'Malformed versionRange "^28 || 30.x:0" for dependency "db": …'
 * type Bad = ValidateVersionRanges<{ db: { kind: 'exists'; versionRange: '^28 || 30.x:0' } }>
 * ```
 */
export type ValidateVersionRanges<TResult> = {
  [TId in keyof TResult]: TResult[TId] extends {
    versionRange: infer TRange extends string
  }
    ? [ValidateExVerRange<TRange>] extends [never]
      ? Omit<TResult[TId], 'versionRange'> & {
          versionRange: MalformedRange<TId, TRange>
        }
      : TResult[TId]
    : TResult[TId]
}

/**
 * Turns every key of `TResult` that is not a dependency in the manifest into an explanatory
 * string type, so a misspelt or undeclared dependency id is a compile error.
 *
 * @example
 * ```ts
 * type M = { dependencies: { db: { optional: false } } }
 * // { dbb: '"dbb" is not a dependency in the manifest: …' }
 * type Bad = RejectUnknownDependencies<M, { dbb: { kind: 'exists'; versionRange: '*' } }>
 * ```
 */
export type RejectUnknownDependencies<
  TManifest extends DependencyManifestLike,
  TResult,
> = {
  [TId in Exclude<
    keyof TResult,
    keyof TManifest['dependencies']
  >]: `"${TId & string}" is not a dependency in the manifest: declare it in manifest.dependencies or remove it`
}

/**
 * Every compile-time check `setupDependencies` applies to its function's result: range
 * literals ({@link ValidateVersionRanges}) and dependency ids ({@link RejectUnknownDependencies}).
 */
export type ValidateDependencies<
  TManifest extends DependencyManifestLike,
  TResult,
> = ValidateVersionRanges<TResult> &
  RejectUnknownDependencies<TManifest, TResult>
