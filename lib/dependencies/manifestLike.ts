/**
 * The part of a package manifest the dependency helpers read: its declared dependencies,
 * each marked `optional`. A full `SDKManifest` satisfies it.
 *
 * @example
 * ```ts
 * const manifest = {
 *   dependencies: { bitcoind: { description: null, optional: false } },
 * } satisfies DependencyManifestLike
 * ```
 */
export type DependencyManifestLike = {
  dependencies: Record<string, { optional: boolean } & Record<string, unknown>>
}

/**
 * The part of a dependency's manifest that {@link DependencyOpts} reads: its id and the
 * volumes it declares. A full `SDKManifest` satisfies it.
 */
export type DependencyVolumesManifestLike = {
  id: string
  volumes: readonly string[]
}
