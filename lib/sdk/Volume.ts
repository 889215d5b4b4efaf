/// <reference types="node" />
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, posix } from 'node:path'
import { SdkError } from '../errors'
import type { PathBase } from '../file'
import { startosPaths } from '../paths'
import type { SDKManifest } from '../types'

/**
 * One of the service's volumes: a folder under `/media/startos/volumes` that survives
 * restarts and updates and is what backups copy. `subpath` never leaves the volume.
 *
 * @example
 * ```ts
 * await sdk.volumes.main.writeFile('config/app.json', JSON.stringify(config))
 * const text = await sdk.volumes.main.readFile('config/app.json', 'utf8')
 * ```
 */
export class Volume<Id extends string = string> implements PathBase {
  /** The volume id from the manifest. */
  readonly id: Id
  /** The volume's absolute folder. */
  readonly path: string

  constructor(id: Id) {
    this.id = id
    this.path = startosPaths().volume(id)
  }

  /** The absolute path of `subpath` inside the volume (`..` cannot climb out of it). */
  subpath(subpath: string): string {
    const inside = posix.normalize(subpath.replace(/^\/+/, ''))
    if (inside === '..' || inside.startsWith('../')) {
      throw new SdkError(
        'FILE_IO',
        `Volume "${this.id}": the path ${JSON.stringify(subpath)} leaves the volume; use a path inside it`,
      )
    }
    return inside === '.' ? this.path : `${this.path}/${inside}`
  }

  /** Reads a file of the volume (a string when an encoding is given, else a Buffer). */
  readFile(
    subpath: string,
    options?: Parameters<typeof readFile>[1],
  ): Promise<Buffer | string> {
    return readFile(this.subpath(subpath), options)
  }

  /** Writes a file of the volume, creating its missing folders first. */
  async writeFile(
    subpath: string,
    data:
      | string
      | NodeJS.ArrayBufferView
      | Iterable<string | NodeJS.ArrayBufferView>
      | AsyncIterable<string | NodeJS.ArrayBufferView>,
    options?: Parameters<typeof writeFile>[2],
  ): Promise<void> {
    const path = this.subpath(subpath)
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, data, options)
  }
}

/** A {@link Volume} for each volume id of the manifest. */
export type Volumes<Manifest extends SDKManifest> = {
  [K in Manifest['volumes'][number]]: Volume<K>
}

/** Builds `sdk.volumes`: one {@link Volume} per id in `manifest.volumes`. */
export function createVolumes<Manifest extends SDKManifest>(
  manifest: Manifest,
): Volumes<Manifest> {
  const volumes: Record<string, Volume> = {}
  for (const id of manifest.volumes) volumes[id] = new Volume(id)
  return volumes as Volumes<Manifest>
}
