/**
 * The `chroot` isolation of the `start-container` stand-in: a leader makes a private mount
 * namespace for the root filesystem (held open by a `sleep` that never chroots, recorded in
 * {@link CHROOT_STATE_DIR}); `exec` enters it with `nsenter`, chroots and switches user with
 * `setpriv`; `bind-mount` mounts inside it. When the leader ends, the holder is killed and
 * the namespace with all its mounts goes away with the last process in it.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import {
  lstatSync,
  mkdirSync,
  readlinkSync,
  realpathSync,
  rmdirSync,
} from 'node:fs'
import { join } from 'node:path'
import type { BindArgs, RunOptions } from './args'
import { readEnvFile } from './args'
import { lookupUser, resolveInside } from './chrootFs'
import { bindIn, setupSystem, viewOf } from './chrootMounts'
import type { HolderRecord } from './chrootState'
import {
  CHROOT_STATE_DIR,
  forgetHolder,
  holderAlive,
  liveHolders,
  logBind,
  loggedBinds,
  readHolder,
  removeLayers,
  startTimeOf,
  statePaths,
  sweepStale,
  writeHolder,
} from './chrootState'
import { findProgram, forwardAndWait } from './processes'

/** How long `exec` waits for a leader to bring the namespace up. */
const HOLDER_WAIT_MS = 10_000

/** The `PATH` commands get unless the image or the call sets one. */
const DEFAULT_PATH =
  '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/** Enters the working directory (or `/` when it is missing), then runs the command. */
const ENTER_SCRIPT = 'cd -- "$0" 2>/dev/null || cd /; exec "$@"'

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

/** A program's host path (the same path inside, where the host's folders are bound). */
function program(name: string): string {
  const path = findProgram(name)
  if (path === null) throw new Error(`${name} is not on PATH (util-linux)`)
  return path
}

/** The real path of a root filesystem, refusing the host's own root. */
function realRootfs(rootfs: string): string {
  const real = realpathSync(rootfs)
  if (real === '/') {
    throw new Error(
      `the root filesystem ${rootfs} is the host's /; pass a subcontainer folder`,
    )
  }
  return real
}

/** Waits until the leader of `rootfs` has its namespace up; resolves its holder. */
async function awaitHolder(rootfs: string): Promise<HolderRecord> {
  const path = statePaths(realRootfs(rootfs)).holder
  const deadline = Date.now() + HOLDER_WAIT_MS
  for (;;) {
    const record = readHolder(path)
    if (record !== null && holderAlive(record)) return record
    if (Date.now() > deadline) {
      throw new Error(
        `no leader is running for ${rootfs} (nothing live in ${CHROOT_STATE_DIR}); start the subcontainer with "subcontainer launch" first`,
      )
    }
    await sleep(20)
  }
}

/** Spawns `options.command` inside the holder's namespace, chrooted, as `options.user`. */
function spawnInside(record: HolderRecord, options: RunOptions): ChildProcess {
  const view = viewOf(record)
  const etc = resolveInside(view, record.real, '/etc').path
  const user = lookupUser(`${view}${etc}`, options.user ?? 'root')
  const named =
    user.name === null ? {} : { USER: user.name, LOGNAME: user.name }
  const env = {
    PATH: DEFAULT_PATH,
    HOME: user.home,
    ...named,
    ...readEnvFile(options.envFile),
    ...options.env,
  }
  const switchUser =
    user.uid === 0 && user.gid === 0
      ? []
      : [
          program('setpriv'),
          `--reuid=${user.uid}`,
          `--regid=${user.gid}`,
          user.name === null ? '--clear-groups' : '--init-groups',
          '--',
        ]
  const args = [
    `--mount=/proc/${record.pid}/ns/mnt`,
    '--',
    program('chroot'),
    record.real,
    ...switchUser,
    '/bin/sh',
    '-c',
    ENTER_SCRIPT,
    options.workdir,
    ...options.command,
  ]
  return spawn(program('nsenter'), args, { env, stdio: 'inherit' })
}

/** `subcontainer exec` in a running leader's namespace; resolves the exit code. */
export async function chrootExec(options: RunOptions): Promise<number> {
  const record = await awaitHolder(options.rootfs)
  return forwardAndWait(spawnInside(record, options), options.command[0])
}

