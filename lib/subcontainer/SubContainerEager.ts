/// <reference types="node" />
import type {
  ChildProcess,
  ChildProcessWithoutNullStreams,
} from 'node:child_process'
import type { Effects } from '../effects'
import { SdkError } from '../errors'
import type { Guid, ImageId, SDKManifest } from '../types'
import { execIn, launchCommand, spawnCommand, writeFileIn } from './commands'
import type { Core } from './core'
import { assertUsable, destroyCore, detachCore, holdCore } from './core'
import { materialize } from './materialize'
import { applyMounts, inside } from './mounting'
import type { Mounts } from './Mounts'
import { CODES } from './problems'
import type {
  CommandOptions,
  ExecOptions,
  ExecOutput,
  ExecResult,
  StdioOptions,
  SubContainer,
  SubContainerImage,
  WriteFileData,
  WriteFileOptions,
} from './types'

const cores = new WeakMap<object, Core>()

/** The state behind an eager subcontainer; only {@link materializeEager} makes one. */
function coreOf(sub: object): Core {
  const core = cores.get(sub)
  if (core === undefined) {
    throw new SdkError(
      CODES.invalid,
      'This SubContainerEager was constructed directly, so it has no subcontainer behind it; create one with SubContainer.eager() or SubContainer.of()',
    )
  }
  return core
}

/**
 * Starts materializing a subcontainer and returns its core at once (already tracked in its
 * context unless `detached`) with the eager handle it will become.
 */
export function materializeEager<
  TManifest extends SDKManifest,
  TEffects extends Effects,
>(
  effects: TEffects,
  image: SubContainerImage<TManifest>,
  mounts: Mounts<TManifest> | null,
  name: string,
  identity: symbol,
  detached: boolean,
): { core: Core; eager: Promise<SubContainerEager<TManifest, TEffects>> } {
  const { core, done } = materialize(
    effects,
    image,
    () => (mounts === null ? null : mounts.build()),
    name,
    identity,
    detached,
  )
  const eager = done.then(() => {
    const sub = new SubContainerEager<TManifest, TEffects>(
      effects,
      image.imageId,
      core.rootfs as string,
      core.guid as Guid,
      identity,
    )
    cores.set(sub, core)
    return sub
  })
  return { core, eager }
}

/**
 * A subcontainer whose filesystem and leader process exist already: `rootfs`, `guid` and
 * `subpath()` are plain values. Create one with `SubContainer.eager()` or
 * `SubContainer.withTemp()`, or get one from `SubContainerLazy.eager()`.
 */
export class SubContainerEager<
  TManifest extends SDKManifest,
  TEffects extends Effects = Effects,
> implements SubContainer<TManifest, TEffects> {
  /** The effects of the context that created it. */
  readonly effects: TEffects
  /** The image it was made from. */
  readonly imageId: keyof TManifest['images'] & ImageId
  /** The absolute path of its root filesystem. */
  readonly rootfs: string
  /** The host's id for it. */
  readonly guid: Guid
  /** Shared with the lazy handle it came from, if any. */
  readonly identity: symbol

  /** Not for direct use: a handle made this way has no subcontainer behind it. */
  constructor(
    effects: TEffects,
    imageId: keyof TManifest['images'] & ImageId,
    rootfs: string,
    guid: Guid,
    identity: symbol,
  ) {
    this.effects = effects
    this.imageId = imageId
    this.rootfs = rootfs
    this.guid = guid
    this.identity = identity
  }

  /** Creates the subcontainer with the given identity (a lazy handle passes its own). */
  static _of<TManifest extends SDKManifest, TEffects extends Effects>(
    effects: TEffects,
    image: SubContainerImage<TManifest>,
    mounts: Mounts<TManifest> | null,
    name: string,
    identity: symbol,
  ): Promise<SubContainerEager<TManifest, TEffects>> {
    return materializeEager(effects, image, mounts, name, identity, false).eager
  }

  /** The absolute path of `path` inside the root filesystem (`..` cannot leave it). */
  subpath(path: string): string {
    return inside(this.rootfs, path)
  }

  /** Binds more volumes, assets or dependency volumes into it. */
  async mount(mounts: Mounts<TManifest>): Promise<this> {
    const core = coreOf(this)
    const built = mounts.build()
    assertUsable(core, 'mount')
    await applyMounts(core, this.rootfs, built)
    return this
  }

  /** Keeps it alive until the returned release is called; throws once it is torn down. */
  hold(): () => Promise<void> {
    return holdCore(coreOf(this))
  }

  /** Tears it down now, or when the last hold is released; resolves when that teardown (if started) ends. */
  async destroy(): Promise<void> {
    return destroyCore(coreOf(this))
  }

  /** Stops the creating context's exit from tearing it down. Idempotent. */
  detach(): void {
    detachCore(coreOf(this))
  }

  /** Runs a command to its end (default timeout 30 s, `null` for none); never throws on a non-zero exit. */
  async exec(
    command: string[],
    options?: CommandOptions & ExecOptions,
    timeoutMs?: number | null,
    abort?: AbortController,
  ): Promise<ExecResult> {
    return execIn(coreOf(this), command, options, timeoutMs, abort)
  }

  /** Runs a command to its end and throws `ExitError` unless it exits 0. */
  async execFail(
    command: string[],
    options?: CommandOptions & ExecOptions,
    timeoutMs?: number | null,
    abort?: AbortController,
  ): Promise<ExecOutput> {
    const result = await this.exec(command, options, timeoutMs, abort)
    return result.throw()
  }

  /** Replaces the leader (the subcontainer's init) with a command. */
  async launch(
    command: string[],
    options?: CommandOptions,
  ): Promise<ChildProcessWithoutNullStreams> {
    return launchCommand(coreOf(this), command, options)
  }

  /** Starts a command next to the leader (stdio `inherit` unless given). */
  async spawn(
    command: string[],
    options?: CommandOptions & StdioOptions,
  ): Promise<ChildProcess> {
    return spawnCommand(coreOf(this), command, options)
  }

  /** Writes a file inside the root filesystem, creating missing folders. */
  async writeFile(
    path: string,
    data: WriteFileData,
    options?: WriteFileOptions,
  ): Promise<void> {
    return writeFileIn(coreOf(this), path, data, options)
  }
}
