import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { describe, it } from 'node:test'
import { ed25519ph } from '@noble/curves/ed25519'
import { isSdkError } from '../../lib/errors'
import {
  ArrayBufferReader,
  DirectoryContents,
  FileContents,
  MerkleArchive,
  S9pk,
  VarIntProcessor,
  compare,
  serializeVarint,
} from '../../lib/s9pk'
import { MISSING, PNG, sampleTree, writeS9pk } from './writer'

const read = (bytes: Uint8Array) => S9pk.deserialize(new Blob([bytes]), null)
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')

describe('S9pk round trip (our writer, our reader)', () => {
  it('reads the manifest, size, signer and tree', async () => {
    const key = ed25519ph.utils.randomPrivateKey()
    const { bytes, rootSighash, pubkey } = writeS9pk(sampleTree(), {
      secretKey: key,
    })
    const s9pk = await read(bytes)
    assert.equal(s9pk.manifest.id, 'hello')
    assert.equal(s9pk.size, bytes.length)
    assert.ok(compare(s9pk.archive.signer.pubkey, pubkey))
    assert.equal(s9pk.archive.signer.context, 's9pk')
    assert.equal(s9pk.archive.signer.signature.length, 64)
    assert.ok(compare(s9pk.archive.contents.sighash(), rootSighash))
    assert.deepEqual(Object.keys(s9pk.archive.contents.contents), [
      'LICENSE.md',
      'dependencies',
      'icon.png',
      'images',
      'instructions.md',
      'javascript.squashfs',
      'manifest.json',
    ])
    const main = s9pk.archive.contents.getPath([
      'images',
      'x86_64',
      'main.squashfs',
    ])
    assert.ok(main !== null && main.contents instanceof FileContents)
    assert.equal(main.size, 64n)
    assert.deepEqual(
      new Uint8Array(await main.verifiedFileContents()),
      new Uint8Array(64),
    )
    const images = s9pk.archive.contents.getPath(['images'])
    assert.ok(images !== null && images.contents instanceof DirectoryContents)
    assert.ok(compare(images.contents.sighash(), images.hash))
    assert.equal(s9pk.archive.contents.getPath(['images', 'nope']), null)
    assert.equal(
      s9pk.archive.contents.getPath(['icon.png', 'below-a-file']),
      null,
    )
  })

  it('reads icon, license, instructions and dependency data', async () => {
    const s9pk = await read(writeS9pk(sampleTree()).bytes)
    assert.equal(await s9pk.icon(), `data:image/png;base64,${b64(PNG)}`)
    assert.equal(await s9pk.license(), 'MIT License\n\nÇa marche.\n')
    assert.equal(await s9pk.instructions(), '# Hello\n\nRun it.\n')
    assert.deepEqual(await s9pk.dependencyMetadataFor('bitcoind'), {
      title: 'Bitcoin Core',
    })
    assert.equal(await s9pk.dependencyMetadataFor('lnd'), null)
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>'
    assert.equal(
      await s9pk.dependencyIconFor('bitcoind'),
      `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    )
    assert.equal(await s9pk.dependencyIconFor('lnd'), null)
    assert.deepEqual(await s9pk.dependencyMetadata(), {
      bitcoind: {
        title: 'Bitcoin Core',
        icon: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
        description: 'chain data',
        optional: false,
      },
      lnd: { icon: null, description: null, optional: true },
    })
  })

  it('picks the first icon.<image> file by name, of any extension case', async () => {
    const tree = sampleTree({ 'icon.GIF': 'g', 'icon.txt': 't' })
    const s9pk = await read(writeS9pk(tree).bytes)
    assert.equal(await s9pk.icon(), 'data:image/gif;base64,Zw==')
  })

  it('skips a directory named like an icon (2.0.9 throws "is not a regular file")', async () => {
    const tree = sampleTree({ 'icon.bmp': { x: 'y' } })
    ;(tree.dependencies as Record<string, unknown>)['lnd'] = {
      'icon.gif': { x: 'y' },
      'icon.png': 'p',
    }
    const s9pk = await read(writeS9pk(tree).bytes)
    assert.equal(await s9pk.icon(), `data:image/png;base64,${b64(PNG)}`)
    assert.equal(
      await s9pk.dependencyIconFor('lnd'),
      'data:image/png;base64,cA==',
    )
  })

  it('answers null for instructions an older archive lacks, and refuses a missing license or icon', async () => {
    const tree = sampleTree()
    delete tree['instructions.md']
    delete tree['LICENSE.md']
    delete tree['icon.png']
    const s9pk = await read(writeS9pk(tree).bytes)
    assert.equal(await s9pk.instructions(), null)
    await assert.rejects(s9pk.license(), (e) => isSdkError(e, 'FILE_PARSE'))
    await assert.rejects(s9pk.icon(), /icon/)
  })

  it('lists missing entries with null contents and refuses to read them', async () => {
    const s9pk = await read(
      writeS9pk(sampleTree({ 'assets.squashfs': MISSING })).bytes,
    )
    const entry = s9pk.archive.contents.getPath(['assets.squashfs'])
    assert.ok(entry !== null)
    assert.equal(entry.contents, null)
    await assert.rejects(entry.verifiedFileContents(), /missing/)
    const dir = s9pk.archive.contents.getPath(['images'])
    await assert.rejects(dir!.verifiedFileContents(), /directory/)
  })

  it('checks a commitment: matching root accepted, other root or size refused', async () => {
    const { bytes, rootSighash, rootMaxsize } = writeS9pk(sampleTree())
    const blob = new Blob([bytes])
    const ok = await S9pk.deserialize(blob, {
      rootSighash: b64(rootSighash),
      rootMaxsize,
    })
    assert.equal(ok.manifest.id, 'hello')
    const urlSafe = Buffer.from(rootSighash).toString('base64url')
    const viaUrlSafe = await S9pk.deserialize(blob, {
      rootSighash: urlSafe,
      rootMaxsize,
    })
    assert.equal(viaUrlSafe.size, bytes.length)
    await assert.rejects(
      S9pk.deserialize(blob, { rootSighash: 'not base64!', rootMaxsize }),
      /rootSighash is not base64/,
    )
    const other = new Uint8Array(32).fill(1)
    await assert.rejects(
      S9pk.deserialize(blob, { rootSighash: b64(other), rootMaxsize }),
      /rootSighash/,
    )
    await assert.rejects(
      S9pk.deserialize(blob, {
        rootSighash: b64(rootSighash),
        rootMaxsize: rootMaxsize - 1,
      }),
      /rootMaxsize/,
    )
  })

  it('limits the root table to 1 MiB without a commitment, and allows more with one', async () => {
    const maxSize = 2n * 1024n * 1024n
    const { bytes, rootSighash } = writeS9pk(sampleTree(), { maxSize })
    await assert.rejects(read(bytes), /1 MiB/)
    const s9pk = await S9pk.deserialize(new Blob([bytes]), {
      rootSighash: b64(rootSighash),
      rootMaxsize: Number(maxSize),
    })
    assert.equal(s9pk.archive.signer.maxSize, maxSize)
  })

  it('refuses an archive signed under another context', async () => {
    const { bytes } = writeS9pk(sampleTree(), { context: 'other' })
    await assert.rejects(read(bytes), /signature/)
  })

  it('exposes the header size of the format', () => {
    assert.equal(MerkleArchive.headerSize, 152)
    assert.equal(DirectoryContents.headerSize, 16)
  })
})

describe('varints and ArrayBufferReader', () => {
  it('round-trips varints at the byte boundaries', () => {
    for (const n of [0, 1, 127, 128, 300, 16383, 16384, 2 ** 32, 2 ** 53 - 1]) {
      const reader = new ArrayBufferReader(serializeVarint(n))
      assert.equal(reader.nextVarint(), n)
    }
    assert.deepEqual(
      new Uint8Array(serializeVarint(300)),
      new Uint8Array([0xac, 0x02]),
    )
    assert.throws(() => serializeVarint(-1), /non-negative/)
  })

  it('decodes byte by byte and refuses unterminated varints', () => {
    const p = new VarIntProcessor()
    assert.equal(p.finished(), false)
    assert.equal(p.decode(), null)
    p.push(0x80)
    assert.equal(p.finished(), false)
    p.push(0x01)
    assert.equal(p.finished(), true)
    assert.equal(p.decode(), 128)
    const long = new VarIntProcessor()
    for (let i = 0; i < 10; i++) long.push(0xff)
    assert.throws(
      () => long.push(0x01),
      (e) => isSdkError(e, 'FILE_PARSE'),
    )
    const huge = new ArrayBufferReader(
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])
        .buffer,
    )
    assert.throws(() => huge.nextVarint(), /2\^53/)
  })

  it('reads u64, varstrings and refuses reads past the end', () => {
    const bytes = new Uint8Array([0, 0, 0, 1, 0, 0, 0, 2, 3, 0x61, 0x62, 0x63])
    const reader = new ArrayBufferReader(bytes.buffer)
    assert.equal(reader.nextU64(), 2n ** 32n + 2n)
    assert.equal(reader.nextVarstring(), 'abc')
    assert.throws(() => reader.next(1), /truncated/)
    const bad = new ArrayBufferReader(new Uint8Array([2, 0xc3, 0x28]).buffer)
    assert.throws(() => bad.nextVarstring(), /UTF-8/)
  })

  it('compares bytes', () => {
    assert.equal(compare(new Uint8Array([1, 2]), new Uint8Array([1, 2])), true)
    assert.equal(compare(new Uint8Array([1, 2]), new Uint8Array([1, 3])), false)
    assert.equal(compare(new Uint8Array([1]), new Uint8Array([1, 0])), false)
  })
})

describe('without the optional @noble peer dependencies', () => {
  it('refuses to read with an SdkError that says what to install', () => {
    const script = `
      const Module = require('node:module')
      const resolve = Module._resolveFilename
      Module._resolveFilename = function (request, ...rest) {
        if (request.startsWith('@noble/')) {
          throw Object.assign(new Error('Cannot find ' + request), { code: 'MODULE_NOT_FOUND' })
        }
        return resolve.call(this, request, ...rest)
      }
      const { S9pk } = require(${JSON.stringify(require.resolve('../../lib/s9pk'))})
      const bytes = new Uint8Array(${JSON.stringify(Array.from(writeS9pk(sampleTree()).bytes))})
      S9pk.deserialize(new Blob([bytes]), null).then(
        () => console.log('read'),
        (e) => console.log(e.code + ': ' + e.message),
      )`
    const out = execFileSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
    })
    assert.equal(
      out.trim(),
      'FILE_PARSE: reading .s9pk files needs @noble/hashes and @noble/curves: npm install @noble/hashes @noble/curves',
    )
  })
})
