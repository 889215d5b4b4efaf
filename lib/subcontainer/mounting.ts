/// <reference types="node" />
import { mkdir, open, stat } from 'node:fs/promises'
import { dirname, join, posix } from 'node:path'
import { mountDependency } from '../dependencies'
import { startosPaths } from '../paths'
import type { BindMount } from './cli'
import { bindMountArgs } from './cli'
import type { Core } from './core'
import { assertUsable, track, who } from './core'
import type { MountArray, MountOptions } from './mountTypes'
import { failedError } from './problems'
import { spawnGroup } from './processes'

/** `path` inside `base`, with `..` unable to climb out of it. */
export function inside(base: string, path: string | null): string {
  return path === null || path === ''
    ? base
    : join(base, posix.resolve('/', path))
}

/** Runs `start-container bind-mount …` in the subcontainer's name and waits for it. */
export async function bind(core: Core, mount: BindMount): Promise<void> {
  assertUsable(core, `bind ${mount.source}`)
  const child = track(
    core,
    spawnGroup(bindMountArgs(mount), ['ignore', 'ignore', 'pipe']),
  )
  let stderr = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (text: string) => (stderr += text))
  const code = await new Promise<number | string>((resolve) => {
    child.once('error', (error) => resolve(error.message))
    child.once('close', (exit, signal) => resolve(exit ?? String(signal)))
  })
  if (code !== 0) {
    const reason =
      typeof code === 'number'
        ? `start-container exited with code ${code}${stderr.trim() === '' ? '' : `: ${stderr.trim()}`}`
        : code
    throw failedError(
      who(core),
      `bind ${mount.source} at ${mount.target}`,
      new Error(reason),
      'check that the source exists and start-container is on PATH',
    )
  }
}

/** Whether the mount is a file: as declared, or (for `infer`) as the source is. */
async function isFile(
  filetype: 'file' | 'directory' | 'infer',
  source: string,
): Promise<boolean> {
  if (filetype !== 'infer') return filetype === 'file'
  return (await stat(source)).isFile()
}

/** Makes the mountpoint exist as what will be bound there. */
async function prepareTarget(target: string, file: boolean): Promise<void> {
  if (!file) {
    await mkdir(target, { recursive: true })
    return
  }
  await mkdir(dirname(target), { recursive: true })
  await (await open(target, 'a')).close()
}

/** Mounts one entry of a built {@link MountArray} at `target`. */
async function mountOne(
  core: Core,
  options: MountOptions,
  target: string,
): Promise<void> {
  const paths = startosPaths()
  if (options.type === 'pointer') {
    await mkdir(target, { recursive: true })
    assertUsable(core, `mount ${options.packageId}'s volume`)
    await mountDependency(core.effects, {
      dependencyId: options.packageId,
      volumeId: options.volumeId,
      subpath: options.subpath,
      readonly: options.readonly,
      idmap: options.idmap,
      location: target,
    })
    return
  }
  const source =
    options.type === 'volume'
      ? inside(paths.volume(options.volumeId), options.subpath)
      : inside(paths.assets, options.subpath)
  if (options.type === 'volume' && options.filetype === 'directory') {
    await mkdir(source, { recursive: true })
  }
  const file = await isFile(options.filetype, source)
  await prepareTarget(target, file)
  await bind(core, { source, target, file, idmap: options.idmap })
}

/** Applies built mounts, parents before the mounts nested inside them. */
export async function applyMounts(
  core: Core,
  rootfs: string,
  mounts: MountArray,
): Promise<void> {
  const depth = (mountpoint: string): number =>
    posix.resolve('/', mountpoint).split('/').length
  const ordered = [...mounts].sort(
    (a, b) => depth(a.mountpoint) - depth(b.mountpoint),
  )
  for (const { mountpoint, options } of ordered) {
    await mountOne(core, options, inside(rootfs, mountpoint))
  }
}
