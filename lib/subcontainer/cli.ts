/// <reference types="node" />
import { readFile } from 'node:fs/promises'
import { startosPaths } from '../paths'
import type { IdMap } from './mountTypes'
import { invalidArgument } from './problems'
import type { CommandOptions } from './types'

/** The program StartOS puts on the container's `PATH` to enter and set up subcontainers. */
export const START_CONTAINER = 'start-container'

/** How an image runs commands by default, from `/media/startos/images/<id>.json`. */
export interface ImageDefaults {
  /** `/media/startos/images/<id>.env`, the image's environment. */
  envFile: string
  user: string
  workdir: string
}

/** Reads the image's default user and working directory (`root` and `/` when not given). */
export async function imageDefaults(imageId: string): Promise<ImageDefaults> {
  const base = startosPaths().image(imageId)
  let meta: { user?: unknown; workdir?: unknown } = {}
  try {
    meta = JSON.parse(await readFile(`${base}.json`, 'utf8')) as typeof meta
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const text = (value: unknown, fallback: string): string =>
    typeof value === 'string' && value !== '' ? value : fallback
  return {
    envFile: `${base}.env`,
    user: text(meta?.user, 'root'),
    workdir: text(meta?.workdir, '/'),
  }
}

/**
 * `subcontainer exec|launch --env-file=… --user=… --workdir=… [--env=K=V]… <rootfs> cmd…`:
 * the image's environment, the caller's user, directory and variables, then the command.
 */
export function runArgs(
  mode: 'exec' | 'launch',
  rootfs: string,
  image: ImageDefaults,
  command: readonly string[],
  options: CommandOptions = {},
): string[] {
  const where = `SubContainer.${mode === 'exec' ? 'exec' : 'launch'}`
  if (
    !Array.isArray(command) ||
    command.length === 0 ||
    command.some((arg) => typeof arg !== 'string')
  ) {
    throw invalidArgument(
      where,
      'command',
      'a non-empty array of strings',
      command,
      'pass the program and its arguments, such as ["ls", "-l"]',
    )
  }
  const env: string[] = []
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) continue
    if (key === '' || key.includes('=') || key.includes('\0')) {
      throw invalidArgument(
        where,
        'env',
        'a map of variable names without "=" to strings',
        key,
        'rename the variable',
      )
    }
    env.push(`--env=${key}=${value}`)
  }
  return [
    'subcontainer',
    mode,
    `--env-file=${image.envFile}`,
    `--user=${options.user ?? image.user}`,
    `--workdir=${options.cwd ?? image.workdir}`,
    ...env,
    rootfs,
    ...command,
  ]
}

/** The bare leader: `subcontainer launch <rootfs>`, the subcontainer's init process. */
export function leaderArgs(rootfs: string): string[] {
  return ['subcontainer', 'launch', rootfs]
}

/** What {@link bindMountArgs} binds. */
export interface BindMount {
  source: string
  target: string
  /** Bind a file rather than a directory. */
  file: boolean
  idmap: readonly IdMap[]
}

/** `bind-mount --source S --target T --recursive [--file] [--idmap from:to:range]…`. */
export function bindMountArgs(bind: BindMount): string[] {
  return [
    'bind-mount',
    '--source',
    bind.source,
    '--target',
    bind.target,
    '--recursive',
    ...(bind.file ? ['--file'] : []),
    ...bind.idmap.flatMap((m) => [
      '--idmap',
      `${m.fromId}:${m.toId}:${m.range}`,
    ]),
  ]
}