/** Resolves once `pid` lives in a mount namespace other than this process's. */
async function namespaceReady(
  pid: number,
  holder: ChildProcess,
): Promise<void> {
  const own = readlinkSync('/proc/self/ns/mnt')
  const deadline = Date.now() + HOLDER_WAIT_MS
  for (;;) {
    if (holder.exitCode !== null || holder.signalCode !== null) {
      throw new Error('unshare exited before the namespace was ready')
    }
    try {
      if (readlinkSync(`/proc/${pid}/ns/mnt`) !== own) return
    } catch {
      // Not started yet.
    }
    if (Date.now() > deadline) throw new Error('unshare did not start in time')
    await sleep(2)
  }
}

/** Starts the namespace holder and sets the namespace up; resolves its record. */
async function startHolder(
  rootfs: string,
  real: string,
): Promise<{ holder: ChildProcess; record: HolderRecord }> {
  const holder = spawn(
    program('unshare'),
    [
      '--mount',
      '--propagation',
      'private',
      '--',
      program('setpriv'),
      '--pdeathsig',
      'KILL',
      '--',
      program('sleep'),
      'infinity',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  )
  holder.once('error', () => undefined)
  try {
    if (holder.pid === undefined) throw new Error('cannot start unshare')
    await namespaceReady(holder.pid, holder)
    const start = startTimeOf(holder.pid)
    if (start === null) throw new Error('the namespace holder exited at once')
    const record: HolderRecord = { pid: holder.pid, start, rootfs, real }
    setupSystem(record)
    for (const bind of loggedBinds(real)) bindIn(record, bind)
    return { holder, record }
  } catch (error) {
    holder.kill('SIGKILL')
    throw error
  }
}

/**
 * `subcontainer launch` in a private namespace: a bare leader keeps it up until signalled; a
 * leader with a command runs it inside (as `exec` would) and ends the namespace after it.
 * Bind mounts of earlier leaders of the same root filesystem are made again.
 */
export async function chrootLeader(options: RunOptions): Promise<number> {
  const real = realRootfs(options.rootfs)
  sweepStale()
  const running = readHolder(statePaths(real).holder)
  if (running !== null && holderAlive(running)) {
    throw new Error(
      `a leader already runs for ${options.rootfs} (namespace holder pid ${running.pid}); stop it before launching another`,
    )
  }
  const proc = join(real, 'proc')
  mkdirSync(proc, { recursive: true })
  if (!lstatSync(proc).isDirectory()) {
    throw new Error(
      `${proc} is not a directory; the image must not replace /proc`,
    )
  }
  try {
    rmdirSync(join(proc, '1'))
  } catch {
    // Not there (or not empty): the SDK only polls for it.
  }
  const { holder, record } = await startHolder(options.rootfs, real)
  writeHolder(record)
  // Seen from the host only: the namespace has /proc mounted over it.
  mkdirSync(join(proc, '1'), { recursive: true })
  try {
    if (options.command.length === 0) {
      return await forwardAndWait(holder, 'the namespace holder')
    }
    const code = await forwardAndWait(
      spawnInside(record, options),
      options.command[0],
    )
    holder.kill('SIGKILL')
    return code
  } finally {
    forgetHolder(record)
    removeLayers(real)
  }
}

/** `bind-mount` into the namespace of the leader whose root filesystem holds the target. */
export function chrootBind(bind: BindArgs): number {
  const owner = liveHolders()
    .map((record) => {
      const base = [record.rootfs, record.real].find(
        (root) => bind.target === root || bind.target.startsWith(`${root}/`),
      )
      return base === undefined ? null : { record, base }
    })
    .filter((m) => m !== null)
    .sort((a, b) => b.base.length - a.base.length)[0]
  if (owner === undefined) {
    throw new Error(
      `bind-mount: no running subcontainer holds ${bind.target}; start its leader ("subcontainer launch <rootfs>") first`,
    )
  }
  const record = {
    source: bind.source,
    target: bind.target.slice(owner.base.length) || '/',
    recursive: bind.recursive,
    file: bind.file,
  }
  bindIn(owner.record, record)
  logBind(owner.record.real, record)
  return 0
}
