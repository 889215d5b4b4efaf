import type {
  GitHash,
  ImageId,
  LocaleString,
  PackageId,
  PathOrUrl,
  PluginId,
  Version,
  VolumeId,
} from './ids'

/** A docker build argument: a literal value or the name of an environment variable. */
export type BuildArg = string | { env: string }

/** Where an image comes from: already packed, a docker build, or a docker tag. */
export type ImageSource =
  | 'packed'
  | {
      dockerBuild: {
        workdir?: string
        dockerfile?: string
        buildArgs?: { [key: string]: BuildArg }
      }
    }
  | { dockerTag: string }

/** How one container image is built and for which architectures. */
export type ImageConfig = {
  source: ImageSource
  arch: string[]
  emulateMissingAs: string | null
  nvidiaContainer: boolean
}

/** A hardware device the service requires. */
export type DeviceFilter = {
  description: string
  class: 'processor' | 'display'
  product: string | null
  vendor: string | null
  capabilities?: Array<string>
  driver?: string
}

/** Devices, memory and architectures the service needs. */
export type HardwareRequirements = {
  device: Array<DeviceFilter>
  ram: number | null
  arch: string[] | null
}

/** Short and long descriptions of a package. */
export type Description = {
  short: LocaleString
  long: LocaleString
}

/** A dependency's display title and icon as written in the manifest. */
export type DependencyMetadata = {
  title: LocaleString
  icon: PathOrUrl
}

/** Where a dependency's display metadata comes from: inline or from its s9pk. */
export type MetadataSrc =
  | { metadata: DependencyMetadata }
  | { s9pk: PathOrUrl | null }

/** One manifest dependency entry. */
export type DepInfo = {
  description: LocaleString | null
  optional: boolean
} & MetadataSrc

/** The manifest's dependency map, keyed by package id. */
export type ManifestDependencies = { [key: PackageId]: DepInfo }

/** A package manifest as the host stores it and `getServiceManifest` returns it. */
export type Manifest = {
  id: PackageId
  version: Version
  canMigrateTo: string
  canMigrateFrom: string
  images: { [key: ImageId]: ImageConfig }
  volumes: Array<VolumeId>
  dependencies: ManifestDependencies
  hardwareRequirements: HardwareRequirements
  title: string
  description: Description
  releaseNotes: LocaleString
  gitHash: GitHash | null
  license: string
  packageRepo: string
  upstreamRepo: string
  marketingUrl: string
  donationUrl: string | null
  osVersion: string
  sdkVersion: string | null
  hardwareAcceleration: boolean
  userspaceFilesystems: boolean
  virtualNetworking: boolean
  plugins: Array<PluginId>
  satisfies: Array<Version>
}
