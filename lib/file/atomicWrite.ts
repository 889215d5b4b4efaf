import { randomBytes } from 'node:crypto'
import type { Stats } from 'node:fs'
import {
  lstat,
  mkdir,
  open,
  readFile,
  readdir,
  rename,
  stat,
  unlink,
} from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { SdkError } from '../errors'

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Flush the file and its directory to disk before returning (default `true`). */
  fsync?: boolean
  /** Permission bits of the file; defaults to the existing file's, else `0o666` less the umask. */
  mode?: number
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

function tempName(name: string): string {
  return `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
}

function ioError(what: string, path: string, cause: unknown): SdkError {
  const code = errnoCode(cause)
  return new SdkError(
    'FILE_IO',
    `${what}: ${path}${code === undefined ? '' : ` (${code})`}`,
    { cause, details: { path, ...(code === undefined ? {} : { code }) } },
  )
}

async function statIfExists(path: string): Promise<Stats | null> {
  try {
    return await stat(path)
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return null
    throw e
  }
}

async function holdsBytes(
  path: string,
  current: Stats | null,
  bytes: Uint8Array,
): Promise<boolean> {
  if (current === null || !current.isFile()) return false
  if (current.size !== bytes.byteLength) return false
  try {
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    return view.equals(await readFile(path))
  } catch {
    return false
  }
}

async function syncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch (e) {
    if (!DIR_SYNC_REFUSED.has(errnoCode(e) ?? '')) throw e
  } finally {
    await handle?.close()
  }
}

/** Opens a fresh temp file next to `path`, creating missing parent directories. */
async function openTemp(
  dir: string,
  name: string,
  mode: number,
  fsync: boolean,
): Promise<{ tempPath: string; handle: FileHandle }> {
  const tempPath = join(dir, tempName(name))
  try {
    return { tempPath, handle: await open(tempPath, 'wx', mode) }
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw e
  }
  const created = await mkdir(dir, { recursive: true })
  if (fsync && created !== undefined) await syncDir(dirname(created))
  return { tempPath, handle: await open(tempPath, 'wx', mode) }
}

/**
 * Replaces the file at `path` with `data` so that readers and crashes only ever see the old
 * or the new content, and returns `false` without touching the file when it already holds
 * exactly these bytes.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: WriteFileAtomicOptions = {},
): Promise<boolean> {
  const fsync = options.fsync ?? true
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  const dir = dirname(path)
  let tempPath: string | undefined
  let renamed = false
  try {
    const current = await statIfExists(path)
    if (await holdsBytes(path, current, bytes)) return false
    const mode =
      options.mode ?? (current?.isFile() ? current.mode & 0o7777 : undefined)
    const opened = await openTemp(dir, basename(path), mode ?? 0o666, fsync)
    tempPath = opened.tempPath
    const handle = opened.handle
    try {
      if (mode !== undefined) await handle.chmod(mode)
      if (current?.isFile() && process.getuid?.() === 0) {
        await handle.chown(current.uid, current.gid).catch(() => undefined)
      }
      await handle.writeFile(bytes)
      if (fsync) await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(tempPath, path)
    renamed = true
    if (fsync) await syncDir(dir)
    return true
  } catch (e) {
    if (tempPath !== undefined && !renamed) {
      await unlink(tempPath).catch(() => undefined)
    }
    throw ioError('Failed to write file atomically', path, e)
  }
}

/** Reads the file at `path` as UTF-8, or returns `null` when it does not exist. */
export async function readFileIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
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
