import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess, SpawnSyncReturns } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Effects } from '../../lib/effects'
import {
  CallbackContext,
  createEffects,
  createHostClient,
  silentLogger,
} from '../../lib/runtime'
import {
  HostSimulator,
  chrootIsolation,
  installLauncher,
} from '../../lib/testing'

/** Whether this machine runs the chroot tests: `false`, or the reason they are skipped. */
export const support = chrootIsolation()
export const skip: false | string = support.supported ? false : support.reason
if (skip !== false) console.log(`# chroot tests skipped: ${skip}`)

const STATE_DIR = '/run/start-sdk-sim-chroot'

/** A chroot-mode simulator on a real socket, image `main`, launcher first on `PATH`. */
export interface ChrootLab {
  root: string
  sim: HostSimulator
  launcher: string
  effects(): Effects
  /** Runs the launcher to the end. */
  run(...args: string[]): SpawnSyncReturns<string>
  close(): Promise<void>
}

export async function chrootLab(): Promise<ChrootLab> {
  const root = mkdtempSync(join(tmpdir(), 'start-sdk-chroot-'))
  const rpcDir = join(root, 'media/startos/rpc')
  mkdirSync(rpcDir, { recursive: true })
  const sim = await HostSimulator.start({
    rpcDir,
    packageId: 'example',
    root,
    notify: () => undefined,
    isolation: 'chroot',
  })
  const image = join(root, 'image')
  mkdirSync(join(image, 'app'), { recursive: true })
  writeFileSync(join(image, 'app/hello.txt'), 'hello from the image\n')
  mkdirSync(join(image, 'etc'))
  writeFileSync(join(image, 'etc/app.conf'), 'from the image etc\n')
  sim.addImage('main', image)
  const images = join(root, 'media/startos/images')
  mkdirSync(images, { recursive: true })
  writeFileSync(join(images, 'main.env'), 'FROM_IMAGE=image-value\n')
  writeFileSync(
    join(images, 'main.json'),
    JSON.stringify({ workdir: '/app', user: 'root' }),
  )
  const launcher = installLauncher(join(root, 'bin'), { isolation: 'chroot' })
  process.env.STARTOS_ROOT = root
  process.env.PATH = `${join(root, 'bin')}:${process.env.PATH ?? ''}`
  const client = createHostClient({
    socketPath: join(rpcDir, 'host.sock'),
    log: silentLogger,
  })
  const tree = new CallbackContext('root', silentLogger)
  let n = 0
  return {
    root,
    sim,
    launcher,
    effects: () =>
      createEffects({
        client,
        log: silentLogger,
        eventId: null,
        context: tree.child(`ctx${n++}`),
      }),
    run: (...args) => spawnSync(launcher, args, { encoding: 'utf8' }),
    async close() {
      tree.leave()
      client.close?.()
      await sim.close()
      assert.deepEqual(mountsUnder(root), [], 'nothing is left mounted')
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** Mount points at or below `dir` in the mount namespace of `pid` (default: the host's). */
export function mountsUnder(
  dir: string,
  pid: number | 'self' = 'self',
): string[] {
  return readFileSync(`/proc/${pid}/mountinfo`, 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((p) => p !== undefined && (p === dir || p.startsWith(`${dir}/`)))
}

/** The state files of a root filesystem (an independent copy of the launcher's naming). */
function stateOf(rootfs: string): string {
  const key = createHash('sha256').update(rootfs).digest('hex').slice(0, 24)
  return join(STATE_DIR, key)
}

/** The recorded namespace holder of a root filesystem, if any. */
export function holderOf(rootfs: string): { pid: number } | null {
  const path = `${stateOf(rootfs)}.json`
  return existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as { pid: number })
    : null
}

/** Where the launcher logs a root filesystem's bind mounts. */
export function mountLogOf(rootfs: string): string {
  return `${stateOf(rootfs)}.mounts`
}

/** Removes a raw (not `destroy-fs`ed) root filesystem's mount log and layers folder. */
export function forgetRootfs(rootfs: string): void {
  rmSync(`${stateOf(rootfs)}.mounts`, { force: true })
  try {
    rmdirSync(`${stateOf(rootfs)}.layers`)
  } catch {
    // Already gone (the leader removes it when it ends).
  }
}

/** A digest of a host folder's entries (names, kinds, sizes), to see it untouched. */
export function digest(dir: string): string {
  const hash = createHash('sha256')
  for (const name of readdirSync(dir).sort()) {
    const s = statSync(join(dir, name), { throwIfNoEntry: false })
    hash.update(`${name}:${s?.mode}:${s?.size}:${s?.mtimeMs}\n`)
  }
  return hash.digest('hex')
}

/** Starts a bare leader on `rootfs` through the launcher; resolves once it is up. */
export async function leaderOn(
  launcher: string,
  rootfs: string,
): Promise<ChildProcess> {
  const leader = spawn(launcher, ['subcontainer', 'launch', rootfs], {
    stdio: 'ignore',
    detached: true,
  })
  for (let i = 0; i < 500 && !existsSync(join(rootfs, 'proc/1')); i++) {
    await new Promise((r) => setTimeout(r, 10))
  }
  assert.ok(existsSync(join(rootfs, 'proc/1')), 'the leader came up')
  return leader
}

export function stop(leader: ChildProcess): Promise<unknown> {
  const exited = new Promise((r) => leader.once('exit', r))
  process.kill(-(leader.pid as number), 'SIGTERM')
  return exited
}
