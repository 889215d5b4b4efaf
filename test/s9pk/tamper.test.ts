import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isSdkError } from '../../lib/errors'
import { S9pk } from '../../lib/s9pk'
import { sampleTree, writeS9pk } from './writer'

const read = (bytes: Uint8Array) => S9pk.deserialize(new Blob([bytes]), null)
const { bytes: good } = writeS9pk(sampleTree())
const HEADER = 3 + 152

function flipped(at: number): Uint8Array {
  const copy = good.slice()
  copy[at]! ^= 0x01
  return copy
}

function indexOf(text: string): number {
  const at = Buffer.from(good).indexOf(text)
  assert.ok(at > 0, `${text} is in the sample archive`)
  return at
}

/** Asserts `p` rejects with a FILE_PARSE SdkError whose message matches `message`. */
async function refused(p: Promise<unknown>, message: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(
      isSdkError(e, 'FILE_PARSE'),
      `an SdkError FILE_PARSE: ${String(e)}`,
    )
    assert.match((e as Error).message, message)
    assert.match((e as Error).message, /download it again|repack|rebuild/)
    return true
  })
}

describe('tampered and damaged archives', () => {
  it('reads the untouched archive', async () => {
    assert.equal((await read(good)).manifest.id, 'hello')
  })

  it('refuses a flipped byte in the signature or the key', async () => {
    await refused(read(flipped(3 + 32 + 10)), /signature/)
    await refused(read(flipped(3 + 4)), /signature/)
  })

  it('refuses a flipped byte in the signed root hash or size', async () => {
    await refused(read(flipped(3 + 96 + 1)), /signature/)
    await refused(read(flipped(3 + 128 + 7)), /signature/)
  })

  it('refuses a flipped byte in a name or hash of a table of contents', async () => {
    await refused(read(flipped(indexOf('LICENSE.md'))), /table of contents/)
    await refused(read(flipped(indexOf('main.squashfs'))), /table of contents/)
  })

  it('refuses a root table moved off its signed bytes', async () => {
    const moved = flipped(3 + 136 + 7)
    await refused(read(moved), /table of contents|varint|truncated|hash/)
  })

  it('refuses a flipped byte in manifest.json when reading it', async () => {
    await refused(read(flipped(indexOf('"id":"hello"') + 7)), /manifest|hash/)
  })

  it('reads the archive but refuses a flipped byte in LICENSE.md when asked for it', async () => {
    const s9pk = await read(flipped(indexOf('Ça marche')))
    await refused(s9pk.license(), /BLAKE3|hash/)
    assert.equal(await s9pk.instructions(), '# Hello\n\nRun it.\n')
  })

  it('refuses truncated archives at every stage', async () => {
    await refused(read(new Uint8Array()), /header/)
    await refused(read(good.slice(0, 100)), /header/)
    await refused(read(good.slice(0, HEADER + 10)), /truncated/)
    await refused(read(good.slice(0, good.length - 1)), /truncated/)
  })

  it('refuses other magic bytes or format versions', async () => {
    await refused(read(flipped(0)), /magic/)
    const v1 = good.slice()
    v1[2] = 1
    await refused(read(v1), /magic|format version/)
  })
})

/** A small deterministic PRNG (mulberry32), so a failure can be replayed by its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function mutate(random: () => number): Uint8Array {
  const int = (n: number) => Math.floor(random() * n)
  // half the mutations land in the header and root table, where positions are unsigned
  const place = () => (random() < 0.5 ? int(HEADER + 400) : int(good.length))
  const kind = int(5)
  let out = good.slice()
  if (kind === 0) {
    for (let i = 0, n = 1 + int(3); i < n; i++) out[place()]! ^= 1 << int(8)
  } else if (kind === 1) {
    out[place()] = int(256)
  } else if (kind === 2) {
    out = out.slice(0, int(good.length))
  } else if (kind === 3) {
    const at = place()
    const junk = Uint8Array.from({ length: 1 + int(16) }, () => int(256))
    out = Uint8Array.from([...out.slice(0, at), ...junk, ...out.slice(at)])
  } else {
    const at = Math.min(place(), out.length - 8)
    out.fill(random() < 0.5 ? 0xff : 0x00, at, at + 8)
  }
  return out
}

describe('fuzz: 2,000 random mutations', () => {
  it(
    'only ever fail with SdkError, and quickly',
    { timeout: 120_000 },
    async () => {
      const random = prng(0x5_9_0_f)
      let readable = 0
      for (let i = 0; i < 2000; i++) {
        const bytes = mutate(random)
        const started = Date.now()
        const calls: (() => Promise<unknown>)[] = []
        try {
          const s9pk = await read(bytes)
          readable++
          calls.push(
            () => s9pk.icon(),
            () => s9pk.license(),
            () => s9pk.instructions(),
            () => s9pk.dependencyMetadata(),
            () => s9pk.dependencyIconFor('bitcoind'),
          )
        } catch (e) {
          assert.ok(isSdkError(e, 'FILE_PARSE'), `mutation ${i}: ${String(e)}`)
        }
        for (const call of calls) {
          await call().catch((e: unknown) => {
            assert.ok(
              isSdkError(e, 'FILE_PARSE'),
              `mutation ${i}: ${String(e)}`,
            )
          })
        }
        assert.ok(Date.now() - started < 2000, `mutation ${i} took too long`)
      }
      // some mutations touch only file bodies, so those archives still open
      assert.ok(readable > 0 && readable < 2000, `${readable} readable`)
    },
  )
})
