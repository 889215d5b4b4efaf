/// <reference types="node" />
import type {
  ChildProcess,
  ChildProcessWithoutNullStreams,
} from 'node:child_process'
import type { Effects } from '../effects'
import type { Guid, ImageId, SDKManifest } from '../types'
import type { Core } from './core'
import { destroyCore, detachCore, holdCore } from './core'
import type { Mounts } from './Mounts'
import {
  destroyedError,
  label,
  noStringError,
  notAwaitedError,
} from './problems'
import { materializeEager } from './SubContainerEager'
import type { SubContainerEager } from './SubContainerEager'
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

/** What a lazy handle knows besides its public fields. */
interface LazyState<TManifest extends SDKManifest, TEffects extends Effects> {
  /** The materialization under way or done (reset when it fails, so the next use retries, unless it failed because it was destroyed). */
  pending: Promise<SubContainerEager<TManifest, TEffects>> | null
  /** Its core, from the moment materialization starts. */
  core: Core | null
  /** `destroy()` was called (before or after materializing). */
  destroyed: boolean
  /** `detach()` was called. */
  detached: boolean
}

const states = new WeakMap<object, LazyState<SDKManifest, Effects>>()

function stateOf<TManifest extends SDKManifest, TEffects extends Effects>(
  sub: SubContainerLazy<TManifest, TEffects>,
): LazyState<TManifest, TEffects> {
  let state = states.get(sub)
  if (state === undefined) {
    state = { pending: null, core: null, destroyed: false, detached: false }
    states.set(sub, state)
  }
  return state as unknown as LazyState<TManifest, TEffects>
}

const noop = (): void => undefined

/**
 * A promise whose string form throws instead of reading `[object Promise]`, so a
 * forgotten `await` in a template string fails loudly.
 */
function guarded<T>(
  promise: Promise<T>,
  who: string,
  member: string,
): Promise<T> {
  const refuse = (): never => {
    throw notAwaitedError(who, member)
  }
  Object.defineProperty(promise, Symbol.toPrimitive, { value: refuse })
  Object.defineProperty(promise, 'toString', { value: refuse })
  promise.catch(noop)
  return promise
}

/**
 * A subcontainer created on first use: `SubContainer.of()` returns one at once, and the
 * first method call (or {@link SubContainerLazy.eager}) creates the filesystem and the leader.
 * `rootfs`, `guid` and `subpath()` are promises; a handle that is never used costs nothing.
 */
export class SubContainerLazy<
  TManifest extends SDKManifest,
  TEffects extends Effects = Effects,
