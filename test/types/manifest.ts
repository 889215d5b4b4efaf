/*
 * Compile-only tests of lib/manifest and the manifest types: literal inference of
 * setupManifest, the image architecture rules, the keys removed in 2.0, buildManifest's
 * result, and our types against the reference's.
 */
import type { T as RefT } from 'start-sdk-reference'
import {
  VersionGraph as RefVersionGraph,
  VersionInfo as RefVersionInfo,
  buildManifest as refBuildManifest,
  setupManifest as refSetupManifest,
  startSdk as refStartSdk,
} from 'start-sdk-reference'
import type {
  ManifestDependency as RefManifestDependency,
  SDKImageInputSpec as RefSDKImageInputSpec,
} from 'start-sdk-reference/node_modules/@start9labs/start-core/types/ManifestTypes'
import { OSVersion, buildManifest, setupManifest } from '../../lib/manifest'
import type { ManifestVersionSource } from '../../lib/manifest'
import type * as T from '../../lib/T'
import type { Equal, Expect } from './helpers'

const base = {
  title: 'Hello',
  license: 'MIT',
  packageRepo: 'https://example.com/pkg',
  upstreamRepo: 'https://example.com/up',
  marketingUrl: 'https://example.com',
  donationUrl: null,
  description: { short: 'Hi', long: { en_US: 'Hello', es_ES: 'Hola' } },
  dependencies: {},
}

const m = setupManifest({
  ...base,
  id: 'hello-world',
  volumes: ['main', 'data'],
  images: {
    main: { source: { dockerTag: 'hello' } },
    tool: {
      source: { dockerBuild: { buildArgs: { A: { env: 'A' } } } },
      arch: ['aarch64', 'x86_64'],
      emulateMissingAs: 'x86_64',
    },
  },
})
const refM = refSetupManifest({
  ...base,
  id: 'hello-world',
  volumes: ['main', 'data'],
  images: {
    main: { source: { dockerTag: 'hello' } },
    tool: {
      source: { dockerBuild: { buildArgs: { A: { env: 'A' } } } },
      arch: ['aarch64', 'x86_64'],
      emulateMissingAs: 'x86_64',
    },
  },
})

export type SetupManifestResults = [
  Expect<Equal<(typeof m)['id'], 'hello-world'>>,
  Expect<Equal<(typeof m)['volumes'], ('main' | 'data')[]>>,
  Expect<Equal<keyof (typeof m)['images'], 'main' | 'tool'>>,
  Expect<Equal<(typeof m)['id'], (typeof refM)['id']>>,
  Expect<Equal<(typeof m)['volumes'], (typeof refM)['volumes']>>,
  Expect<Equal<(typeof m)['images'], (typeof refM)['images']>>,
]

/* ------------------------------------------------------- types vs the reference */

export type ReferenceTypes = [
  Expect<Equal<T.SDKManifest, RefT.SDKManifest>>,
  Expect<Equal<T.SDKImageInputSpec, RefSDKImageInputSpec>>,
  Expect<Equal<T.ManifestDependency, RefManifestDependency>>,
  Expect<Equal<T.Manifest, RefT.Manifest>>,
  Expect<Equal<typeof OSVersion, typeof refStartSdk.OSVersion>>,
]

/* ----------------------------------------------------------- image architectures */

const image = (spec: T.SDKImageInputSpec) => spec
image({ source: { dockerTag: 'a' }, arch: ['riscv64', 'x86_64', 'aarch64'] })
image({ source: { dockerTag: 'a' }, arch: ['aarch64'], emulateMissingAs: null })
// @ts-expect-error arm64 is not an architecture StartOS knows
image({ source: { dockerTag: 'a' }, arch: ['arm64'] })
// @ts-expect-error an architecture listed twice
image({ source: { dockerTag: 'a' }, arch: ['x86_64', 'x86_64'] })
// @ts-expect-error an image emulates only an architecture it lists
image({
  source: { dockerTag: 'a' },
  arch: ['aarch64'],
  emulateMissingAs: 'x86_64',
})
// @ts-expect-error the packer writes 'packed', packages do not
image({ source: 'packed' })
// @ts-expect-error an empty architecture list
image({ source: { dockerTag: 'a' }, arch: [] })

setupManifest({
  ...base,
  id: 'a',
  volumes: ['main'],
  // @ts-expect-error a bad architecture literal inside setupManifest
  images: { main: { source: { dockerTag: 'a' }, arch: ['x86'] } },
})

/* ------------------------------------------------------------ keys removed in 2.0 */

setupManifest({
  ...base,
  id: 'a',
  volumes: ['main'],
  images: {},
  // @ts-expect-error `alerts` was removed in 2.0 (the reference accepts it silently)
  alerts: { install: 'Careful' },
})
setupManifest({
  ...base,
  id: 'a',
  volumes: ['main'],
  images: {},
  // @ts-expect-error `nestedRuntime` was removed in 2.0
  nestedRuntime: true,
})
refSetupManifest({
  ...base,
  id: 'a',
  volumes: ['main'],
  images: {},
  alerts: { install: 'Careful' },
})

/* ------------------------------------------------------------------ buildManifest */

const v1 = RefVersionInfo.of({
  version: '1.0.0:0',
  releaseNotes: 'one',
  migrations: {},
})
const refGraph = RefVersionGraph.of({ current: v1, other: [] })
/** The reference's VersionGraph is a version source. */
export const source: ManifestVersionSource<'1.0.0:0'> = refGraph

const built = buildManifest(refGraph, m)
const refBuilt = refBuildManifest(refGraph, refM)

export type BuildManifestResults = [
  Expect<Equal<typeof built, typeof m & T.Manifest>>,
  Expect<Equal<(typeof built)['id'], 'hello-world'>>,
  Expect<Equal<(typeof built)['version'], string>>,
  Expect<
    Equal<(typeof built)['canMigrateFrom'], (typeof refBuilt)['canMigrateFrom']>
  >,
  Expect<Equal<(typeof built)['volumes'], (typeof refBuilt)['volumes']>>,
]

/** A structural stand-in works as well as a graph. */
buildManifest(
  {
    current: {
      options: { version: '1.0.0:0', releaseNotes: 'x', satisfies: [] },
    },
    canMigrateFrom: () => '<=1.0.0:0',
    canMigrateTo: () => '<=1.0.0:0',
  },
  m,
)
const withoutRanges = {
  current: {
    options: { version: '1.0.0:0', releaseNotes: 'x', satisfies: [] },
  },
}
// @ts-expect-error a version source needs the migration ranges
buildManifest(withoutRanges, m)
