import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import { FileHelper } from '../../lib/file'
import { z } from '../../lib/z'
import { contextEffects, externally, tempDir, until } from './helpers'

const { dir, remove } = tempDir('text-raw')
after(remove)
const { effects } = contextEffects()

test('FileHelper.string reads and writes text as is; an empty file reads as null (2.0.9)', async () => {
  const path = join(dir, 'motd')
  const helper = FileHelper.string(path)
  assert.equal(await helper.read().once(), null)
  await helper.write(effects, 'hello\nworld\n')
  assert.equal(readFileSync(path, 'utf8'), 'hello\nworld\n')
  assert.equal(await helper.read((s) => s.length).once(), 12)
  writeFileSync(path, '')
  assert.equal(await helper.read().once(), null)
})

test('FileHelper.string with a schema and transformers validates the transformed value', async () => {
  const path = join(dir, 'port')
  const helper = FileHelper.string<number, number>(path, z.number().int(), {
    onRead: (text) => Number(text.trim()),
    onWrite: (n) => `${n}\n`,
  })
  await helper.write(effects, 8080)
  assert.equal(readFileSync(path, 'utf8'), '8080\n')
  assert.equal(await helper.read().once(), 8080)
  writeFileSync(path, '8.5\n')
  await assert.rejects(helper.read().once(), (e: unknown) =>
    isSdkError(e, 'FILE_VALIDATION'),
  )
})

test('FileHelper.raw uses its own codec, validator and merge; a refusing validator names the file', async () => {
  const path = join(dir, 'service.conf')
  type Conf = Record<string, string>
  const helper = FileHelper.raw<Conf>(
    path,
    (c) =>
      Object.entries(c)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n'),
    (text) =>
      Object.fromEntries(
        text
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split(': ', 2) as [string, string]),
      ),
    (u) => {
      if (typeof u !== 'object' || u === null) throw new Error('not a record')
      for (const v of Object.values(u))
        if (typeof v !== 'string') throw new Error('values are strings')
      return u as Conf
    },
  )
  await helper.write(effects, { rpcuser: 'me', rpcport: '8332' })
  await helper.merge(effects, { rpcport: '18332', extra: 'kept' })
  assert.equal(
    readFileSync(path, 'utf8'),
    'rpcuser: me\nrpcport: 18332\nextra: kept',
  )
  await assert.rejects(
    helper.write(effects, { a: 1 } as never),
    (e: unknown) => {
      assert.ok(isSdkError(e, 'FILE_VALIDATION'))
      assert.ok(e.message.includes(path) && e.message.includes('(raw)'))
      assert.match(e.message, /values are strings/)
      return true
    },
  )
})

test('withPath keeps format and schema; { base, subpath } resolves through the base', async () => {
  const volume = { subpath: (p: string) => join(dir, 'volume', p) }
  const helper = FileHelper.json(
    { base: volume, subpath: 'a.json' },
    z.object({ a: z.number() }),
  )
  assert.equal(helper.path, join(dir, 'volume', 'a.json'))
  await helper.write(effects, { a: 1 })
  const other = helper.withPath(join(dir, 'b.json'))
  await other.write(effects, { a: 2 })
  assert.deepEqual(await helper.read().once(), { a: 1 })
  assert.deepEqual(await other.read().once(), { a: 2 })
  const ctx = contextEffects()
  const seen: unknown[] = []
  other
    .read((v) => v.a)
    .onChange(ctx.effects, (v) => {
      seen.push(v)
      return { cancel: false }
    })
  await until(() => seen.length === 1, 'first value')
  externally(other.path, 'inplace', '{"a": 3}')
  await until(() => seen.length === 2, 'change')
  assert.deepEqual(seen, [2, 3])
  ctx.leave()
})
