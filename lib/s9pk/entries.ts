/// <reference types="node" />
import { ArrayBufferReader } from './ArrayBufferReader'
import { readSection, sameBytes } from './blob'
import { s9pkCrypto } from './crypto'
import { FileContents } from './FileContents'
import { badArchive } from './problems'
import { serializeVarint } from './varint'

/** What an entry holds: nothing (left out of this archive), a file, or a directory. */
export type EntryContents = null | FileContents | DirectoryContents

/** Most entries one archive may list in all its directories together. */
const MAX_ENTRIES = 1_000_000
const entryBudget = new WeakMap<Blob, { left: number }>()

function spendEntries(source: Blob, count: number): void {
  let budget = entryBudget.get(source)
  if (budget === undefined) {
    budget = { left: MAX_ENTRIES }
    entryBudget.set(source, budget)
  }
  budget.left -= count
  if (budget.left < 0) {
    throw badArchive(
      'table of contents',
      `more than ${MAX_ENTRIES} entries in all directories`,
    )
  }
}

/** One named entry of a directory: its hash, its size and what it holds. */
export class Entry {
  /** BLAKE3 of a file's bytes, or a directory's sighash. */
  readonly hash: Uint8Array
  /** A file's size, or the most bytes a directory's table of contents may take. */
  readonly size: bigint
  /** The file, directory, or `null` when the archive leaves it out. */
  readonly contents: EntryContents

  /** Not for callers: instances come from {@link Entry.deserialize}, which checks them. */
  constructor(hash: Uint8Array, size: bigint, contents: EntryContents) {
    this.hash = hash
    this.size = size
    this.contents = contents
  }

  /** Reads one entry header (hash, size, type and its contents' header) from `header`. */
  static async deserialize(
    source: Blob,
    header: ArrayBufferReader,
  ): Promise<Entry> {
    const hash = new Uint8Array(header.next(32))
    const size = header.nextU64()
    const type = new Uint8Array(header.next(1))[0]
    switch (type) {
      case 0:
        return new Entry(hash, size, null)
      case 1:
        return new Entry(
          hash,
          size,
          FileContents.deserialize(source, header, size),
        )
      case 2:
        return new Entry(
          hash,
          size,
          await DirectoryContents.deserialize(source, header, hash, size),
        )
      default:
        throw badArchive(
          'table of contents',
          `unknown entry type ${String(type)} (expected 0 missing, 1 file or 2 directory)`,
        )
    }
  }

  /** A file entry's bytes, verified against its hash; throws for a directory or a missing entry. */
  async verifiedFileContents(): Promise<ArrayBuffer> {
    if (!(this.contents instanceof FileContents)) {
      throw badArchive(
        'entry',
        this.contents === null
          ? 'the entry is missing from this archive, so it has no contents'
          : 'the entry is a directory, not a file',
      )
    }
    return this.contents.verified(this.hash)
  }
}

const utf8 = new TextEncoder()

function compareNames(a: string, b: string): number {
  const x = utf8.encode(a)
  const y = utf8.encode(b)
  const n = Math.min(x.length, y.length)
  for (let i = 0; i < n; i++) {
    const d = (x[i] as number) - (y[i] as number)
    if (d !== 0) return d
  }
  return x.length - y.length
}

function u64(n: bigint): Uint8Array {
  const out = new Uint8Array(8)
  new DataView(out.buffer).setBigUint64(0, n, false)
  return out
}

/**
 * The signed form of a table of contents: entry count, then each entry (names in byte
 * order) as name, hash, size and the "missing" type, without positions.
 */
function sighashOf(entries: ReadonlyArray<[string, Entry]>): Uint8Array {
  const parts: Uint8Array[] = [new Uint8Array(serializeVarint(entries.length))]
  for (const [name, entry] of [...entries].sort(([a], [b]) =>
    compareNames(a, b),
  )) {
    const nameBytes = utf8.encode(name)
    parts.push(new Uint8Array(serializeVarint(nameBytes.length)), nameBytes)
    parts.push(entry.hash, u64(entry.size), new Uint8Array([0]))
  }
  return s9pkCrypto().blake3(concat(parts))
}

