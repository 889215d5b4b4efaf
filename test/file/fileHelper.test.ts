import assert from 'node:assert/strict'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import { FORMAT_CASES } from './cases'
import { watchStats } from '../../lib/file'
import { contextEffects, externally, tempDir, until } from './helpers'

const { dir, remove } = tempDir('filehelper')
after(remove)
let n = 0
const fresh = (file: string): string => {
  const sub = join(dir, `${n++}`)
  mkdirSync(sub)
  return join(sub, file)
}

for (const c of FORMAT_CASES) {
  describe(`FileHelper.${c.name}`, () => {
    const { effects } = contextEffects()

    test('write then read returns the model; missing files read as null', async () => {
      const path = fresh(c.file)
      const helper = c.make(path)
      assert.equal(await helper.read().once(), null)
      await helper.write(effects, c.full)
      assert.deepEqual(await helper.read().once(), c.full)
      assert.equal(helper.readData(readFileSync(path, 'utf8')) !== null, true)
    })

    test('merge changes the patched fields and keeps unknown keys and comments', async () => {
      const path = fresh(c.file)
      writeFileSync(path, c.seed)
      const helper = c.make(path)
      assert.deepEqual(await helper.read().once(), c.seedModel)
      await helper.merge(effects, c.patch)
      const text = readFileSync(path, 'utf8')
      for (const s of c.survivors)
        assert.ok(text.includes(s), `${s} kept in:\n${text}`)
      const expected = structuredClone(c.seedModel)
      mergeInto(expected, c.patch)
      assert.deepEqual(await helper.read().once(), expected)
    })

    test('a merge that changes nothing does not touch the file', async () => {
      const path = fresh(c.file)
      writeFileSync(path, c.seed)
      const before = statSync(path)
      await c.make(path).merge(effects, {})
      await c.make(path).merge(effects, c.seedModel)
      const after = statSync(path)
      assert.equal(readFileSync(path, 'utf8'), c.seed)
      assert.equal(after.ino, before.ino)
      assert.equal(after.mtimeMs, before.mtimeMs)
    })

    test('undefined in a merge deletes the key; arrays are replaced whole', async () => {
      const path = fresh(c.file)
      const helper = c.make(path)
      await helper.write(effects, c.full)
      const key = c.name === 'xml' ? 'config' : Object.keys(c.full)[2]!
      const patch =
        c.name === 'xml'
          ? { config: { tags: undefined } }
          : { [key]: undefined }
      await helper.merge(effects, patch)
      const read = (await helper.read().once()) as Record<string, unknown>
      const holder =
        c.name === 'xml' ? (read['config'] as Record<string, unknown>) : read
      assert.equal(c.name === 'xml' ? 'tags' in holder : key in holder, false)
      if (c.name === 'json' || c.name === 'yaml' || c.name === 'toml') {
        await helper.merge(effects, { tags: ['x', 'y'] })
        await helper.merge(effects, { tags: ['z'] })
        assert.deepEqual(
          ((await helper.read().once()) as { tags: string[] }).tags,
          ['z'],
        )
      }
    })

    if (c.broken !== null) {
      const broken = c.broken
      test('a file that does not parse fails loudly and is never overwritten', async () => {
        const path = fresh(c.file)
        writeFileSync(path, broken.text)
        const helper = c.make(path)
        const named = (e: unknown): boolean => {
          assert.ok(isSdkError(e, 'FILE_PARSE'), String(e))
          assert.ok(
            e.message.includes(path) && e.message.includes(c.name),
            e.message,
          )
          assert.equal(e.details?.['line'], broken.line, e.message)
          return true
        }
        await assert.rejects(helper.read().once(), named)
        await assert.rejects(helper.merge(effects, c.patch), named)
        assert.equal(readFileSync(path, 'utf8'), broken.text)
        assert.equal(existsSync(`${path}.bak`), false)
        await helper.merge(effects, c.full, { onInvalid: 'backup-and-reset' })
        assert.equal(readFileSync(`${path}.bak`, 'utf8'), broken.text)
        assert.deepEqual(await helper.read().once(), c.full)
      })
    }

    test('a value a .catch() would replace: read gives the default, merge refuses to write it', async () => {
      const path = fresh(c.file)
      writeFileSync(path, c.refused)
      const helper = c.make(path)
      const model = (await helper.read().once()) as Record<string, unknown>
      const port =
        c.name === 'xml'
          ? (model['config'] as { port: unknown }).port
          : (model['port'] ?? model['PORT'])
      assert.ok(port === 8080 || port === '8080')
      await assert.rejects(helper.merge(effects, {}), (e: unknown) => {
        assert.ok(isSdkError(e, 'FILE_VALIDATION'), String(e))
        assert.match(e.message, /port|PORT/)
        assert.ok(e.message.includes(path) && e.message.includes(`(${c.name})`))
        return true
      })
      assert.equal(readFileSync(path, 'utf8'), c.refused)
      await helper.merge(effects, {}, { onInvalid: 'backup-and-reset' })
      assert.equal(readFileSync(`${path}.bak`, 'utf8'), c.refused)
      assert.match(readFileSync(path, 'utf8'), /8_?080/)
    })

    test('const(), watch(), onChange() and waitFor() see another process rewrite the file', async () => {
      const path = fresh(c.file)
      writeFileSync(path, c.seed)
      const helper = c.make(path)
      const ctx = contextEffects()
      assert.deepEqual(await helper.read().const(ctx.effects), c.seedModel)
      const seen: unknown[] = []
      const changes: unknown[] = []
      const iterating = (async () => {
        for await (const v of helper.read().watch(ctx.effects)) seen.push(v)
      })()
      helper.read().onChange(ctx.effects, (v) => {
        changes.push(v)
        return { cancel: false }
      })
      const waiting = helper
        .read()
        .waitFor(
          ctx.effects,
          (v) => JSON.stringify(v) === JSON.stringify(c.full),
        )
      await until(
        () => seen.length === 1 && changes.length === 1,
        'first values',
      )
      externally(path, 'replace', helper.writeData(c.full))
      assert.deepEqual(await waiting, c.full)
      await until(() => seen.length === 2 && changes.length === 2, 'changes')
      await until(() => ctx.retries() === 1, 'constRetry')
      assert.deepEqual(seen[1], c.full)
      assert.deepEqual(changes[1], c.full)
      ctx.leave()
      await assert.rejects(iterating, (e: unknown) => isSdkError(e, 'ABORTED'))
      assert.deepEqual(watchStats(), { files: 0, readers: 0 })
    })

    test('a value the schema refuses without a .catch() is named on read and on write', async () => {
      const path = fresh(c.file)
      const helper = c.make(path)
      const bad =
        c.name === 'xml'
          ? { config: { ...(c.full['config'] as object), name: 5 } }
          : { ...c.full, name: 5, NAME: 5 }
      await assert.rejects(
        helper.write(effects, bad as never),
        (e: unknown) => {
          assert.ok(isSdkError(e, 'FILE_VALIDATION'))
          assert.match(e.message, /name|NAME/)
          return true
        },
      )
      assert.equal(existsSync(path), false)
    })
  })
}

function mergeInto(
  target: Record<string, unknown>,
  patch: Record<string, unknown>,
): void {
  for (const [k, v] of Object.entries(patch)) {
    const t = target[k]
    if (
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      t &&
      typeof t === 'object'
    )
      mergeInto(t as Record<string, unknown>, v as Record<string, unknown>)
    else target[k] = v
  }
}
