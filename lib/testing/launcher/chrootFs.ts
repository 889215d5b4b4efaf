/**
 * Path and user handling for the `chroot` isolation, done from the host through
 * `/proc/<holder>/root` (the namespace's view, mounts included): symlinks are followed as the
 * container would follow them, so no path can climb out of the root filesystem, and nothing
 * is ever deleted.
 */
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readlinkSync,
} from 'node:fs'
import type { Stats } from 'node:fs'
import { posix } from 'node:path'

/** How many symlinks one lookup may follow, as Linux allows. */
const MAX_LINKS = 40

/** Where a container path lands: the namespace path, what exists, and what is missing. */
export interface Resolved {
  /** The path in the namespace (`<rootfs>/…`) with every existing symlink resolved. */
  path: string
  /** The trailing components that do not exist yet (empty when the path exists). */
  missing: string[]
  /** What is at `path` when it exists. */
  stats: Stats | null
}

/** The components of a path, without empty and `.` ones. */
function parts(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.')
}

/**
 * Resolves container path `path` in the subcontainer whose root is `rootfs`, looking through
 * `view` (`/proc/<pid>/root`, or `''` for this process's own namespace). Symlinks inside the
 * root filesystem are followed relative to it, and `..` stops at its top.
 */
export function resolveInside(
  view: string,
  rootfs: string,
  path: string,
): Resolved {
  let todo = parts(posix.resolve('/', path))
  let done: string[] = []
  let links = 0
  while (todo.length > 0) {
    const part = todo[0]
    if (part === '..') {
      done.pop()
      todo = todo.slice(1)
      continue
    }
    const here = `${rootfs}/${[...done, part].join('/')}`
    let stats: Stats
    try {
      stats = lstatSync(view + here)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      if (todo.includes('..')) {
        throw new Error(
          `${path} goes through ".." below the missing ${here}; create it first`,
        )
      }
      return { path: here, missing: todo, stats: null }
    }
    if (stats.isSymbolicLink()) {
      if (++links > MAX_LINKS) {
        throw new Error(`too many symbolic links while resolving ${path}`)
      }
      const link = readlinkSync(view + here)
      if (link.startsWith('/')) done = []
      todo = [...parts(link), ...todo.slice(1)]
      continue
    }
    done.push(part)
    todo = todo.slice(1)
  }
  const full = done.length === 0 ? rootfs : `${rootfs}/${done.join('/')}`
  return { path: full, missing: [], stats: lstatSync(view + full) }
}

/**
 * Makes container path `path` exist as a directory (or, with `file`, an empty file whose
 * folders exist); resolves its namespace path. Refuses when something of the other kind is
 * there already: it is never replaced.
 */
export function ensureInside(
  view: string,
  rootfs: string,
  path: string,
  file: boolean,
): string {
  const found = resolveInside(view, rootfs, path)
  if (found.stats !== null) {
    if (file && found.stats.isDirectory()) {
      throw new Error(
        `${path} is a directory in the subcontainer, but a file is being bound there; bind a file onto a file, or pass no --file`,
      )
    }
    if (!file && !found.stats.isDirectory()) {
      throw new Error(
        `${path} exists in the subcontainer and is not a directory; bind a directory onto a directory (or pass --file)`,
      )
    }
    return found.path
  }
  let here = found.path.slice(0, found.path.lastIndexOf('/'))
  found.missing.forEach((part, i) => {
    here = `${here}/${part}`
    if (file && i === found.missing.length - 1) {
      closeSync(openSync(view + here, 'a', 0o644))
    } else {
      mkdirSync(view + here, { mode: 0o755 })
    }
  })
  return here
}

/** The ids and home a `--user` value runs as. */
export interface RunAs {
  uid: number
  gid: number
  home: string
  /** The user name, `null` for a uid the passwd file does not list. */
  name: string | null
}

/** `name:…:uid:gid:…:home:…` lines of a passwd or group file. */
function table(path: string): string[][] {
  try {
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => line.split(':'))
  } catch {
    return []
  }
}

/**
 * Looks up `user` (`name`, `uid`, `name:group` or `uid:gid`) in the container's
 * `/etc/passwd` and `/etc/group`, read at `etc` (the namespace view of its `/etc`).
 */
export function lookupUser(etc: string, user: string): RunAs {
  const [who, group] = user.split(':', 2)
  const passwd = table(`${etc}/passwd`)
  const entry = passwd.find((row) =>
    /^\d+$/.test(who) ? row[2] === who : row[0] === who,
  )
  if (entry === undefined && !/^\d+$/.test(who)) {
    throw new Error(
      `user ${JSON.stringify(who)} is not in the subcontainer's /etc/passwd; pass an existing user name or a numeric uid`,
    )
  }
  const uid = Number(entry?.[2] ?? who)
  let gid = Number(entry?.[3] ?? who)
  if (group !== undefined && group !== '') {
    const row = table(`${etc}/group`).find((r) =>
      /^\d+$/.test(group) ? r[2] === group : r[0] === group,
    )
    if (row === undefined && !/^\d+$/.test(group)) {
      throw new Error(
        `group ${JSON.stringify(group)} is not in the subcontainer's /etc/group; pass an existing group name or a numeric gid`,
      )
    }
    gid = Number(row?.[2] ?? group)
  }
  return {
    uid,
    gid,
    home: entry?.[5] || '/',
    name: entry?.[0] ?? null,
  }
}
