/*
 * Compile-only tests of lib/subcontainer: the factories' return types (lazy promises, eager
 * plain values), image and volume ids checked against the manifest, and the exported shapes
 * against the reference's.
 */
import type {
  ChildProcess,
  ChildProcessWithoutNullStreams,
} from 'node:child_process'
import type {
  ExitError as RefExitError,
  SubContainer as RefSubContainer,
  SubContainerEager as RefEager,
  SubContainerLazy as RefLazy,
  CommandOptions as RefCommandOptions,
  ExecOptions as RefExecOptions,
  StdioOptions as RefStdioOptions,
  IdMap as RefIdMap,
  MountOptions as RefMountOptions,
} from 'start-sdk-reference/lib/util/SubContainer'
import type { Mounts as RefMounts } from 'start-sdk-reference/lib/mainFn/Mounts'
import type { Effects } from '../../lib/effects'
import { ExitError, Mounts, SubContainer } from '../../lib/subcontainer'
import type {
  CommandOptions,
  ExecOptions,
  IdMap,
  MountArray,
  MountOptions,
  StdioOptions,
  SubContainerEager,
  SubContainerLazy,
} from '../../lib/subcontainer'
import type { SDKManifest } from '../../lib/types'
import type { Equal, Expect } from './helpers'

declare const effects: Effects

type M = Omit<SDKManifest, 'images' | 'volumes'> & {
  readonly images: {
    main: SDKManifest['images'][string]
    side: SDKManifest['images'][string]
  }
  readonly volumes: ['main', 'logs']
}
type Bitcoind = { id: 'bitcoind'; volumes: ['main', 'blocks'] }

/* ---------------------------------------------------------------- factories */

const lazy = SubContainer.of<M>(effects, { imageId: 'main' }, null, 'lazy')
const eager = SubContainer.eager<M>(
  effects,
  { imageId: 'side', sharedRun: true },
  null,
  'e',
)
const temp = SubContainer.withTemp<M, number>(
  effects,
  { imageId: 'main' },
  null,
  't',
  async (sub) => sub.rootfs.length,
)
// @ts-expect-error the image is not in the manifest
SubContainer.of<M>(effects, { imageId: 'nope' }, null, 'x')
// @ts-expect-error the name is required
SubContainer.of<M>(effects, { imageId: 'main' }, null)
SubContainer.withTemp<M, number>(
  effects,
  { imageId: 'main' },
  null,
  't',
  // @ts-expect-error withTemp's fn must return a promise
  (sub) => 1,
)

export type Factories = [
  Expect<Equal<typeof lazy, SubContainerLazy<M, Effects>>>,
  Expect<Equal<typeof eager, Promise<SubContainerEager<M, Effects>>>>,
  Expect<Equal<typeof temp, Promise<number>>>,
  Expect<
    Equal<ReturnType<typeof lazy.eager>, Promise<SubContainerEager<M, Effects>>>
  >,
]

/* ------------------------------------------------- lazy promises, eager values */

declare const e: SubContainerEager<M>
declare const any: SubContainer<M>

export type Accessors = [
  Expect<Equal<typeof lazy.rootfs, Promise<string>>>,
  Expect<Equal<typeof lazy.guid, Promise<string>>>,
  Expect<Equal<ReturnType<typeof lazy.subpath>, Promise<string>>>,
  Expect<Equal<typeof e.rootfs, string>>,
  Expect<Equal<ReturnType<typeof e.subpath>, string>>,
  Expect<Equal<typeof any.rootfs, string | Promise<string>>>,
  Expect<Equal<typeof any.identity, symbol>>,
  Expect<Equal<typeof lazy.imageId, 'main' | 'side'>>,
  Expect<Equal<ReturnType<typeof any.hold>, () => Promise<void>>>,
  Expect<
    Equal<
      Awaited<ReturnType<typeof any.launch>>,
      ChildProcessWithoutNullStreams
    >
  >,
  Expect<Equal<Awaited<ReturnType<typeof any.spawn>>, ChildProcess>>,
  Expect<Equal<Awaited<ReturnType<typeof lazy.mount>>, typeof lazy>>,
  // both classes are SubContainers
  Expect<SubContainerLazy<M> extends SubContainer<M> ? true : false>,
  Expect<SubContainerEager<M> extends SubContainer<M> ? true : false>,
]
// @ts-expect-error a lazy rootfs is a promise, not a string
export const notAString: string = lazy.rootfs

