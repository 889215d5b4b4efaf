import type { Effects } from '../effects'
import type { SDKManifest } from '../types'
import type { Mounts } from './Mounts'
import { SubContainerEager } from './SubContainerEager'
import { SubContainerLazy } from './SubContainerLazy'
import type {
  SubContainer as SubContainerApi,
  SubContainerImage,
} from './types'

/**
 * A root filesystem made from one image, where commands run as real processes; see
 * `SubContainerEager` and `SubContainerLazy` for the two kinds.
 */
export type SubContainer<
  TManifest extends SDKManifest,
  TEffects extends Effects = Effects,
> = SubContainerApi<TManifest, TEffects>

/** The factories of {@link SubContainer}. */
export interface SubContainerFactories {
  /**
   * A subcontainer created on first use, returned at once. The default choice: a handle
   * that is never used (a daemon `Daemons.dynamic` leaves alone) creates nothing.
   *
   * @example
   * ```ts
   * const sub = SubContainer.of(effects, { imageId: 'main' }, null, 'setup')
   * await sub.execFail(['sh', '-c', 'echo ready > /tmp/ready'])
   * ```
   */
  of<TManifest extends SDKManifest, TEffects extends Effects = Effects>(
    effects: TEffects,
    image: SubContainerImage<TManifest>,
    mounts: Mounts<TManifest> | null,
    name: string,
  ): SubContainerLazy<TManifest, TEffects>
  /**
   * A subcontainer created now: failures surface here, and `rootfs`, `guid` and
   * `subpath()` are plain values. Not for `Daemons.dynamic`, which needs lazy handles.
   *
   * @example
   * ```ts
   * const sub = await SubContainer.eager(effects, { imageId: 'main' }, null, 'probe')
   * const config = sub.subpath('/etc/app.conf')
   * ```
   */
  eager<TManifest extends SDKManifest, TEffects extends Effects = Effects>(
    effects: TEffects,
    image: SubContainerImage<TManifest>,
    mounts: Mounts<TManifest> | null,
    name: string,
  ): Promise<SubContainerEager<TManifest, TEffects>>
  /**
   * Runs `fn` with a fresh subcontainer and destroys it afterwards, whether `fn` returns
   * or throws; resolves with what `fn` returns.
   *
   * @example
   * ```ts
   * const version = await SubContainer.withTemp(effects, { imageId: 'main' }, null, 'version',
   *   async (sub) => (await sub.execFail(['app', '--version'])).stdout,
   * )
   * ```
   */
  withTemp<
    TManifest extends SDKManifest,
    TResult,
    TEffects extends Effects = Effects,
  >(
    effects: TEffects,
    image: SubContainerImage<TManifest>,
    mounts: Mounts<TManifest> | null,
    name: string,
    fn: (sub: SubContainerEager<TManifest, TEffects>) => Promise<TResult>,
  ): Promise<TResult>
}

/** Creates subcontainers: {@link SubContainerFactories.of} (lazy), `eager`, `withTemp`. */
export const SubContainer: SubContainerFactories = {
  of: (effects, image, mounts, name) =>
    new SubContainerLazy(effects, image, mounts, name),
  eager: (effects, image, mounts, name) =>
    SubContainerEager._of(effects, image, mounts, name, Symbol(name)),
  async withTemp(effects, image, mounts, name, fn) {
    const sub = await SubContainer.eager(effects, image, mounts, name)
    let result
    try {
      result = await fn(sub)
    } catch (error) {
      await sub.destroy().catch(() => undefined)
      throw error
    }
    await sub.destroy()
    return result
  },
}
