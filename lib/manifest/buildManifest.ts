import type {
  DeviceFilter,
  ImageConfig,
  ImageId,
  Manifest,
  SDKImageInputSpec,
  SDKManifest,
  VolumeId,
} from '../types'
import { cloneData } from '../util'
import {
  DEFAULT_IMAGE_ARCH,
  OSVersion,
  PREFERRED_EMULATION,
  SDK_VERSION,
} from './constants'
import { problemList, throwProblems } from './problems'
import type { ManifestVersionSource, RejectRemovedKeys } from './types'
import { checkManifest } from './validate'
import { versionFields } from './versionFields'

/** The images with their defaults filled in, and the architectures every non-emulating image shares. */
function buildImages(images: Record<string, SDKImageInputSpec>): {
  images: Record<ImageId, ImageConfig>
  arch: string[] | null
} {
  const out: Record<ImageId, ImageConfig> = {}
  let shared: string[] | null = null
  for (const [id, spec] of Object.entries(images)) {
    const arch: string[] = [...(spec.arch ?? DEFAULT_IMAGE_ARCH)]
    const emulateMissingAs: string | null =
      spec.emulateMissingAs !== undefined
        ? spec.emulateMissingAs
        : arch.includes(PREFERRED_EMULATION)
          ? PREFERRED_EMULATION
          : (arch[0] ?? null)
    out[id] = {
      ...cloneData(spec),
      arch,
      emulateMissingAs,
      nvidiaContainer: spec.nvidiaContainer ?? false,
    }
    if (emulateMissingAs === null) {
      shared =
        shared === null ? [...arch] : shared.filter((a) => arch.includes(a))
    }
  }
  return { images: out, arch: shared }
}

/**
 * Builds the manifest StartOS stores, from the version graph and the package's
 * `setupManifest` result: adds the version, release notes, `satisfies` and migration ranges
 * of the current version, `osVersion` (default {@link OSVersion}), `sdkVersion`, image and
 * flag defaults, and the hardware requirements (`arch`: the architectures shared by every
 * image that does not emulate). The inputs are not modified; the result shares no object
 * with them.
 *
 * @throws SdkError `MANIFEST_INVALID` naming every invalid field (ids, image architectures,
 *   emulation, volumes, dependencies, plugins, keys removed in 2.0, the graph's versions).
 * @example
 * ```ts
 * export const manifest = buildManifest(versionGraph, setupManifest({ id: 'hello-world', ... }))
 * ```
 */
export function buildManifest<
  TId extends string,
  TVersion extends string,
  TDependencies extends Record<string, unknown>,
  TVolumes extends VolumeId,
  TImages extends ImageId,
  TManifest extends {
    dependencies: TDependencies
    id: TId
    images: Record<TImages, SDKImageInputSpec>
    volumes: TVolumes[]
  },
>(
  versions: ManifestVersionSource<TVersion>,
  manifest: SDKManifest & TManifest & RejectRemovedKeys<TManifest>,
): TManifest & Manifest {
  const list = problemList()
  checkManifest(list, manifest)
  const fromGraph = versionFields(list, versions)
  if (fromGraph === null || list.problems.length > 0) {
    throwProblems(list, (manifest as { id?: unknown } | null)?.id)
  }
  const { images, arch } = buildImages(manifest.images)
  const hw = manifest.hardwareRequirements
  const device: DeviceFilter[] = cloneData(hw?.device ?? [])
  const built = {
    ...(cloneData(manifest) as SDKManifest),
    images,
    gitHash: null,
    osVersion: manifest.osVersion ?? OSVersion,
    sdkVersion: SDK_VERSION,
    version: fromGraph.version,
    releaseNotes: fromGraph.releaseNotes,
    satisfies: fromGraph.satisfies,
    canMigrateTo: fromGraph.canMigrateTo,
    canMigrateFrom: fromGraph.canMigrateFrom,
    hardwareRequirements: { device, ram: hw?.ram ?? null, arch },
    hardwareAcceleration: manifest.hardwareAcceleration ?? false,
    userspaceFilesystems: manifest.userspaceFilesystems ?? false,
    virtualNetworking: manifest.virtualNetworking ?? false,
    plugins: [...(manifest.plugins ?? [])],
  } satisfies Manifest
  // Tooling (`start-sdk check`/`run`) reaches the version graph through the manifest export;
  // not enumerable, so JSON and the host never see it.
  Object.defineProperty(built, VERSION_SOURCE_KEY, { value: versions })
  return built as unknown as TManifest & Manifest
}

/** Where {@link buildManifest} keeps the version source on the manifest it builds. */
export const VERSION_SOURCE_KEY: unique symbol = Symbol.for(
  'start-sdk/versionGraph',
) as never
