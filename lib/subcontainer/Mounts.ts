/// <reference types="node" />
import { posix } from 'node:path'
import type {
  DependencyOpts,
  DependencyVolumesManifestLike,
} from '../dependencies'
import type { SDKManifest } from '../types'
import type { IdMap, MountArray, SharedOptions, VolumeOpts } from './mountTypes'
import { CODES, invalidArgument } from './problems'

const FILETYPES = ['file', 'directory', 'infer'] as const

/** The mountpoint as compared for duplicates: absolute, normalized, no trailing slash. */
function normalized(mountpoint: string): string {
  return posix.resolve('/', mountpoint)
}

function check(
  where: string,
  ok: boolean,
  field: string,
  rule: string,
  value: unknown,
  hint: string,
): void {
  if (!ok) throw invalidArgument(where, field, rule, value, hint, CODES.mount)
}

function checkId(where: string, field: string, value: unknown): void {
  check(
    where,
    Number.isInteger(value) && (value as number) >= 0,
    field,
    'a non-negative integer',
    value,
    'uids and gids are whole numbers',
  )
}

/** Checks the options every mount shares; returns its idmap with `range` filled in. */
function checkShared(where: string, options: SharedOptions): IdMap[] {
  check(
    where,
    typeof options === 'object' && options !== null,
    '(the options)',
    'an object',
    options,
    'pass { subpath, mountpoint, ... }',
  )
  check(
    where,
    typeof options.mountpoint === 'string' && options.mountpoint !== '',
    'mountpoint',
    'a non-empty path',
    options.mountpoint,
    'give the path inside the subcontainer, such as "/data"',
  )
  check(
    where,
    options.subpath === null || typeof options.subpath === 'string',
    'subpath',
    'a string or null',
    options.subpath,
    'use null to mount all of it',
  )
  check(
    where,
    options.type === undefined || FILETYPES.includes(options.type),
    'type',
    '"file", "directory" or "infer"',
    options.type,
    'leave it out for a directory',
  )
  const idmap = options.idmap ?? []
  check(
    where,
    Array.isArray(idmap),
    'idmap',
    'an array',
    idmap,
    'leave it out for no remapping',
  )
  return idmap.map((entry, i) => {
    checkId(where, `idmap[${i}].fromId`, entry?.fromId)
    checkId(where, `idmap[${i}].toId`, entry?.toId)
    const range = entry.range ?? 1
    check(
      where,
      Number.isInteger(range) && range >= 1,
      `idmap[${i}].range`,
      'a positive integer',
      entry.range,
      'leave it out to map one id',
    )
    return { fromId: entry.fromId, toId: entry.toId, range }
  })
}

function checkVolume(
  where: string,
  volumeId: unknown,
  readonly: unknown,
): void {
  check(
    where,
    typeof volumeId === 'string' && volumeId !== '',
    'volumeId',
    'a non-empty volume id',
    volumeId,
    'use a volume id from the manifest',
  )
  check(
    where,
    typeof readonly === 'boolean',
    'readonly',
    'a boolean',
    readonly,
    'pass true or false',
  )
}

/**
 * The mounts of a subcontainer: the service's volumes, its assets and its dependencies'
 * volumes. Immutable: each `mount…` call returns a new `Mounts`. Start from {@link Mounts.of}.
 *
 * @example
 * ```ts
 * const mounts = Mounts.of<typeof manifest>()
 *   .mountVolume({ volumeId: 'main', subpath: null, mountpoint: '/data', readonly: false })
 *   .mountAssets({ subpath: 'config', mountpoint: '/etc/app' })
 * ```
 */
export class Mounts<TManifest extends SDKManifest> {
  /** The service's own volumes to mount. */
  readonly volumes: VolumeOpts<TManifest>[]
  /** The asset paths to mount. */
  readonly assets: SharedOptions[]
  /** The dependencies' volumes to mount. */
  readonly dependencies: DependencyOpts[]

