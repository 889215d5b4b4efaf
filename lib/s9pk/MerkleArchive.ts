/// <reference types="node" />
import type { ArrayBufferReader } from './ArrayBufferReader'
import { fromBase64, sameBytes } from './blob'
import { s9pkCrypto } from './crypto'
import { DirectoryContents } from './entries'
import { badArchive } from './problems'

/** What the archive's signer vouches for: the key, the signature and the signed root size. */
export type Signer = {
  pubkey: Uint8Array
  signature: Uint8Array
  maxSize: bigint
  context: string
}

/** The commitment a registry publishes for an archive: root sighash (base64) and maximum size. */
export type MerkleArchiveCommitment = {
  rootSighash: string
  rootMaxsize: number
}

/** Most bytes the root table of contents may take when no commitment bounds it. */
const UNCOMMITTED_ROOT_LIMIT = 1024n * 1024n

function u64(n: bigint): Uint8Array {
  const out = new Uint8Array(8)
  new DataView(out.buffer).setBigUint64(0, n, false)
  return out
}

function decodeBase64(text: string, field: string): Uint8Array {
  const bytes = typeof text === 'string' ? fromBase64(text) : null
  if (bytes === null) throw badArchive('commitment', `${field} is not base64`)
  return bytes
}

/**
 * A signed tree of files: the signer's Ed25519ph signature covers the root directory's
 * sighash and maximum size, each directory's sighash covers its entries' hashes, and each
 * file's BLAKE3 hash covers its bytes.
 */
export class MerkleArchive {
  /** Who signed the archive, and what. */
  readonly signer: Signer
  /** The root directory. */
  readonly contents: DirectoryContents
  /** Bytes of the archive header: key, signature, sighash, max size, root position and size. */
  static readonly headerSize: number =
    32 + 64 + 32 + 8 + DirectoryContents.headerSize

  /** Not for callers: instances come from {@link MerkleArchive.deserialize}, which checks them. */
  constructor(signer: Signer, contents: DirectoryContents) {
    this.signer = signer
    this.contents = contents
  }

  /**
   * Reads the header from `header`, checks the signature (with `context`) and, when given,
   * the `commitment`, then reads the whole directory tree from `source`.
   */
  static async deserialize(
    source: Blob,
    context: string,
    header: ArrayBufferReader,
    commitment: MerkleArchiveCommitment | null,
  ): Promise<MerkleArchive> {
    const pubkey = new Uint8Array(header.next(32))
    const signature = new Uint8Array(header.next(64))
    const sighash = new Uint8Array(header.next(32))
    const maxSize = header.nextU64()
    const crypto = s9pkCrypto()
    const signed = new Uint8Array(40)
    signed.set(sighash, 0)
    signed.set(u64(maxSize), 32)
    if (!crypto.verifyEd25519ph(signature, signed, pubkey, context)) {
      throw badArchive(
        'signature',
        'the Ed25519 signature does not match the root hash and key (tampered or corrupt)',
      )
    }
    if (commitment !== null) {
      const expected = decodeBase64(
        commitment.rootSighash,
        'commitment.rootSighash',
      )
      if (!sameBytes(expected, sighash)) {
        throw badArchive(
          'commitment',
          'the root hash differs from commitment.rootSighash (not the committed archive)',
        )
      }
      if (maxSize > BigInt(commitment.rootMaxsize)) {
        throw badArchive(
          'commitment',
          `the root size ${maxSize} is more than commitment.rootMaxsize ${commitment.rootMaxsize}`,
        )
      }
    } else if (maxSize > UNCOMMITTED_ROOT_LIMIT) {
      throw badArchive(
        'header',
        `the root table of contents may take ${maxSize} bytes, over the 1 MiB allowed without a commitment; pass the registry's commitment`,
      )
    }
    const contents = await DirectoryContents.deserialize(
      source,
      header,
      sighash,
      maxSize,
    )
    return new MerkleArchive({ pubkey, signature, maxSize, context }, contents)
  }
}
