import {
  closeSync,
  fchmodSync,
  fchownSync,
  fdatasync,
  fstatSync,
  fsync as fsyncFd,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs'
import { lstat, readdir, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { SdkError } from '../errors'

const flushData = promisify(fdatasync)
const flushAll = promisify(fsyncFd)

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Flush the file and its directory to disk before returning (default `true`). */
  fsync?: boolean
  /** Permission bits of the file; defaults to the existing file's, else `0o666` less the umask. */
  mode?: number
  /**
   * The caller already knows the file does not hold these bytes (it just read it), so the
   * same-bytes check is skipped.
   */
  knownChanged?: boolean
}

/** Directory fsync errors that mean "this platform does not do that", not a failed write. */
const DIR_SYNC_REFUSED = new Set(['EINVAL', 'EISDIR', 'EPERM', 'ENOTSUP'])

function errnoCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

// Temp names: pid, a random per-process prefix and a counter (`wx` refuses any collision).
const tempPrefix = Math.floor(Math.random() * 0xffffffff)
  .toString(16)
  .padStart(8, '0')
let tempCounter = 0

function tempName(name: string): string {
  tempCounter = (tempCounter + 1) >>> 0
  return `.${name}.${process.pid}.${tempPrefix}${tempCounter.toString(16)}.tmp`
}

/** The process umask, read on first use; `null` where it cannot be read (worker threads). */
let umaskCache: number | null | undefined

function processUmask(): number | null {
  if (umaskCache === undefined) {
    try {
      umaskCache = process.umask()
    } catch {
      umaskCache = null
    }
  }
  return umaskCache
}

function ioError(what: string, path: string, cause: unknown): SdkError {
  const code = errnoCode(cause)
  return new SdkError(
    'FILE_IO',
    `${what}: ${path}${code === undefined ? '' : ` (${code})`}`,
    { cause, details: { path, ...(code === undefined ? {} : { code }) } },
  )
}

function statIfExists(path: string): Stats | null {
  try {
    return statSync(path)
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return null
    throw e
  }
}

function holdsBytes(
  path: string,
  current: Stats | null,
  bytes: Buffer,
): boolean {
  if (current === null || !current.isFile()) return false
  if (current.size !== bytes.byteLength) return false
  try {
    return bytes.equals(readFileSync(path))
  } catch {
    return false
  }
}

/** Flushes a directory's entries (a rename's durability); a no-op where the OS refuses. */
async function syncDir(dir: string): Promise<void> {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    await flushAll(fd)
  } catch (e) {
    if (!DIR_SYNC_REFUSED.has(errnoCode(e) ?? '')) throw e
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** Opens a fresh temp file next to `path`, creating missing parent directories. */
async function openTemp(
  dir: string,
  name: string,
  mode: number,
  fsync: boolean,
): Promise<{ tempPath: string; fd: number }> {
  const tempPath = join(dir, tempName(name))
  try {
    return { tempPath, fd: openSync(tempPath, 'wx', mode) }
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw e
  }
  const created = mkdirSync(dir, { recursive: true })
  if (fsync && created !== undefined) await syncDir(dirname(created))
  return { tempPath, fd: openSync(tempPath, 'wx', mode) }
}

function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0
  while (offset < bytes.byteLength)
    offset += writeSync(fd, bytes, offset, bytes.byteLength - offset)
}

/**
 * Replaces the file at `path` with `data` so that readers and crashes only ever see the old
 * or the new content, and returns `false` without touching the file when it already holds
 * exactly these bytes.
 *
 * Metadata calls (open, write, rename) are synchronous: for configuration-sized files they
 * take microseconds, far less than a trip through libuv's thread pool. The flushes, which
 * can take milliseconds on a slow disk, run asynchronously.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: WriteFileAtomicOptions = {},
): Promise<boolean> {
  const fsync = options.fsync ?? true
  const bytes =
    typeof data === 'string'
      ? Buffer.from(data, 'utf8')
      : Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  const dir = dirname(path)
  let tempPath: string | undefined
  let renamed = false
  try {
    const current = statIfExists(path)
    if (!options.knownChanged && holdsBytes(path, current, bytes)) return false
    const mode =
      options.mode ?? (current?.isFile() ? current.mode & 0o7777 : undefined)
    const opened = await openTemp(dir, basename(path), mode ?? 0o666, fsync)
    tempPath = opened.tempPath
    const fd = opened.fd
    try {
      // The umask may clear bits of an explicit or inherited mode; only then is a chmod due.
      const mask = processUmask()
      if (
        mode !== undefined &&
        (mask === null || (mode & mask) !== 0) &&
        (fstatSync(fd).mode & 0o7777) !== mode
      )
        fchmodSync(fd, mode)
      if (current?.isFile() && process.getuid?.() === 0) {
        try {
          fchownSync(fd, current.uid, current.gid)
        } catch {
          // Keeping the owner is best effort (e.g. on filesystems without owners).
        }
      }
      writeAll(fd, bytes)
      if (fsync) await flushData(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tempPath, path)
    renamed = true
    if (fsync) await syncDir(dir)
    return true
  } catch (e) {
    if (tempPath !== undefined && !renamed) {
      try {
        unlinkSync(tempPath)
      } catch {
        // Already gone.
      }
    }
    throw ioError('Failed to write file atomically', path, e)
  }
}

/**
 * Reads the file at `path` as UTF-8, or returns `null` when it does not exist. The read is
 * synchronous under the promise (configuration files are small; see {@link writeFileAtomic}).
 */
export async function readFileIfExists(path: string): Promise<string | null> {
  try {
    return readFileSync(path, 'utf8')
  } catch (e) {
    const code = errnoCode(e)
    if (code === 'ENOENT' || code === 'ENOTDIR') return null
    throw ioError('Failed to read file', path, e)
  }
}

/**
 * Removes the temp files that interrupted {@link writeFileAtomic} calls left next to the
 * file `name` in `dir` when they are older than `olderThanMs`, and returns how many it removed.
 */
export async function cleanupTempFiles(
  dir: string,
  name: string,
  olderThanMs = 60_000,
): Promise<number> {
  const pattern = new RegExp(
    `^\\.${escapeRegExp(name)}\\.\\d+\\.[0-9a-f]+\\.tmp$`,
  )
  let entries: string[]
  try {
    entries = await readdir(dir)
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return 0
    throw ioError('Failed to list directory', dir, e)
  }
  const now = Date.now()
  let removed = 0
  for (const entry of entries) {
    if (!pattern.test(entry)) continue
    const full = join(dir, entry)
    try {
      const info = await lstat(full)
      if (!info.isFile() || now - info.mtimeMs < olderThanMs) continue
      await unlink(full)
      removed++
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT')
        throw ioError('Failed to remove temp file', full, e)
    }
  }
  return removed
}
