import type { SDKManifest } from '../types'

/** One uid/gid remapping of a mount: `range` consecutive ids from `fromId` shown as `toId`. */
export type IdMap = {
  fromId: number
  toId: number
  range: number
}

/** What the subcontainer runtime does for one mount: bind a volume, the assets or a dependency's volume. */
export type MountOptions =
  | MountOptionsVolume
  | MountOptionsAssets
  | MountOptionsPointer

/** A bind of one of the service's own volumes (or a path inside it). */
export type MountOptionsVolume = {
  type: 'volume'
  volumeId: string
  subpath: string | null
  readonly: boolean
  filetype: 'file' | 'directory' | 'infer'
  idmap: IdMap[]
}

/** A bind of the service's packaged assets (or a path inside them). */
export type MountOptionsAssets = {
  type: 'assets'
  subpath: string | null
  filetype: 'file' | 'directory' | 'infer'
  idmap: {
    fromId: number
    toId: number
    range: number
  }[]
}

/** A mount of a dependency's volume, made by the host through the `mount` effect. */
export type MountOptionsPointer = {
  type: 'pointer'
  packageId: string
  volumeId: string
  subpath: string | null
  readonly: boolean
  idmap: {
    fromId: number
    toId: number
    range: number
  }[]
}

/** The compiled mounts of a {@link Mounts}: where each goes and what it binds. */
export type MountArray = {
  mountpoint: string
  options: MountOptions
}[]

/** The options every kind of mount takes. */
export type SharedOptions = {
  /** The path inside the volume or assets to mount; `null` mounts all of it. */
  subpath: string | null
  /** Where it appears inside the subcontainer, such as `/data`. */
  mountpoint: string
  /** Whether the mountpoint is a directory (the default), a file, or whatever the source is. */
  type?: 'file' | 'directory' | 'infer'
  /**
   * uid/gid remappings, seen from this container: files owned by `fromId` on disk appear
   * owned by `toId` behind the mount, for `range` ids (default 1). The container's own
   * id mapping is applied by StartOS and must not be listed.
   */
  idmap?: {
    /** The first id as stored on the filesystem. */
    fromId: number
    /** The first id as processes behind the mount see it. */
    toId: number
    /** How many consecutive ids to map; 1 when left out. */
    range?: number
  }[]
}

/** Options of `Mounts.mountVolume`: one of the manifest's volumes. */
export type VolumeOpts<TManifest extends SDKManifest> = {
  /** A volume id the manifest declares. */
  volumeId: TManifest['volumes'][number]
  /** Whether the mount is read-only for this subcontainer. */
  readonly: boolean
} & SharedOptions
