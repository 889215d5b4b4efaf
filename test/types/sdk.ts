/*
 * Compile-only tests of the `sdk` object: the same keys as 2.0.9's, build(true) only with a
 * manifest, and the manifest's ids bound into volumes, images and dependencies.
 */
import type { StartSdk as RefStartSdk } from 'start-sdk-reference'
import type { Effects } from '../../lib/effects'
import { StartSdk } from '../../lib/sdk'
import type { SDKManifest } from '../../lib/types'
import type { Equal, Expect } from './helpers'

declare const effects: Effects

type Manifest = Omit<
  SDKManifest,
  'id' | 'volumes' | 'images' | 'dependencies'
> & {
  id: 'hello'
  volumes: ['main', 'logs']
  images: { web: SDKManifest['images'][string] }
  dependencies: { bitcoind: SDKManifest['dependencies'][string] }
}
declare const manifest: Manifest

const sdk = StartSdk.of().withManifest(manifest).build(true)
type Ours = typeof sdk
type RefKeys = keyof ReturnType<RefStartSdk<Manifest>['build']>

export type _keys = Expect<Equal<keyof Ours, RefKeys>>

// build(true) before withManifest does not compile.
// @ts-expect-error a manifest must be bound first
StartSdk.of().build(true)

// Volumes are the manifest's.
export type _volumes = Expect<Equal<keyof Ours['volumes'], 'main' | 'logs'>>
sdk.volumes.main.subpath('a')
// @ts-expect-error 'cache' is not a volume of the manifest
sdk.volumes.cache

// Images are the manifest's.
sdk.SubContainer.of(effects, { imageId: 'web' }, null, 'web')
// @ts-expect-error 'db' is not an image of the manifest
sdk.SubContainer.of(effects, { imageId: 'db' }, null, 'db')

// Backups take the manifest's volumes.
sdk.Backups.ofVolumes('main', 'logs')
// @ts-expect-error 'cache' is not a volume of the manifest
sdk.Backups.ofVolumes('cache')

// checkDependencies narrows to the manifest's dependency ids.
sdk.checkDependencies(effects, ['bitcoind'])
// @ts-expect-error 'lnd' is not a dependency of the manifest
sdk.checkDependencies(effects, ['lnd'])

// Both forms of Daemons.dynamic.
const reconciler = sdk.Daemons.dynamic(effects, async ({ effects }) =>
  sdk.Daemons.of(effects),
)
const legacyMain = sdk.Daemons.dynamic(async ({ effects }) =>
  sdk.Daemons.of(effects),
)
export const _main = sdk.setupMain(async () => reconciler)
export type _legacy = Expect<
  Equal<typeof legacyMain, ReturnType<typeof sdk.setupMain>>
>

// Effect wrappers keep the effect's parameters.
sdk.setHealth(effects, {
  id: 'web',
  name: 'Web',
  result: 'success',
  message: null,
})
// @ts-expect-error `result` must be a health result
sdk.setHealth(effects, { id: 'web', name: 'Web', result: 'great' })
