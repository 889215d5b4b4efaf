import type { DepInfo, DeviceFilter, ImageSource } from './manifest'
import type { ImageId, LocaleString, PluginId } from './ids'

/** A CPU architecture an image can be built for. */
export type ImageArch = 'x86_64' | 'aarch64' | 'riscv64'

/** The architectures left once those in `TUsed` are taken. */
type Rest<TUsed extends ImageArch> = Exclude<ImageArch, TUsed>

/** Every non-empty, non-repeating ordered list of architectures (15 tuples). */
type ArchList = {
  [A in ImageArch]:
    | [A]
    | {
        [B in Rest<A>]: [A, B] | { [C in Rest<A | B>]: [A, B, C] }[Rest<A | B>]
      }[Rest<A>]
}[ImageArch]

/** One image entry for one possible architecture list `TArch`. */
type ImageSpecFor<TArch extends ImageArch[]> = {
  source: Exclude<ImageSource, 'packed'>
  arch?: TArch
  emulateMissingAs?: TArch[number] | null
  nvidiaContainer?: boolean
}

/** Distributes {@link ImageSpecFor} over every architecture list. */
type ImageSpecs<TList> = TList extends ImageArch[] ? ImageSpecFor<TList> : never

/**
 * One container image as a package declares it: where it comes from, which architectures
 * it is built for (a non-repeating list of `x86_64`, `aarch64`, `riscv64`; all three by
 * default), which listed architecture emulates a missing one (`null`: none), and whether
 * it needs the NVIDIA container runtime.
 */
export type SDKImageInputSpec = ImageSpecs<ArchList>

/** One dependency entry of {@link SDKManifest}: why it is needed, whether it is optional, where its metadata comes from. */
export type ManifestDependency = DepInfo

/** The static description of a package, as passed to `setupManifest`. */
export type SDKManifest = {
  /** The package id, unique among all packages: lowercase letters and digits in `-`-separated words, such as `hello-world`. */
  readonly id: string
  /** The service's display name. */
  readonly title: string
  /** The license's name; the license text belongs at the root of the package repository. */
  readonly license: string
  /** URL of the StartOS package repository. */
  readonly packageRepo: string
  /** URL of the upstream service repository. */
  readonly upstreamRepo: string
  /** URL where users learn more about the service. */
  readonly marketingUrl: string
  /** URL where users can donate to the upstream project, or `null`. */
  readonly donationUrl: string | null
  /** Marketplace descriptions. */
  readonly description: {
    /** One line for the marketplace list (about 80 characters). */
    readonly short: LocaleString
    /** A paragraph for the marketplace details page (about 500 characters). */
    readonly long: LocaleString
  }
  /** The StartOS version the package targets; defaults to the one this SDK was built for. */
  osVersion?: string
  /** The container images the package runs, by image id. */
  readonly images: Record<ImageId, SDKImageInputSpec>
  /** The ids of the package's data volumes. */
  readonly volumes: string[]
  /** The packages this one depends on, by package id. */
  readonly dependencies: Record<string, ManifestDependency>
  /** Devices and memory (in MB) a server needs to install the package. */
  readonly hardwareRequirements?: {
    readonly device?: DeviceFilter[]
    readonly ram?: number | null
  }
  /** Gives the service access to acceleration devices (`/dev/dri`, `/dev/nvidia*`). */
  readonly hardwareAcceleration?: boolean
  /** Mounts `/dev/fuse`, so the service can run fuse-overlayfs (a nested rootless OCI runtime). */
  readonly userspaceFilesystems?: boolean
  /** Mounts `/dev/net/tun`, so the service can create tunnel interfaces (VPN, WireGuard). */
  readonly virtualNetworking?: boolean
  /** The OS plugins the package provides. */
  readonly plugins?: PluginId[]
}
