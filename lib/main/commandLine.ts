import { readFile } from 'node:fs/promises'
import { SdkError } from '../errors'
import { startosPaths } from '../paths'
import { isUseEntrypoint } from '../types'
import type { CommandType } from '../types'

/** Milliseconds a stopped command gets between SIGTERM and SIGKILL unless it sets its own. */
export const DEFAULT_SIGTERM_TIMEOUT = 60_000

/** Checks an option that is a duration in milliseconds; `field` names it in the error. */
export function checkMs(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new SdkError(
      'DAEMON_INVALID',
      `${field} must be a finite number of milliseconds >= 0, got ${String(value)}; pass e.g. 30000 for 30 seconds`,
      { details: { field, value } },
    )
  }
  return value
}

/** Reads a string list field of the image's metadata, `null` when absent. */
function listField(meta: unknown, key: string, file: string): string[] | null {
  const value = (meta as Record<string, unknown> | null)?.[key]
  if (value === null || value === undefined) return null
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value as string[]
  }
  throw new SdkError(
    'DAEMON_INVALID',
    `${file}: \`${key}\` must be a list of strings or null; rebuild the image metadata`,
    { details: { file, key, value } },
  )
}

/** The image's `entrypoint` followed by `overrideCmd`, else its own `cmd`. */
async function entrypointOf(
  imageId: string,
  overrideCmd: string[] | undefined,
): Promise<string[]> {
  const file = `${startosPaths().image(imageId)}.json`
  let meta: unknown
  try {
    meta = JSON.parse(await readFile(file, 'utf8'))
  } catch (cause) {
    throw new SdkError(
      'DAEMON_INVALID',
      `UseEntrypoint: cannot read the entrypoint of image "${imageId}" from ${file}; build the image with its metadata or pass an explicit command`,
      { cause, details: { imageId, file } },
    )
  }
  const entrypoint = listField(meta, 'entrypoint', file) ?? []
  const cmd = overrideCmd ?? listField(meta, 'cmd', file) ?? []
  const argv = [...entrypoint, ...cmd]
  if (argv.length === 0) {
    throw new SdkError(
      'DAEMON_INVALID',
      `UseEntrypoint: image "${imageId}" has neither an entrypoint nor a cmd; pass new UseEntrypoint(['program', ...]) or an explicit command`,
      { details: { imageId, file } },
    )
  }
  return argv
}

/**
 * The argument list a daemon's `command` stands for: a string runs under `sh -c`, a list
 * as given, a `UseEntrypoint` the image's entrypoint (`imageId` is the subcontainer's image).
 */
export async function resolveCommand(
  command: CommandType,
  imageId: string,
): Promise<string[]> {
  if (typeof command === 'string') {
    if (command.trim() === '') throw emptyCommand(command)
    return ['sh', '-c', command]
  }
  if (isUseEntrypoint(command)) {
    return entrypointOf(imageId, command.overridCmd)
  }
  if (
    !Array.isArray(command) ||
    command.length === 0 ||
    !command.every((a) => typeof a === 'string') ||
    command[0] === ''
  ) {
    throw emptyCommand(command)
  }
  return [...command]
}

function emptyCommand(command: unknown): SdkError {
  return new SdkError(
    'DAEMON_INVALID',
    `exec.command must be a non-empty shell line, a non-empty list of strings or new UseEntrypoint(), got ${JSON.stringify(command)}; pass e.g. ['nginx', '-g', 'daemon off;']`,
    { details: { field: 'exec.command', value: command } },
  )
}
