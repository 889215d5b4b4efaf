/// <reference types="node" />
import type { ArrayBufferReader } from './ArrayBufferReader'
import { sameBytes, sectionBounds } from './blob'
import { s9pkCrypto } from './crypto'
import { badArchive } from './problems'

/** A file's bytes inside the archive: a lazy slice, checked against its hash when read. */
export class FileContents {
  /** The file's bytes, not yet verified. */
  readonly contents: Blob

  /** Not for callers: instances come from {@link FileContents.deserialize}, which checks them. */
  constructor(contents: Blob) {
    this.contents = contents
  }

  /** Reads a file entry's position from `header`; `size` comes from the entry. */
  static deserialize(
    source: Blob,
    header: ArrayBufferReader,
    size: bigint,
  ): FileContents {
    const position = header.nextU64()
    const [start, end] = sectionBounds(source, position, size, 'file contents')
    return new FileContents(source.slice(start, end))
  }

  /** The file's bytes, after checking that their BLAKE3 hash is `hash`. */
  async verified(hash: Uint8Array): Promise<ArrayBuffer> {
    const bytes = await this.contents.arrayBuffer()
    if (!sameBytes(s9pkCrypto().blake3(new Uint8Array(bytes)), hash)) {
      throw badArchive(
        'file contents',
        'the BLAKE3 hash of the bytes does not match the hash in the table of contents (tampered or corrupt)',
      )
    }
    return bytes
  }
}
