import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { S9pk as RefS9pk } from 'start-sdk-reference'
import { S9pk } from '../../lib/s9pk'
import type { Tree } from './writer'
import { MISSING, sampleTree, writeS9pk } from './writer'

type Reader = Pick<
  S9pk,
  | 'manifest'
  | 'size'
  | 'archive'
  | 'icon'
  | 'license'
  | 'instructions'
  | 'dependencyMetadata'
  | 'dependencyMetadataFor'
  | 'dependencyIconFor'
>

const settle = <T>(p: Promise<T>): Promise<{ ok: T } | { failed: true }> =>
  p.then(
    (ok) => ({ ok }),
    () => ({ failed: true }) as const,
  )

/** Everything a caller can observe of one archive, with failures as `{failed}`. */
async function observe(s: Reader, ids: string[]): Promise<unknown> {
  const entries = (dir: Reader['archive']['contents']): unknown =>
    Object.fromEntries(
      Object.entries(dir.contents).map(([name, e]) => [
        name,
        {
          hash: Buffer.from(e.hash).toString('hex'),
          size: e.size,
          kind:
            e.contents === null
              ? 'missing'
              : 'sighash' in e.contents
                ? entries(e.contents)
                : 'file',
        },
      ]),
    )
  return {
    manifest: s.manifest,
    size: s.size,
    signer: {
      pubkey: Buffer.from(s.archive.signer.pubkey).toString('hex'),
      signature: Buffer.from(s.archive.signer.signature).toString('hex'),
      maxSize: s.archive.signer.maxSize,
      context: s.archive.signer.context,
    },
    tree: entries(s.archive.contents),
    sighash: Buffer.from(s.archive.contents.sighash()).toString('hex'),
    icon: await settle(s.icon()),
    license: await settle(s.license()),
    instructions: await settle(s.instructions()),
    dependencyMetadata: JSON.stringify(await s.dependencyMetadata()),
    perId: await Promise.all(
      ids.map(async (id) => [
        id,
        await settle(s.dependencyMetadataFor(id)),
        await settle(s.dependencyIconFor(id)),
      ]),
    ),
  }
}

async function both(tree: Tree, ids: string[]): Promise<[unknown, unknown]> {
  const { bytes } = writeS9pk(tree)
  const ours = await S9pk.deserialize(new Blob([bytes]), null)
  const ref = await RefS9pk.deserialize(new Blob([bytes]), null)
  return [await observe(ours, ids), await observe(ref, ids)]
}

const ids = ['bitcoind', 'lnd', 'absent']

describe('S9pk against the 2.0.9 reader', () => {
  it('the reference reads our archives exactly as we do', async () => {
    const [ours, ref] = await both(sampleTree(), ids)
    assert.deepEqual(ours, ref)
  })

  it('agrees without instructions, license or icon', async () => {
    const tree = sampleTree()
    delete tree['instructions.md']
    delete tree['LICENSE.md']
    delete tree['icon.png']
    const [ours, ref] = await both(tree, ids)
    assert.deepEqual(ours, ref)
  })

  it('agrees on icon choice, dependency icons and merged metadata', async () => {
    const manifest = {
      id: 'multi',
      dependencies: {
        a: { description: 'd', optional: false, s9pk: null },
        b: { description: null, optional: true, s9pk: null },
      },
    }
    const tree = sampleTree({
      'manifest.json': JSON.stringify(manifest),
      'icon.svg': '<svg/>'.repeat(40),
      'icon.Jpeg': 'j',
      'icon.ico': 'i',
      'icon.txt': 't',
      dependencies: {
        a: {
          'metadata.json': '{"title":"A","extra":1,"icon":"ignored"}',
          'icon.webp': 'w',
        },
        // (a directory named icon.<ext> is skipped by us but makes 2.0.9 throw: see roundtrip)
        b: { 'metadata.json': '{"title":"B"}', 'icon.PNG': 'p' },
      },
      'assets.squashfs': MISSING,
      'Ünïcode näme': 'x',
    })
    const [ours, ref] = await both(tree, ['a', 'b', 'c'])
    assert.deepEqual(ours, ref)
  })

  it('agrees on an archive with many entries and deep nesting', async () => {
    const deep: Tree = { leaf: 'end' }
    let dir = deep
    for (let i = 0; i < 20; i++) dir = { [`level${i}`]: dir, [`f${i}`]: `${i}` }
    const wide: Tree = {}
    for (let i = 0; i < 300; i++) wide[`file-${i}.json`] = `{"n":${i}}`
    const [ours, ref] = await both(sampleTree({ deep: dir, wide }), ids)
    assert.deepEqual(ours, ref)
  })

  it('both refuse a tampered signature and a tampered manifest', async () => {
    const { bytes } = writeS9pk(sampleTree())
    const sig = bytes.slice()
    sig[3 + 32 + 5]! ^= 1
    const at = Buffer.from(bytes).indexOf('"id":"hello"')
    const file = bytes.slice()
    file[at + 7]! ^= 1
    for (const bad of [sig, file]) {
      await assert.rejects(S9pk.deserialize(new Blob([bad]), null))
      await assert.rejects(RefS9pk.deserialize(new Blob([bad]), null))
    }
  })
})
