/// <reference types="node" />
import type { ChildProcess } from 'node:child_process'
import type { Effects } from '../effects'
import type { ImageDefaults } from './cli'
import { destroyedError, failedError, label } from './problems'
import { alive, stopGroups } from './processes'

/** How long processes get between SIGTERM and SIGKILL when a subcontainer is torn down. */
export const TEARDOWN_GRACE_MS = 30_000

/**
 * The state of one materialized (or materializing) subcontainer, shared by the public
 * classes through WeakMaps. Every process started in it is recorded here the moment it is
 * spawned, so teardown finds it.
 */
export interface Core {
  readonly effects: Effects
  readonly imageId: string
  readonly name: string
  readonly sharedRun: boolean
  readonly identity: symbol
  /** Set when `createFs` answers. */
  rootfs: string | null
  guid: string | null
  image: ImageDefaults | null
  /** Settles when `createFs` has answered (or failed). */
  created: Promise<void>
  /** The init process: the bare leader, or what `launch` put in its place. */
  leader: ChildProcess | null
  /** Resolves once the leader is up; commands wait for it. */
  ready: Promise<void>
  /** Every other running process started in it (exec, spawn, bind-mount). */
  readonly children: Set<ChildProcess>
  holds: number
  destroyRequested: boolean
  /** Set, for good, when teardown begins. */
  teardown: Promise<void> | null
  /** Removes it from its context's cleanup set (a no-op once detached). */
  untrack: () => void
}

const noop = (): void => undefined

/** `"name" (image "main")` for messages. */
export function who(core: Core): string {
  return label(core.name, core.imageId)
}

/** Throws if teardown has begun; `what` says what the caller wanted to do. */
export function assertUsable(core: Core, what: string): void {
  if (core.teardown !== null) throw destroyedError(who(core), what)
}

/** Records a process started in the subcontainer until it exits. */
export function track(core: Core, child: ChildProcess): ChildProcess {
  if (!alive(child) && child.pid !== undefined) return child
  core.children.add(child)
  const forget = (): void => {
    core.children.delete(child)
  }
  child.once('exit', forget)
  child.once('error', forget)
  return child
}

/** Kills everything in it, then asks the host to remove its filesystem. */
async function tearDown(core: Core): Promise<void> {
  await core.created
  const processes = [...core.children]
  if (core.leader !== null) processes.push(core.leader)
  await stopGroups(processes, TEARDOWN_GRACE_MS)
  core.leader = null
  if (core.guid === null) return
  try {
    await core.effects.subcontainer.destroyFs({ guid: core.guid })
  } catch (error) {
    throw failedError(
      who(core),
      `remove the filesystem ${core.guid}`,
      error,
      'the host still lists it; call destroy() again to retry',
    )
  }
}

/**
 * Starts the teardown now (once). The returned promise is the same for every caller;
 * a failure is kept for them and never becomes an unhandled rejection.
 */
export function startTeardown(core: Core): Promise<void> {
  if (core.teardown === null) {
    core.untrack()
    core.teardown = tearDown(core)
    core.teardown.catch(noop)
  }
  return core.teardown
}

/** `destroy()`: tears it down now, or when the last hold is released. */
export function destroyCore(core: Core): Promise<void> {
  core.destroyRequested = true
  core.untrack()
  if (core.teardown !== null || core.holds === 0) return startTeardown(core)
  return Promise.resolve()
}

/** `hold()`: one more consumer; the returned release works once. */
export function holdCore(core: Core): () => Promise<void> {
  assertUsable(core, 'take a hold')
  core.holds++
  let released = false
  return () => {
    if (released) return Promise.resolve()
    released = true
    core.holds--
    if (core.holds === 0 && core.destroyRequested) return startTeardown(core)
    return Promise.resolve()
  }
}

/** `detach()`: the creating context's exit no longer tears it down. */
export function detachCore(core: Core): void {
  core.untrack()
  core.untrack = noop
}

const live = new WeakMap<Effects, Set<Core>>()

/**
 * Puts `core` in its effects' cleanup set: one `onLeaveContext` hook per effects object
 * destroys every subcontainer still in the set (each still waits for its holds). Effects
 * outside any context cannot be watched, so nothing is registered for them.
 */
export function trackInContext(core: Core): void {
  const effects = core.effects
  if (!effects.isInContext) return
  let set = live.get(effects)
  if (set === undefined) {
    const cores = new Set<Core>()
    set = cores
    live.set(effects, cores)
    effects.onLeaveContext(() => {
      live.delete(effects)
      const leaving = [...cores]
      cores.clear()
      for (const c of leaving) void destroyCore(c)
    })
  }
  const cores = set
  cores.add(core)
  core.untrack = () => {
    cores.delete(core)
  }
}

/** A new core for a subcontainer about to be created; tracked in its context unless `detached`. */
export function newCore(
  effects: Effects,
  image: { imageId: string; sharedRun?: boolean },
  name: string,
  identity: symbol,
  detached: boolean,
): Core {
  const core: Core = {
    effects,
    imageId: image.imageId,
    name,
    sharedRun: image.sharedRun ?? false,
    identity,
    rootfs: null,
    guid: null,
    image: null,
    created: Promise.resolve(),
    leader: null,
    ready: Promise.resolve(),
    children: new Set(),
    holds: 0,
    destroyRequested: false,
    teardown: null,
    untrack: noop,
  }
  if (!detached) trackInContext(core)
  return core
}