function concat(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    all.set(p, at)
    at += p.length
  }
  return all
}

/** A directory: its entries by name. */
export class DirectoryContents {
  /** The entries, by name (a null-prototype object). */
  readonly contents: { [name: string]: Entry }
  /** Bytes of a directory's header: position and size, u64 big-endian each. */
  static readonly headerSize: number = 16

  /** Not for callers: instances come from {@link DirectoryContents.deserialize}, which checks them. */
  constructor(contents: { [name: string]: Entry }) {
    this.contents = contents
  }

  /**
   * Reads a directory's position and size from `header`, then its table of contents,
   * which must be at most `maxSize` bytes and hash to `sighash`.
   */
  static async deserialize(
    source: Blob,
    header: ArrayBufferReader,
    sighash: Uint8Array,
    maxSize: bigint,
  ): Promise<DirectoryContents> {
    const position = header.nextU64()
    const size = header.nextU64()
    if (size > maxSize) {
      throw badArchive(
        'table of contents',
        `its size ${size} is more than the signed maximum ${maxSize}`,
      )
    }
    const toc = new ArrayBufferReader(
      await readSection(source, position, size, 'table of contents'),
    )
    const count = toc.nextVarint()
    // every entry takes at least 42 bytes, so a count the table cannot hold is refused early
    if (count * 42 > Number(size)) {
      throw badArchive(
        'table of contents',
        `it claims ${count} entries, more than its ${size} bytes can hold`,
      )
    }
    spendEntries(source, count)
    // first the headers alone, so the hash is checked before any subdirectory is read
    const headers: [string, Entry, Uint8Array][] = []
    const seen = new Set<string>()
    for (let i = 0; i < count; i++) {
      const name = toc.nextVarstring()
      if (seen.has(name)) {
        throw badArchive(
          'table of contents',
          `the name "${name}" appears twice`,
        )
      }
      seen.add(name)
      const hash = new Uint8Array(toc.next(32))
      const sizeBytes = new Uint8Array(toc.next(8))
      const type = new Uint8Array(toc.next(1))
      const rest = new Uint8Array(
        toc.next(type[0] === 1 ? 8 : type[0] === 2 ? 16 : 0),
      )
      const entrySize = new DataView(sizeBytes.buffer).getBigUint64(0, false)
      headers.push([
        name,
        new Entry(hash, entrySize, null),
        concat([hash, sizeBytes, type, rest]),
      ])
    }
    if (!sameBytes(sighashOf(headers.map(([n, e]) => [n, e])), sighash)) {
      throw badArchive(
        'table of contents',
        'its hash does not match the signed hash (tampered or corrupt)',
      )
    }
    const entries: [string, Entry][] = []
    for (const [name, , bytes] of headers) {
      entries.push([
        name,
        await Entry.deserialize(
          source,
          new ArrayBufferReader(bytes.buffer as ArrayBuffer),
        ),
      ])
    }
    entries.sort(([a], [b]) => compareNames(a, b))
    const contents = Object.create(null) as { [name: string]: Entry }
    for (const [name, entry] of entries) contents[name] = entry
    return new DirectoryContents(contents)
  }

  /** This directory's sighash: BLAKE3 of its table of contents with every entry marked missing. */
  sighash(): Uint8Array {
    return sighashOf(Object.entries(this.contents))
  }

  /** The entry at `path` (one name per segment), or `null` when there is none. */
  getPath(path: string[]): Entry | null {
    let dir: DirectoryContents | null = this
    let found: Entry | null = null
    for (const segment of path) {
      if (dir === null) return null
      const entry: Entry | undefined = Object.hasOwn(dir.contents, segment)
        ? dir.contents[segment]
        : undefined
      if (entry === undefined) return null
      found = entry
      dir = entry.contents instanceof DirectoryContents ? entry.contents : null
    }
    return found
  }
}
