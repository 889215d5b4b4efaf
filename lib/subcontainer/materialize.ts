/// <reference types="node" />
import type { ChildProcess } from 'node:child_process'
import { access, copyFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Effects } from '../effects'
import { startosPaths } from '../paths'
import { imageDefaults, leaderArgs } from './cli'
import type { Core } from './core'
import { assertUsable, newCore, startTeardown, who } from './core'
import { applyMounts, bind, inside } from './mounting'
import type { MountArray } from './mountTypes'
import { failedError } from './problems'
import { alive, exited, sleep, spawnGroup } from './processes'

/** How long a new leader may take to bring up `<rootfs>/proc/1`. */
const LEADER_TIMEOUT_MS = 10_000

/** Whether `path` exists. */
function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

/**
 * Waits until `leader` has brought the subcontainer up (`<rootfs>/proc/1` exists). A bare
 * leader that exits first is an error; a launched command may simply be short-lived.
 */
export async function waitForLeader(
  core: Core,
  leader: ChildProcess,
  bare: boolean,
): Promise<void> {
  const proc1 = join(core.rootfs as string, 'proc/1')
  const deadline = Date.now() + LEADER_TIMEOUT_MS
  let delay = 2
  for (;;) {
    if (await exists(proc1)) return
    if (!alive(leader)) {
      if (!bare) return
      const how =
        leader.pid === undefined
          ? 'start-container could not be started (is it on PATH? subcontainers need StartOS, or the host simulator with its launcher)'
          : `the leader exited with code ${leader.exitCode ?? leader.signalCode}`
      throw failedError(
        who(core),
        'start the subcontainer',
        new Error(how),
        'check the image and the container runtime logs',
      )
    }
    if (Date.now() > deadline) {
      throw failedError(
        who(core),
        'start the subcontainer',
        new Error(`${proc1} did not appear within ${LEADER_TIMEOUT_MS} ms`),
        'check the container runtime logs',
      )
    }
    await sleep(delay)
    delay = Math.min(delay * 2, 50)
  }
}

/** Starts `args` as the subcontainer's leader (its init process) and records it. */
export function startLeader(
  core: Core,
  args: readonly string[],
  stdio: 'ignore' | 'pipe',
  bare: boolean,
): ChildProcess {
  assertUsable(core, 'start its leader')
  const leader = spawnGroup(args, stdio)
  leader.once('error', () => undefined)
  core.leader = leader
  core.ready = waitForLeader(core, leader, bare)
  core.ready.catch(() => undefined)
  return leader
}

/** What a subcontainer sees besides the image: DNS settings, `/dev`, `/sys`, maybe `/run`. */
async function prepareSystem(core: Core, rootfs: string): Promise<void> {
  const paths = startosPaths()
  const resolv = join(paths.root, 'etc/resolv.conf')
  if (await exists(resolv)) {
    await mkdir(join(rootfs, 'etc'), { recursive: true })
    await copyFile(resolv, join(rootfs, 'etc/resolv.conf'))
  }
  const shared = core.sharedRun ? ['run'] : []
  for (const dir of ['dev', 'sys', ...shared]) {
    const target = inside(rootfs, dir)
    await mkdir(target, { recursive: true })
    await bind(core, { source: `/${dir}`, target, file: false, idmap: [] })
  }
}

/** Creates the filesystem, starts the leader, applies mounts; throws after tearing down. */
async function bringUp(
  core: Core,
  mountsOf: () => MountArray | null,
): Promise<void> {
  let answered: () => void = () => undefined
  core.created = new Promise((resolve) => (answered = resolve))
  let rootfs: string
  let mounts: MountArray | null
  try {
    mounts = mountsOf()
    core.image = await imageDefaults(core.imageId)
    assertUsable(core, 'create it')
    const [path, guid] = await core.effects.subcontainer
      .createFs({ imageId: core.imageId, name: core.name })
      .catch((error: unknown) => {
        throw failedError(
          who(core),
          'create the filesystem',
          error,
          'check that the image id is declared in the manifest',
        )
      })
    rootfs = path
    core.rootfs = path
    core.guid = guid
  } finally {
    answered()
  }
  assertUsable(core, 'finish creating it')
  startLeader(core, leaderArgs(rootfs), 'ignore', true)
  await core.ready
  if (mounts !== null) await applyMounts(core, rootfs, mounts)
  await prepareSystem(core, rootfs)
  assertUsable(core, 'finish creating it')
}

/**
 * Starts creating a subcontainer (`mounts` is built first, inside the promise). The returned
 * core is tracked in its effects' context (unless `detached`) before anything is awaited, so a context that leaves mid-way tears
 * down whatever was made; `done` resolves when it is ready, or rejects after the teardown.
 */
export function materialize(
  effects: Effects,
  image: { imageId: string; sharedRun?: boolean },
  mounts: () => MountArray | null,
  name: string,
  identity: symbol,
  detached: boolean,
): { core: Core; done: Promise<void> } {
  const core = newCore(effects, image, name, identity, detached)
  const done = bringUp(core, mounts).catch(async (error: unknown) => {
    await startTeardown(core).catch(() => undefined)
    throw error
  })
  return { core, done }
}
