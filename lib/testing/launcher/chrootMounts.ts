/**
 * The mounts of the `chroot` isolation, made inside a subcontainer's private mount namespace
 * (`nsenter --mount`): the host's system folders (never written), `/proc`, `/dev`, fresh `/tmp` and
 * `/run`, and the SDK's bind mounts. Mountpoints are found and created through the
 * namespace's view, never replaced or deleted.
 */
import type { Stats } from 'node:fs'
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  symlinkSync,
} from 'node:fs'
import { ensureInside, resolveInside } from './chrootFs'
import type { BindRecord, HolderRecord } from './chrootState'
import { statePaths } from './chrootState'
import { findProgram, runChecked } from './processes'

/** Host folders laid into every root filesystem (under the image's own), so host programs run. */
export const SYSTEM_DIRS = [
  'usr',
  'bin',
  'sbin',
  'lib',
  'lib32',
  'lib64',
  'libx32',
  'etc',
] as const

/** `/proc/<holder>/root`: the namespace's root as the host sees it. */
export function viewOf(record: HolderRecord): string {
  return `/proc/${record.pid}/root`
}

/** Runs `mount <args>` inside the holder's mount namespace. */
export function mountIn(record: HolderRecord, args: readonly string[]): void {
  runChecked(findProgram('nsenter') ?? 'nsenter', [
    `--mount=/proc/${record.pid}/ns/mnt`,
    '--',
    findProgram('mount') ?? 'mount',
    ...args,
  ])
}

/** Whether the entry at `path` (not followed) exists, and what it is. */
function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path)
  } catch {
    return null
  }
}

/**
 * Lays host folder `source` over container folder `target`: an overlay whose lower layers
 * are the image's folder (when it has content) over the host's, and whose writable layer is
 * in the namespace's private tmpfs, so the container may write (and make mountpoints) there
 * while the host's folder is never changed. Without overlayfs, a read-only bind.
 */
function layerSystemDir(
  record: HolderRecord,
  name: string,
  source: string,
  target: string,
): void {
  const view = viewOf(record)
  const layers = statePaths(record.real).layers
  const upper = `${layers}/${name}/upper`
  const work = `${layers}/${name}/work`
  const lower =
    readdirSync(`${view}${target}`).length > 0 ? `${target}:${source}` : source
  if (!/[:,\\]/.test(`${target}${layers}`)) {
    try {
      mkdirSync(`${view}${upper}`, { recursive: true })
      mkdirSync(`${view}${work}`, { recursive: true })
      mountIn(record, [
        '-t',
        'overlay',
        '-o',
        `lowerdir=${lower},upperdir=${upper},workdir=${work}`,
        'overlay',
        target,
      ])
      return
    } catch {
      // No overlayfs here: fall back to the host's folder, read-only.
    }
  }
  mountIn(record, ['--rbind', '-o', 'ro', source, target])
}

/** Lays host folder `/name` into the root filesystem (or mirrors its symlink). */
function bindSystemDir(record: HolderRecord, name: string): void {
  const view = viewOf(record)
  const host = lstatOrNull(`/${name}`)
  if (host === null) return
  let source = `/${name}`
  if (host.isSymbolicLink()) {
    // A merged-/usr host (`/bin -> usr/bin`): the same link works inside, over the bound /usr.
    const inside = lstatOrNull(`${view}${record.real}/${name}`)
    if (inside === null) {
      symlinkSync(readlinkSync(source), `${view}${record.real}/${name}`)
      return
    }
    if (!inside.isDirectory()) return
    source = realpathSync(source)
  } else if (!host.isDirectory()) {
    return
  }
  const target = ensureInside(view, record.real, `/${name}`, false)
  layerSystemDir(record, name, source, target)
}

/** Makes `/var/run` lead to `/run` and `/var/tmp` exist (sticky, world-writable). */
function prepareVar(record: HolderRecord, run: string): void {
  const view = viewOf(record)
  const varDir = ensureInside(view, record.real, '/var', false)
  const varRun = lstatOrNull(`${view}${varDir}/run`)
  if (varRun === null) symlinkSync('/run', `${view}${varDir}/run`)
  else if (varRun.isDirectory())
    mountIn(record, ['--bind', run, `${varDir}/run`])
  const varTmp = resolveInside(view, record.real, '/var/tmp')
  if (varTmp.stats === null) {
    const made = ensureInside(view, record.real, '/var/tmp', false)
    chmodSync(`${view}${made}`, 0o1777)
  }
}

/**
 * Sets up a new namespace: the host's system folders (overlays with a private writable
 * layer; the image's own files on top), `/proc`, the host's `/dev`,
 * a fresh tmpfs on `/tmp` (sticky) and `/run`, and `/var/run` → `/run`.
 */
export function setupSystem(record: HolderRecord): void {
  const view = viewOf(record)
  const layers = statePaths(record.real).layers
  mkdirSync(layers, { recursive: true, mode: 0o700 })
  mountIn(record, ['-t', 'tmpfs', '-o', 'mode=700', 'tmpfs', layers])
  for (const name of SYSTEM_DIRS) bindSystemDir(record, name)
  const proc = ensureInside(view, record.real, '/proc', false)
  mountIn(record, ['-t', 'proc', '-o', 'nosuid,nodev,noexec', 'proc', proc])
  const dev = ensureInside(view, record.real, '/dev', false)
  mountIn(record, ['--rbind', '/dev', dev])
  const tmp = ensureInside(view, record.real, '/tmp', false)
  mountIn(record, ['-t', 'tmpfs', '-o', 'mode=1777,nosuid,nodev', 'tmpfs', tmp])
  const run = ensureInside(view, record.real, '/run', false)
  mountIn(record, ['-t', 'tmpfs', '-o', 'mode=755,nosuid,nodev', 'tmpfs', run])
  prepareVar(record, run)
}

/**
 * Performs one bind mount inside the namespace: `source` (a host path) at container path
 * `bind.target`, created if missing; an existing mountpoint of the other kind is refused.
 */
export function bindIn(record: HolderRecord, bind: BindRecord): void {
  if (!existsSync(bind.source)) {
    throw new Error(
      `bind-mount: the source ${bind.source} does not exist; create it before binding it`,
    )
  }
  const target = ensureInside(
    viewOf(record),
    record.real,
    bind.target,
    bind.file,
  )
  mountIn(record, [bind.recursive ? '--rbind' : '--bind', bind.source, target])
}