  /** Use {@link Mounts.of}; this keeps frozen copies of the three lists. */
  constructor(
    volumes: VolumeOpts<TManifest>[] = [],
    assets: SharedOptions[] = [],
    dependencies: DependencyOpts[] = [],
  ) {
    this.volumes = Object.freeze([...volumes]) as VolumeOpts<TManifest>[]
    this.assets = Object.freeze([...assets]) as SharedOptions[]
    this.dependencies = Object.freeze([...dependencies]) as DependencyOpts[]
  }

  /** An empty set of mounts. */
  static of<TManifest extends SDKManifest>(): Mounts<TManifest> {
    return new Mounts<TManifest>()
  }

  /** Adds one of the service's volumes (or a path inside it). */
  mountVolume(options: VolumeOpts<TManifest>): Mounts<TManifest> {
    const where = 'Mounts.mountVolume'
    checkShared(where, options)
    checkVolume(where, options.volumeId, options.readonly)
    const next = new Mounts<TManifest>(
      [...this.volumes, { ...options }],
      this.assets,
      this.dependencies,
    )
    next.build()
    return next
  }

  /** Adds the service's packaged assets (or a path inside them). */
  mountAssets(options: SharedOptions): Mounts<TManifest> {
    checkShared('Mounts.mountAssets', options)
    const next = new Mounts<TManifest>(
      this.volumes,
      [...this.assets, { ...options }],
      this.dependencies,
    )
    next.build()
    return next
  }

  /** Adds a volume of a dependency (the host mounts it through the `mount` effect). */
  mountDependency<TDependencyManifest extends DependencyVolumesManifestLike>(
    options: DependencyOpts<TDependencyManifest>,
  ): Mounts<TManifest> {
    const where = 'Mounts.mountDependency'
    checkShared(where, options)
    checkVolume(where, options.volumeId, options.readonly)
    check(
      where,
      typeof options.dependencyId === 'string' && options.dependencyId !== '',
      'dependencyId',
      'a non-empty package id',
      options.dependencyId,
      "pass the dependency's package id",
    )
    const next = new Mounts<TManifest>(this.volumes, this.assets, [
      ...this.dependencies,
      { ...options } as DependencyOpts,
    ])
    next.build()
    return next
  }

  /**
   * The mounts as the subcontainer runtime takes them: volumes, then assets, then
   * dependencies, each with its filetype (`directory` by default) and full idmap.
   * Throws when two mounts share a mountpoint.
   */
  build(): MountArray {
    const out: MountArray = []
    for (const v of this.volumes) {
      out.push({
        mountpoint: v.mountpoint,
        options: {
          type: 'volume',
          volumeId: v.volumeId,
          subpath: v.subpath,
          readonly: v.readonly,
          filetype: v.type ?? 'directory',
          idmap: checkShared('Mounts.mountVolume', v),
        },
      })
    }
    for (const a of this.assets) {
      out.push({
        mountpoint: a.mountpoint,
        options: {
          type: 'assets',
          subpath: a.subpath,
          filetype: a.type ?? 'directory',
          idmap: checkShared('Mounts.mountAssets', a),
        },
      })
    }
    for (const d of this.dependencies) {
      out.push({
        mountpoint: d.mountpoint,
        options: {
          type: 'pointer',
          packageId: d.dependencyId,
          volumeId: d.volumeId,
          subpath: d.subpath,
          readonly: d.readonly,
          idmap: checkShared('Mounts.mountDependency', d),
        },
      })
    }
    const seen = new Map<string, string>()
    for (const { mountpoint } of out) {
      const key = normalized(mountpoint)
      const first = seen.get(key)
      if (first !== undefined) {
        throw invalidArgument(
          'Mounts',
          'mountpoint',
          'unique',
          mountpoint,
          `${JSON.stringify(first)} is already mounted there; give each mount its own mountpoint`,
          CODES.mount,
        )
      }
      seen.set(key, mountpoint)
    }
    return out
  }
}