> implements SubContainer<TManifest, TEffects> {
  /** The effects of the context that created it. */
  readonly effects: TEffects
  /** Stays the same in the eager subcontainer it becomes. */
  readonly identity: symbol
  /** The image it is made from. */
  readonly imageId: keyof TManifest['images'] & ImageId
  /** Whether the container's `/run` is bound into it. */
  readonly sharedRun: boolean
  /** The name given at creation (for the host and for messages). */
  readonly name: string
  /** The mounts applied when it materializes. */
  readonly mounts: Mounts<TManifest> | null

  /** Same as `SubContainer.of()`: nothing is created until the handle is used. */
  constructor(
    effects: TEffects,
    image: SubContainerImage<TManifest>,
    mounts: Mounts<TManifest> | null,
    name: string,
  ) {
    this.effects = effects
    this.imageId = image.imageId
    this.sharedRun = image.sharedRun ?? false
    this.name = name
    this.mounts = mounts
    this.identity = Symbol(name)
  }

  /** Creates the subcontainer if needed (once) and returns the eager handle behind this one. */
  eager(): Promise<SubContainerEager<TManifest, TEffects>> {
    const state = stateOf(this)
    if (state.pending !== null) return state.pending
    if (state.destroyed) {
      return Promise.reject(
        destroyedError(label(this.name, this.imageId), 'materialize it'),
      )
    }
    const { core, eager } = materializeEager<TManifest, TEffects>(
      this.effects,
      { imageId: this.imageId, sharedRun: this.sharedRun },
      this.mounts,
      this.name,
      this.identity,
      state.detached,
    )
    state.core = core
    const pending = eager.catch((error: unknown) => {
      if (core.destroyRequested) state.destroyed = true
      else if (state.pending === pending) {
        state.pending = null
        state.core = null
      }
      throw error
    })
    state.pending = pending
    return pending
  }

  /** The absolute path of its root filesystem; creates it on first use. */
  get rootfs(): Promise<string> {
    const who = label(this.name, this.imageId)
    return guarded(
      this.eager().then((e) => e.rootfs),
      who,
      'rootfs',
    )
  }

  /** The host's id for it; creates it on first use. */
  get guid(): Promise<Guid> {
    const who = label(this.name, this.imageId)
    return guarded(
      this.eager().then((e) => e.guid),
      who,
      'guid',
    )
  }

  /** The absolute path of `path` inside the root filesystem; creates it on first use. */
  subpath(path: string): Promise<string> {
    const who = label(this.name, this.imageId)
    return guarded(
      this.eager().then((e) => e.subpath(path)),
      who,
      `subpath(${JSON.stringify(path)})`,
    )
  }

  /** Binds more mounts (not part of {@link SubContainerLazy.mounts}); creates it first. */
  async mount(mounts: Mounts<TManifest>): Promise<this> {
    await (await this.eager()).mount(mounts)
    return this
  }

  /**
   * Takes a hold and starts creating the subcontainer in the background. Releasing before
   * it exists is fine: a released handle that is then destroyed is torn down at once.
   */
  hold(): () => Promise<void> {
    const state = stateOf(this)
    if (state.core === null) this.eager().catch(noop)
    if (state.core === null) {
      throw destroyedError(label(this.name, this.imageId), 'take a hold')
    }
    return holdCore(state.core)
  }

  /** Tears it down (now, or after the last hold); a handle never used is only marked. */
  async destroy(): Promise<void> {
    const state = stateOf(this)
    state.destroyed = true
    if (state.core !== null) return destroyCore(state.core)
  }

  /** Stops the creating context's exit from tearing it down, now or once it exists. */
  detach(): void {
    const state = stateOf(this)
    state.detached = true
    if (state.core !== null) detachCore(state.core)
  }

  /** Runs a command to its end (creating the subcontainer first); never throws on a non-zero exit. */
  async exec(
    command: string[],
    options?: CommandOptions & ExecOptions,
    timeoutMs?: number | null,
    abort?: AbortController,
  ): Promise<ExecResult> {
    return (await this.eager()).exec(command, options, timeoutMs, abort)
  }

  /** Runs a command to its end and throws `ExitError` unless it exits 0. */
  async execFail(
    command: string[],
    options?: CommandOptions & ExecOptions,
    timeoutMs?: number | null,
    abort?: AbortController,
  ): Promise<ExecOutput> {
    return (await this.eager()).execFail(command, options, timeoutMs, abort)
  }

  /** Replaces the leader with a command (creating the subcontainer first). */
  async launch(
    command: string[],
    options?: CommandOptions,
  ): Promise<ChildProcessWithoutNullStreams> {
    return (await this.eager()).launch(command, options)
  }

  /** Starts a command next to the leader (creating the subcontainer first). */
  async spawn(
    command: string[],
    options?: CommandOptions & StdioOptions,
  ): Promise<ChildProcess> {
    return (await this.eager()).spawn(command, options)
  }

  /** Writes a file inside the root filesystem (creating the subcontainer first). */
  async writeFile(
    path: string,
    data: WriteFileData,
    options?: WriteFileOptions,
  ): Promise<void> {
    return (await this.eager()).writeFile(path, data, options)
  }

  /** Throws: a lazy subcontainer has no string form; await `rootfs` or `subpath()` instead. */
  toString(): never {
    throw noStringError(label(this.name, this.imageId))
  }

  /** Throws like {@link SubContainerLazy.toString}, so `${sub}` fails loudly. */
  [Symbol.toPrimitive](): never {
    return this.toString()
  }
}
