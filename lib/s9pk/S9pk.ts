/// <reference types="node" />
import type { LocaleString, Manifest, PackageId } from '../types'
import { ArrayBufferReader } from './ArrayBufferReader'
import { sameBytes, toBase64 } from './blob'
import type { DirectoryContents } from './entries'
import { FileContents } from './FileContents'
import type { MerkleArchiveCommitment } from './MerkleArchive'
import { MerkleArchive } from './MerkleArchive'
import { imageMime } from './mime'
import { badArchive } from './problems'

/** The signature context of `.s9pk` archives. */
const SIG_CONTEXT = 's9pk'
/** Magic bytes `0x3b3b`, then format version 2 as a varint. */
const MAGIC_AND_VERSION = [0x3b, 0x3b, 0x02]

/**
 * One dependency's display data as {@link S9pk.dependencyMetadata} returns it: the fields of
 * its `metadata.json` (usually `title`), then `icon`, `description` and `optional`.
 */
export type S9pkDependencyMetadata = {
  [field: string]: unknown
  title?: LocaleString
  icon: string | null
  description: LocaleString | null | undefined
  optional: boolean
}

/** Whether two byte arrays hold the same bytes. */
export function compare(a: Uint8Array, b: Uint8Array): boolean {
  return sameBytes(a, b)
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function text(bytes: ArrayBuffer, path: string): string {
  try {
    return utf8.decode(bytes)
  } catch (cause) {
    throw badArchive(path, 'the file is not valid UTF-8', { cause })
  }
}

function json(bytes: ArrayBuffer, path: string): unknown {
  const source = text(bytes, path)
  try {
    return JSON.parse(source) as unknown
  } catch (cause) {
    throw badArchive(path, `the file is not valid JSON (${String(cause)})`)
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * The first file of `dir` (names in byte order) named `icon.<…>` whose last extension is an
 * image type, as a data URL.
 */
async function iconIn(dir: DirectoryContents): Promise<string | null> {
  for (const [name, entry] of Object.entries(dir.contents)) {
    const mime = imageMime(name)
    if (!name.startsWith('icon.') || mime === null) continue
    if (!(entry.contents instanceof FileContents)) continue
    const bytes = await entry.verifiedFileContents()
    return `data:${mime};base64,${toBase64(new Uint8Array(bytes))}`
  }
  return null
}

/** A parsed, signature-checked `.s9pk` package archive. */
export class S9pk {
  /** The package manifest (`manifest.json`). */
  readonly manifest: Manifest
  /** The verified archive of the package's files. */
  readonly archive: MerkleArchive
  /** The archive's size in bytes. */
  readonly size: number

  /** Not for callers: instances come from {@link S9pk.deserialize}, which checks them. */
  constructor(manifest: Manifest, archive: MerkleArchive, size: number) {
    this.manifest = manifest
    this.archive = archive
    this.size = size
  }

  /**
   * Reads an `.s9pk` from a `Blob`: checks magic and version, the signature, the hashes of
   * every table of contents and of `manifest.json`, and, when given, the registry's
   * `commitment` (`null` limits the root table of contents to 1 MiB instead). Throws
   * `SdkError` `FILE_PARSE` naming what is wrong.
   */
  static async deserialize(
    source: Blob,
    commitment: MerkleArchiveCommitment | null,
  ): Promise<S9pk> {
    const headerLength = MAGIC_AND_VERSION.length + MerkleArchive.headerSize
    if (source.size < headerLength) {
      throw badArchive(
        'header',
        `the file has ${source.size} bytes, fewer than the ${headerLength}-byte header (truncated or not an .s9pk)`,
      )
    }
    const header = new ArrayBufferReader(
      await source.slice(0, headerLength).arrayBuffer(),
    )
    const magic = new Uint8Array(header.next(MAGIC_AND_VERSION.length))
    if (!sameBytes(magic, new Uint8Array(MAGIC_AND_VERSION))) {
      throw badArchive(
        'header',
        'the magic bytes are not 3b 3b 02 (not an .s9pk, or an older format version: repack it with a current start-cli)',
      )
    }
    const archive = await MerkleArchive.deserialize(
      source,
      SIG_CONTEXT,
      header,
      commitment,
    )
    const entry = archive.contents.getPath(['manifest.json'])
    if (entry === null) throw badArchive('manifest.json', 'the file is missing')
    const manifest = json(await entry.verifiedFileContents(), 'manifest.json')
    if (!isRecord(manifest)) {
      throw badArchive('manifest.json', 'the file is not a JSON object')
    }
    return new S9pk(manifest as Manifest, archive, source.size)
  }

  /** The package icon (the biggest `icon.<image extension>` at the root) as a data URL. */
  async icon(): Promise<string> {
    const url = await iconIn(this.archive.contents)
    if (url === null) {
      throw badArchive(
        'icon',
        'no icon.<png|jpg|svg|webp|…> file at the root of the archive',
      )
    }
    return url
  }

  /** `dependencies/<id>/metadata.json`, or `null` when the archive has none. */
  async dependencyMetadataFor(
    id: PackageId,
  ): Promise<{ title: string } | null> {
    const path = `dependencies/${id}/metadata.json`
    const entry = this.archive.contents.getPath([
      'dependencies',
      id,
      'metadata.json',
    ])
    if (entry === null) return null
    const value = json(await entry.verifiedFileContents(), path)
    if (!isRecord(value))
      throw badArchive(path, 'the file is not a JSON object')
    return value as { title: string }
  }

  /** The icon in `dependencies/<id>/` as a data URL, or `null` when there is none. */
  async dependencyIconFor(id: PackageId): Promise<string | null> {
    const dir = this.archive.contents.getPath(['dependencies', id])
    if (dir === null || dir.contents === null) return null
    if (dir.contents instanceof FileContents) return null
    return iconIn(dir.contents)
  }

  /**
   * Every dependency the manifest declares, keyed by id: the fields of its `metadata.json` in
   * the archive (usually `title`), its `icon` data URL (or `null`), and `description` and
   * `optional` from the manifest. Each value is an {@link S9pkDependencyMetadata}; typed
   * `any` as in 2.0.9.
   */
  async dependencyMetadata(): Promise<any> {
    const declared = isRecord(this.manifest.dependencies)
      ? this.manifest.dependencies
      : {}
    const out: Record<PackageId, S9pkDependencyMetadata> = {}
    for (const [id, dep] of Object.entries(declared)) {
      const meta = await this.dependencyMetadataFor(id)
      out[id] = {
        ...meta,
        icon: await this.dependencyIconFor(id),
        description: dep.description,
        optional: dep.optional,
      }
    }
    return out
  }

  /** The text of `LICENSE.md`; throws when the archive has none. */
  async license(): Promise<string> {
    const entry = this.archive.contents.getPath(['LICENSE.md'])
    if (entry === null) throw badArchive('LICENSE.md', 'the file is missing')
    return text(await entry.verifiedFileContents(), 'LICENSE.md')
  }

  /** The text of `instructions.md`, or `null` for archives made before it was required. */
  async instructions(): Promise<string | null> {
    const entry = this.archive.contents.getPath(['instructions.md'])
    if (entry === null) return null
    return text(await entry.verifiedFileContents(), 'instructions.md')
  }
}
