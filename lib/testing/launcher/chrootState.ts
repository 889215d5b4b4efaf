/**
 * Shared bookkeeping of the launcher's `chroot` isolation: where each subcontainer's
 * namespace holder is recorded, the bind mounts to replay when a new leader starts, and the
 * liveness check that guards against reused pids. Used by the launcher (as a program) and by
 * the simulator's `subcontainer.destroy-fs`.
 */
import { createHash } from 'node:crypto'
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'

/**
 * Where holder records live: on the host, outside every subcontainer and every mount the
 * mode makes (so no container can edit them, and `destroy-fs` never counts them).
 */
export const CHROOT_STATE_DIR = '/run/start-sdk-sim-chroot'

/** The process holding a subcontainer's mount namespace open, as recorded by its leader. */
export interface HolderRecord {
  /** The pid of the holder (a `sleep` inside the namespace, never chrooted). */
  pid: number
  /** Its start time (field 22 of `/proc/<pid>/stat`), so a reused pid is not mistaken. */
  start: string
  /** The root filesystem as the SDK named it. */
  rootfs: string
  /** The same, with symlinks resolved on the host. */
  real: string
}

/** One `bind-mount` done in a namespace, replayed when a new leader takes over. */
export interface BindRecord {
  /** The real root filesystem it belongs to (lets stale logs be swept). */
  real?: string
  source: string
  /** The target inside the container (`/data`, not the host path). */
  target: string
  recursive: boolean
  file: boolean
}

/** The record and mount-log paths of the subcontainer whose real root is `real`. */
export function statePaths(real: string): {
  holder: string
  mounts: string
  layers: string
} {
  const key = createHash('sha256').update(real).digest('hex').slice(0, 24)
  return {
    holder: join(CHROOT_STATE_DIR, `${key}.json`),
    mounts: join(CHROOT_STATE_DIR, `${key}.mounts`),
    // Empty on the host: inside the namespace a tmpfs holds the overlays' writable layers.
    layers: join(CHROOT_STATE_DIR, `${key}.layers`),
  }
}

/** Removes the (host-side empty) layers folder of `real`; never anything with content. */
export function removeLayers(real: string): void {
  try {
    rmdirSync(statePaths(real).layers)
  } catch {
    // Absent, or in use by a namespace mount this process cannot see: left alone.
  }
}

/** The start time of `pid`, or `null` when it is not running (gone or a zombie). */
export function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return fields[0] === 'Z' || fields[0] === 'X' ? null : fields[19]
  } catch {
    return null
  }
}

/** Whether the recorded holder is still the running process it was. */
export function holderAlive(record: HolderRecord): boolean {
  return startTimeOf(record.pid) === record.start
}

/** Reads a holder record; `null` when absent or unreadable. */
export function readHolder(path: string): HolderRecord | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as HolderRecord
  } catch {
    return null
  }
}

/** Records the holder of `record.real` (the folder is private to root). */
export function writeHolder(record: HolderRecord): void {
  mkdirSync(CHROOT_STATE_DIR, { recursive: true, mode: 0o700 })
  writeFileSync(statePaths(record.real).holder, JSON.stringify(record))
}

/** Removes the holder record of `record.real` if it still names this holder. */
export function forgetHolder(record: HolderRecord): void {
  const path = statePaths(record.real).holder
  const current = readHolder(path)
  if (current !== null && current.pid === record.pid)
    rmSync(path, { force: true })
}

/** Every live holder recorded on this machine. */
export function liveHolders(): HolderRecord[] {
  if (!existsSync(CHROOT_STATE_DIR)) return []
  return readdirSync(CHROOT_STATE_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => readHolder(join(CHROOT_STATE_DIR, name)))
    .filter((r): r is HolderRecord => r !== null && holderAlive(r))
}

/** Appends one bind mount to the log of `real`. */
export function logBind(real: string, bind: BindRecord): void {
  mkdirSync(CHROOT_STATE_DIR, { recursive: true, mode: 0o700 })
  appendFileSync(
    statePaths(real).mounts,
    `${JSON.stringify({ ...bind, real })}\n`,
  )
}

/**
 * Forgets the records of root filesystems that no longer exist and have no live holder
 * (left by launchers used without `destroy-fs`). Only files in {@link CHROOT_STATE_DIR} go.
 */
export function sweepStale(): void {
  if (!existsSync(CHROOT_STATE_DIR)) return
  for (const name of readdirSync(CHROOT_STATE_DIR)) {
    if (!name.endsWith('.mounts')) continue
    const key = name.slice(0, -'.mounts'.length)
    const holder = readHolder(join(CHROOT_STATE_DIR, `${key}.json`))
    if (holder !== null && holderAlive(holder)) continue
    let real: string | undefined
    try {
      const first = readFileSync(join(CHROOT_STATE_DIR, name), 'utf8')
      real = (JSON.parse(first.split('\n')[0]) as BindRecord).real
    } catch {
      continue
    }
    if (real === undefined || existsSync(real)) continue
    releaseChroot(real)
  }
}

/** The bind mounts done so far for `real`, oldest first. */
export function loggedBinds(real: string): BindRecord[] {
  const path = statePaths(real).mounts
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as BindRecord)
}

/**
 * Ends the namespace of the subcontainer at `real` (SIGKILLs a holder still running) and
 * forgets its records. Returns the pid killed, if any.
 */
export function releaseChroot(real: string): number | null {
  const paths = statePaths(real)
  const record = readHolder(paths.holder)
  let killed: number | null = null
  if (record !== null && holderAlive(record)) {
    try {
      process.kill(record.pid, 'SIGKILL')
      killed = record.pid
    } catch {
      // It exited in between.
    }
  }
  rmSync(paths.holder, { force: true })
  rmSync(paths.mounts, { force: true })
  removeLayers(real)
  return killed
}

/** Decodes the octal escapes (`\040` for a space…) of a `/proc/<pid>/mountinfo` field. */
function unescapeMount(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) =>
    String.fromCharCode(parseInt(octal, 8)),
  )
}

/** Mount points at or below `dir` in the namespace of `pid` (default: this process). */
export function mountsUnder(
  dir: string,
  pid: number | 'self' = 'self',
): string[] {
  let text: string
  try {
    text = readFileSync(`/proc/${pid}/mountinfo`, 'utf8')
  } catch {
    return [] // No procfs (not Linux): nothing this simulator mounts.
  }
  const out: string[] = []
  for (const line of text.split('\n')) {
    const field = line.split(' ')[4]
    if (field === undefined) continue
    const point = unescapeMount(field)
    if (point === dir || point.startsWith(`${dir}/`)) out.push(point)
  }
  return out
}
