/// <reference types="node" />
import { SdkError } from '../errors'

/** The two primitives an archive needs, as plain functions (no library types leak). */
export type S9pkCrypto = {
  /** BLAKE3-256 of `data`. */
  blake3(data: Uint8Array): Uint8Array
  /** Strict Ed25519ph verification of `signature` over `message` with a context string. */
  verifyEd25519ph(
    signature: Uint8Array,
    message: Uint8Array,
    pubkey: Uint8Array,
    context: string,
  ): boolean
}

type Blake3Module = { blake3: (data: Uint8Array) => Uint8Array }
type Ed25519Module = {
  ed25519ph: {
    verify: (
      signature: Uint8Array,
      message: Uint8Array,
      pubkey: Uint8Array,
      options: { context: Uint8Array; zip215: boolean },
    ) => boolean
  }
}

let loaded: S9pkCrypto | undefined

/**
 * Loads `@noble/hashes` and `@noble/curves` (optional peer dependencies) on first use, so
 * importing the SDK never needs them; only reading an `.s9pk` does.
 */
export function s9pkCrypto(): S9pkCrypto {
  if (loaded !== undefined) return loaded
  let hashes: Blake3Module
  let curves: Ed25519Module
  try {
    hashes = require('@noble/hashes/blake3') as Blake3Module
    curves = require('@noble/curves/ed25519') as Ed25519Module
  } catch (cause) {
    throw new SdkError(
      'FILE_PARSE',
      'reading .s9pk files needs @noble/hashes and @noble/curves: npm install @noble/hashes @noble/curves',
      { cause },
    )
  }
  const encoder = new TextEncoder()
  loaded = {
    blake3: (data) => hashes.blake3(data),
    verifyEd25519ph: (signature, message, pubkey, context) => {
      try {
        return curves.ed25519ph.verify(signature, message, pubkey, {
          context: encoder.encode(context),
          zip215: false,
        })
      } catch {
        return false
      }
    },
  }
  return loaded
}
