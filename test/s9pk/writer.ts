/*
 * A small .s9pk writer for tests only: lays out a tree of files as a signed merkle archive
 * (magic 3b 3b 02, header, tables of contents, file bodies), signed with Ed25519ph.
 */
import { blake3 } from '@noble/hashes/blake3'
import { ed25519ph } from '@noble/curves/ed25519'

/** A directory to pack: names to file bytes (or text), subdirectories, or `MISSING`. */
export type Tree = {
  [name: string]: Uint8Array | string | Tree | typeof MISSING
}

/** An entry listed as left out of the archive (type 0). */
export const MISSING: unique symbol = Symbol('missing')

/** Options that let tests build unusual, but signed, archives. */
export type WriteOptions = {
  /** The signing key (32 bytes); a fresh one when omitted. */
  secretKey?: Uint8Array
  /** The signature context; `s9pk` when omitted. */
  context?: string
  /** The signed root size; the root table's real size when omitted. */
  maxSize?: bigint
}

const enc = new TextEncoder()

function concat(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    all.set(p, at)
    at += p.length
  }
  return all
}

function varint(n: number): Uint8Array {
  const out: number[] = []
  do {
    const low = n % 128
    n = Math.floor(n / 128)
    out.push(n > 0 ? low | 0x80 : low)
  } while (n > 0)
  return new Uint8Array(out)
}

function u64(n: bigint | number): Uint8Array {
  const out = new Uint8Array(8)
  new DataView(out.buffer).setBigUint64(0, BigInt(n), false)
  return out
}

function varstring(s: string): Uint8Array {
  const b = enc.encode(s)
  return concat([varint(b.length), b])
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b))
}

type Node =
  | { kind: 'file'; bytes: Uint8Array; hash: Uint8Array }
  | { kind: 'missing'; hash: Uint8Array }
  | {
      kind: 'dir'
      names: string[]
      children: Node[]
      tocSize: number
      hash: Uint8Array
    }

function plan(tree: Tree): Node {
  const names = Object.keys(tree).sort(byteOrder)
  const children = names.map((name): Node => {
    const v = tree[name]
    if (v === MISSING)
      return { kind: 'missing', hash: blake3(enc.encode(name)) }
    if (typeof v === 'string' || v instanceof Uint8Array) {
      const bytes = typeof v === 'string' ? enc.encode(v) : v
      return { kind: 'file', bytes, hash: blake3(bytes) }
    }
    return plan(v as Tree)
  })
  const headerSize = (n: Node): number =>
    32 + 8 + 1 + (n.kind === 'file' ? 8 : n.kind === 'dir' ? 16 : 0)
  const tocSize = names.reduce(
    (acc, name, i) =>
      acc + varstring(name).length + headerSize(children[i] as Node),
    varint(names.length).length,
  )
  const signed = concat([
    varint(names.length),
    ...names.flatMap((name, i) => {
      const c = children[i] as Node
      return [varstring(name), c.hash, u64(sizeOf(c)), new Uint8Array([0])]
    }),
  ])
  return { kind: 'dir', names, children, tocSize, hash: blake3(signed) }
}

function sizeOf(n: Node): number {
  return n.kind === 'file' ? n.bytes.length : n.kind === 'dir' ? n.tocSize : 0
}

/** Lays `dir` out from `position`: its table of contents, then its children. */
function layout(dir: Node & { kind: 'dir' }, position: number): Uint8Array[] {
  let cursor = position + dir.tocSize
  const toc: Uint8Array[] = [varint(dir.names.length)]
  const bodies: Uint8Array[] = []
  dir.names.forEach((name, i) => {
    const c = dir.children[i] as Node
    toc.push(varstring(name), c.hash, u64(sizeOf(c)))
    if (c.kind === 'missing') toc.push(new Uint8Array([0]))
    else if (c.kind === 'file') {
      toc.push(new Uint8Array([1]), u64(cursor))
      bodies.push(c.bytes)
      cursor += c.bytes.length
    } else {
      toc.push(new Uint8Array([2]), u64(cursor), u64(c.tocSize))
      const chunks = layout(c, cursor)
      bodies.push(...chunks)
      cursor += chunks.reduce((n, p) => n + p.length, 0)
    }
  })
  return [concat(toc), ...bodies]
}

/** The bytes of a signed `.s9pk` holding `tree`, with its root sighash and signer key. */
export function writeS9pk(
  tree: Tree,
  options: WriteOptions = {},
): {
  bytes: Uint8Array
  rootSighash: Uint8Array
  rootMaxsize: number
  pubkey: Uint8Array
} {
  const secretKey = options.secretKey ?? ed25519ph.utils.randomPrivateKey()
  const root = plan(tree) as Node & { kind: 'dir' }
  const maxSize = options.maxSize ?? BigInt(root.tocSize)
  const pubkey = ed25519ph.getPublicKey(secretKey)
  const signature = ed25519ph.sign(
    concat([root.hash, u64(maxSize)]),
    secretKey,
    {
      context: enc.encode(options.context ?? 's9pk'),
    },
  )
  const headerLength = 3 + 32 + 64 + 32 + 8 + 16
  const bytes = concat([
    new Uint8Array([0x3b, 0x3b, 0x02]),
    pubkey,
    signature,
    root.hash,
    u64(maxSize),
    u64(headerLength),
    u64(root.tocSize),
    ...layout(root, headerLength),
  ])
  return { bytes, rootSighash: root.hash, rootMaxsize: Number(maxSize), pubkey }
}

/** A 1×1 PNG. */
export const PNG: Uint8Array = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
)

/** A package tree like a real one: manifest, icon, license, instructions, a dependency. */
export function sampleTree(overrides: Tree = {}): Tree {
  const manifest = {
    id: 'hello',
    title: 'Hello',
    version: '1.0.0:0',
    dependencies: {
      bitcoind: { description: 'chain data', optional: false, s9pk: null },
      lnd: {
        description: null,
        optional: true,
        metadata: { title: 'LND', icon: 'x.png' },
      },
    },
  }
  return {
    'manifest.json': JSON.stringify(manifest),
    'icon.png': PNG,
    'LICENSE.md': 'MIT License\n\nÇa marche.\n',
    'instructions.md': '# Hello\n\nRun it.\n',
    dependencies: {
      bitcoind: {
        'metadata.json': JSON.stringify({ title: 'Bitcoin Core' }),
        'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      },
    },
    'javascript.squashfs': new Uint8Array(300).fill(7),
    images: {
      x86_64: { 'main.json': '{}', 'main.squashfs': new Uint8Array(64) },
    },
    ...overrides,
  }
}
