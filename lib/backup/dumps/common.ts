/// <reference types="node" />
import { readdir, stat } from 'node:fs/promises'
import { posix } from 'node:path'
import { invalidConfig } from '../problems'
import type { LazyPassword } from '../types'

/** Where dump helpers mount the backup target inside their subcontainer. */
export const BACKUP_TARGET = '/backup-target'

/** The password text, calling a lazy password only now; `null` when there is none. */
export async function resolvePassword(
  where: string,
  password: LazyPassword,
): Promise<string | null> {
  const value = typeof password === 'function' ? await password() : password
  if (value !== null && typeof value !== 'string') {
    throw invalidConfig(
      where,
      'password',
      'a string, a function returning one, or null',
      value,
      'return the password text',
    )
  }
  return value
}

/** Field checks shared by both dump configurations; throws `BACKUP_INVALID` naming the field. */
export function checkDumpConfig(
  where: string,
  config: Record<string, unknown>,
  paths: readonly string[],
): void {
  const text = (field: string, hint: string): void => {
    const v = config[field]
    if (typeof v !== 'string' || v === '')
      throw invalidConfig(where, field, 'a non-empty string', v, hint)
  }
  text('imageId', 'use an image id from the manifest')
  text('dbVolume', 'use a volume id from the manifest')
  text('user', 'name the database user')
  text('database', 'name the database to back up')
  const db = config.database as string
  if (/[/\\\0]/.test(db) || db === '.' || db === '..') {
    throw invalidConfig(
      where,
      'database',
      'a name without "/", "\\" or NUL',
      db,
      'the dump file is named after it',
    )
  }
  for (const field of paths) {
    const v = config[field]
    if (
      typeof v !== 'string' ||
      !v.startsWith('/') ||
      v.split('/').includes('..')
    ) {
      throw invalidConfig(
        where,
        field,
        'an absolute path without ".."',
        v,
        'give the path inside the image, such as "/var/lib/mysql"',
      )
    }
  }
  const p = config.password
  if (p !== null && typeof p !== 'string' && typeof p !== 'function') {
    throw invalidConfig(
      where,
      'password',
      'a string, a function returning one, or null',
      p,
      'use null for trust authentication',
    )
  }
  const t = config.readyTimeout
  if (
    t !== undefined &&
    !(typeof t === 'number' && Number.isSafeInteger(t) && t > 0)
  ) {
    throw invalidConfig(
      where,
      'readyTimeout',
      'a whole number of milliseconds > 0',
      t,
      'leave it out for the default',
    )
  }
}

/** Checks an optional list of strings. */
export function checkStrings(
  where: string,
  field: string,
  value: unknown,
): void {
  if (value === undefined) return
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw invalidConfig(
      where,
      field,
      'an array of strings',
      value,
      'pass one argument per entry',
    )
  }
}

/** Whether a folder on this machine exists and holds anything. */
export async function nonEmptyDir(path: string): Promise<boolean> {
  try {
    if (!(await stat(path)).isDirectory()) return true
    return (await readdir(path)).length > 0
  } catch {
    return false
  }
}

/** `child` (a container path) below `parent`, normalized. */
export function under(parent: string, child: string): string {
  return posix.join(parent, posix.resolve('/', child))
}

/** A single-quoted SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}

/** A double-quoted SQL identifier (PostgreSQL). */
export function pgIdent(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}

/** A backquoted SQL identifier (MySQL/MariaDB). */
export function myIdent(text: string): string {
  return `\`${text.replace(/`/g, '``')}\``
}

/** A single-quoted MySQL/MariaDB string literal (backslashes escaped too). */
export function myString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`
}