/* ------------------------------------------------------------------- mounts */

const mounts = Mounts.of<M>()
  .mountVolume({
    volumeId: 'main',
    subpath: null,
    mountpoint: '/data',
    readonly: false,
  })
  .mountAssets({
    subpath: 'web',
    mountpoint: '/www',
    idmap: [{ fromId: 0, toId: 1000 }],
  })
  .mountDependency<Bitcoind>({
    dependencyId: 'bitcoind',
    volumeId: 'blocks',
    subpath: null,
    mountpoint: '/mnt',
    readonly: true,
  })
SubContainer.of<M>(effects, { imageId: 'main' }, mounts, 'mounted')
Mounts.of<M>().mountVolume({
  // @ts-expect-error the volume is not declared in the manifest
  volumeId: 'other',
  subpath: null,
  mountpoint: '/o',
  readonly: false,
})
Mounts.of<M>().mountDependency<Bitcoind>({
  dependencyId: 'bitcoind',
  // @ts-expect-error the dependency has no such volume
  volumeId: 'data',
  subpath: null,
  mountpoint: '/d',
  readonly: true,
})
// @ts-expect-error readonly is required for volumes
Mounts.of<M>().mountVolume({
  volumeId: 'main',
  subpath: null,
  mountpoint: '/data',
})

/* ------------------------------------------------------ against the reference */

/** The same manifest, for the reference's generics (its SDKManifest equals ours). */
type RM = M

export type Reference = [
  Expect<Equal<CommandOptions, RefCommandOptions>>,
  Expect<Equal<ExecOptions, RefExecOptions>>,
  Expect<Equal<StdioOptions, RefStdioOptions>>,
  Expect<Equal<IdMap, RefIdMap>>,
  Expect<Equal<MountOptions, RefMountOptions>>,
  Expect<Equal<MountArray, ReturnType<RefMounts<RM>['build']>>>,
  Expect<Equal<ExitError['result'], RefExitError['result']>>,
  Expect<Equal<ExitError['command'], RefExitError['command']>>,
  Expect<
    Equal<
      ConstructorParameters<typeof ExitError>,
      ConstructorParameters<typeof RefExitError>
    >
  >,
  Expect<
    Equal<
      Parameters<SubContainerEager<M>['exec']>,
      Parameters<RefEager<RM>['exec']>
    >
  >,
  Expect<
    Equal<
      ReturnType<SubContainerEager<M>['exec']>,
      ReturnType<RefEager<RM>['exec']>
    >
  >,
  Expect<
    Equal<
      ReturnType<SubContainerEager<M>['execFail']>,
      ReturnType<RefEager<RM>['execFail']>
    >
  >,
  Expect<
    Equal<
      Parameters<SubContainerLazy<M>['spawn']>,
      Parameters<RefLazy<RM>['spawn']>
    >
  >,
  Expect<
    Equal<
      Parameters<SubContainerLazy<M>['launch']>,
      Parameters<RefLazy<RM>['launch']>
    >
  >,
  Expect<
    Equal<
      Parameters<SubContainerLazy<M>['writeFile']>,
      Parameters<RefLazy<RM>['writeFile']>
    >
  >,
  Expect<
    Equal<
      ReturnType<SubContainer<M>['hold']>,
      ReturnType<RefSubContainer<RM>['hold']>
    >
  >,
  Expect<Equal<SubContainer<M>['rootfs'], RefSubContainer<RM>['rootfs']>>,
  Expect<Equal<SubContainerLazy<M>['mounts'], Mounts<M> | null>>,
  Expect<
    Equal<
      Mounts<M>['volumes'][number]['volumeId'],
      RefMounts<RM>['volumes'][number]['volumeId']
    >
  >,
]
