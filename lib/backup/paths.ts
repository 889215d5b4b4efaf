/// <reference types="node" />
import { posix } from 'node:path'
import { startosPaths } from '../paths'
import { invalidConfig } from './problems'

const VOLUMES = '/media/startos/volumes/'
const BACKUP = '/media/startos/backup/'

/** A volume id as StartOS allows it: a plain folder name. */
function plainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name)
}

/** Whether `path` is absolute, has no `.`/`..` segments, no NUL and no doubled slashes. */
function tidy(path: string): boolean {
  if (!path.startsWith('/') || path.includes('\0')) return false
  const body = path.endsWith('/') ? path.slice(0, -1) : path
  return posix.normalize(body) === body
}

/** The volume id `dataPath` names; throws `BACKUP_INVALID` when it is not a path in a volume. */
export function checkDataPath(
  where: string,
  field: string,
  path: unknown,
): string {
  const ok =
    typeof path === 'string' &&
    tidy(path) &&
    path.startsWith(VOLUMES) &&
    plainName(path.slice(VOLUMES.length).split('/')[0]!) &&
    path.slice(VOLUMES.length).includes('/')
  if (!ok) {
    throw invalidConfig(
      where,
      field,
      'a path inside a volume, such as "/media/startos/volumes/main/"',
      path,
      'start it with /media/startos/volumes/<volume id>/ and leave out "." and ".." segments',
    )
  }
  return (path as string).slice(VOLUMES.length).split('/')[0]!
}

/** Throws `BACKUP_INVALID` unless `path` lies in the backup target. */
export function checkBackupPath(
  where: string,
  field: string,
  path: unknown,
): void {
  if (typeof path === 'string' && tidy(path) && path.startsWith(BACKUP)) return
  throw invalidConfig(
    where,
    field,
    'a path inside the backup target, such as "/media/startos/backup/volumes/main/"',
    path,
    'start it with /media/startos/backup/ and leave out "." and ".." segments',
  )
}

/** Whether one of two backup paths contains the other (or they are the same folder). */
export function overlapping(a: string, b: string): boolean {
  const da = a.endsWith('/') ? a : `${a}/`
  const db = b.endsWith('/') ? b : `${b}/`
  return da.startsWith(db) || db.startsWith(da)
}

/**
 * Where a container path (`/media/startos/…`, already checked) is on this machine: itself in
 * a real container, below `$STARTOS_ROOT` under the simulator. A trailing slash is kept,
 * since rsync reads it as "the folder's contents".
 */
export function hostPath(containerPath: string): string {
  const mapped = posix.join(
    startosPaths().root,
    containerPath.slice(1) === '' ? '.' : containerPath.slice(1),
  )
  return containerPath.endsWith('/') && !mapped.endsWith('/')
    ? `${mapped}/`
    : mapped
}

/** The backup target on this machine, with `rest` (relative) below it. */
export function backupFile(rest: string): string {
  return posix.join(startosPaths().backup, rest)
}
