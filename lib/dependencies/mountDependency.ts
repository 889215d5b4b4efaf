import type { Effects } from '../effects'
import type { IdMap } from '../types'
import type { DependencyVolumesManifestLike } from './manifestLike'
import { invalidField } from './problems'

/** One uid/gid remapping of a mount, seen from the mounting container. */
export type DependencyIdMap = {
  /** The first id as stored on the filesystem. */
  fromId: number
  /** The first id as processes behind the mount see it. */
  toId: number
  /** How many consecutive ids to map; 1 when left out. */
  range?: number
}

/**
 * Options of a mount of a dependency's volume, as `Mounts.mountDependency` takes them.
 *
 * @example
 * ```ts
 * const opts: DependencyOpts<typeof bitcoindManifest> = {
 *   dependencyId: 'bitcoind',
 *   volumeId: 'main',
 *   subpath: null,
 *   mountpoint: '/mnt/bitcoind',
 *   readonly: true,
 * }
 * ```
 */
export type DependencyOpts<
  TDependencyManifest extends DependencyVolumesManifestLike =
    DependencyVolumesManifestLike,
> = {
  /** The dependency's package id. */
  dependencyId: TDependencyManifest['id']
  /** One of the volumes the dependency's manifest declares. */
  volumeId: TDependencyManifest['volumes'][number]
  /** Whether the mount is read-only. */
  readonly: boolean
  /** The path inside the volume to mount, or `null` for the whole volume. */
  subpath: string | null
  /** Where the volume appears inside the subcontainer, such as `/data`. */
  mountpoint: string
  /** Whether the mountpoint is a directory (the default), a file, or whichever the source is. */
  type?: 'file' | 'directory' | 'infer'
  /** uid/gid remappings on top of the container's own mapping. */
  idmap?: DependencyIdMap[]
}

/**
 * What {@link mountDependency} needs: the dependency volume from {@link DependencyOpts} and
 * `location`, the absolute host path to mount it at (the subcontainer's root filesystem
 * joined with the mountpoint).
 */
export type DependencyMountOptions<
  TDependencyManifest extends DependencyVolumesManifestLike =
    DependencyVolumesManifestLike,
> = Pick<
  DependencyOpts<TDependencyManifest>,
  'dependencyId' | 'volumeId' | 'subpath' | 'readonly' | 'idmap'
> & {
  /** Absolute path the volume is mounted at. */
  location: string
}

const WHERE = 'mountDependency'

function nonEmpty(field: string, value: unknown, hint: string): string {
  if (typeof value === 'string' && value !== '') return value
  throw invalidField(WHERE, field, 'a non-empty string', value, hint)
}

function count(field: string, value: unknown, least: number): number {
  if (Number.isInteger(value) && (value as number) >= least) {
    return value as number
  }
  const rule = least === 0 ? 'a non-negative integer' : 'a positive integer'
  throw invalidField(
    WHERE,
    field,
    rule,
    value,
    'ids and ranges are whole numbers',
  )
}

function idmapOf(idmap: readonly DependencyIdMap[] | undefined): IdMap[] {
  if (idmap === undefined) return []
  if (!Array.isArray(idmap)) {
    throw invalidField(
      WHERE,
      'idmap',
      'an array',
      idmap,
      'leave it out for none',
    )
  }
  return idmap.map((entry, i) => ({
    fromId: count(`idmap[${i}].fromId`, entry.fromId, 0),
    toId: count(`idmap[${i}].toId`, entry.toId, 0),
    range: count(`idmap[${i}].range`, entry.range ?? 1, 1),
  }))
}

/**
 * Mounts a dependency's volume (or a path inside it) at `location` through the host's
 * `mount` effect, and resolves with the path the host mounted it at.
 *
 * @example
 * ```ts
 * await mountDependency(effects, {
 *   dependencyId: 'bitcoind',
 *   volumeId: 'main',
 *   subpath: null,
 *   readonly: true,
 *   location: `${rootfs}/mnt/bitcoind`,
 * })
 * ```
 */
export async function mountDependency<
  TDependencyManifest extends DependencyVolumesManifestLike =
    DependencyVolumesManifestLike,
>(
  effects: Effects,
  options: DependencyMountOptions<TDependencyManifest>,
): Promise<string> {
  const location = nonEmpty(
    'location',
    options.location,
    'pass the absolute path to mount at',
  )
  if (!location.startsWith('/')) {
    throw invalidField(
      WHERE,
      'location',
      'an absolute path',
      location,
      "join the subcontainer's root filesystem and the mountpoint",
    )
  }
  const { subpath, readonly } = options
  if (subpath !== null && typeof subpath !== 'string') {
    throw invalidField(
      WHERE,
      'subpath',
      'a string or null',
      subpath,
      'use null for the whole volume',
    )
  }
  if (typeof readonly !== 'boolean') {
    throw invalidField(
      WHERE,
      'readonly',
      'a boolean',
      readonly,
      'pass true or false',
    )
  }
  return effects.mount({
    location,
    target: {
      packageId: nonEmpty(
        'dependencyId',
        options.dependencyId,
        "pass the dependency's package id",
      ),
      volumeId: nonEmpty(
        'volumeId',
        options.volumeId,
        "pass a volume id from the dependency's manifest",
      ),
      subpath,
      readonly,
      idmap: idmapOf(options.idmap),
    },
  })
}
