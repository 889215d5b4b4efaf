import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { getEventListeners } from 'node:events'
import { after, test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import { FileHelper, watchStats } from '../../lib/file'
import { pendingLeaveHooks } from '../../lib/reactive'
import { z } from '../../lib/z'
import { contextEffects, externally, tempDir, until } from './helpers'

const { dir, remove } = tempDir('watch')
after(remove)
let n = 0
const shape = z.object({ a: z.number(), b: z.string().optional() })
const fresh = (): string => join(dir, `w${n++}.json`)
const settle = (ms = 80): Promise<void> => new Promise((r) => setTimeout(r, ms))

test('const() re-runs the context once when another process changes the mapped value', async () => {
  const path = fresh()
  writeFileSync(path, '{"a": 1, "b": "x"}')
  const helper = FileHelper.json(path, shape)
  const ctx = contextEffects()
  assert.equal(await helper.read((m) => m.a).const(ctx.effects), 1)
  externally(path, 'replace', '{"a": 1, "b": "changed, but not what was read"}')
  await settle()
  assert.equal(ctx.retries(), 0)
  externally(path, 'inplace', '{"a": 2}')
  await until(() => ctx.retries() === 1, 'constRetry')
  externally(path, 'replace', '{"a": 3}')
  await settle()
  assert.equal(ctx.retries(), 1, 'one retry per const() read')
  ctx.leave()
  assert.deepEqual(watchStats(), { files: 0, readers: 0 })
})

test('const() never retries after the context has left', async () => {
  const path = fresh()
  writeFileSync(path, '{"a": 1}')
  const ctx = contextEffects()
  await FileHelper.json(path, shape).read().const(ctx.effects)
  assert.equal(watchStats().readers, 1)
  ctx.leave()
  assert.deepEqual(watchStats(), { files: 0, readers: 0 })
  externally(path, 'replace', '{"a": 2}')
  await settle()
  assert.equal(ctx.retries(), 0)
})

test('watch() follows replacements, in-place edits, deletion and re-creation, then ends on leave', async () => {
  const path = fresh()
  writeFileSync(path, '{"a": 1}')
  const ctx = contextEffects()
  const seen: unknown[] = []
  const iterate = (async () => {
    for await (const v of FileHelper.json(path, shape)
      .read((m) => m.a)
      .watch(ctx.effects)) {
      seen.push(v)
    }
  })()
  const steps: [Parameters<typeof externally>[1], string, unknown][] = [
    ['replace', '{"a": 2}', 2],
    ['inplace', '{"a": 3}', 3],
    ['delete', '', null],
    ['replace', '{"a": 4}', 4],
  ]
  await until(() => seen.length === 1, 'first value')
  for (const [mode, text, want] of steps) {
    externally(path, mode, text)
    await until(() => seen.at(-1) === want, `value ${String(want)}`)
  }
  assert.deepEqual(seen, [1, 2, 3, null, 4])
  ctx.leave()
  await assert.rejects(iterate, (e: unknown) => isSdkError(e, 'ABORTED'))
  assert.deepEqual(watchStats(), { files: 0, readers: 0 })
})

test('watch() stops on its abort signal and when the loop breaks', async () => {
  const path = fresh()
  writeFileSync(path, '{"a": 1}')
  const ctx = contextEffects()
  const abort = new AbortController()
  const gen = FileHelper.json(path, shape)
    .read()
    .watch(ctx.effects, abort.signal)
  assert.deepEqual((await gen.next()).value, { a: 1 })
  abort.abort()
  await assert.rejects(gen.next(), (e: unknown) => isSdkError(e, 'ABORTED'))
  assert.equal(getEventListeners(abort.signal, 'abort').length, 0)
  for await (const v of FileHelper.json(path, shape)
    .read()
    .watch(ctx.effects)) {
    assert.deepEqual(v, { a: 1 })
    break
  }
  assert.deepEqual(watchStats(), { files: 0, readers: 0 })
  ctx.leave()
})

test('waitFor() waits for a file that does not exist yet, in a directory that does not exist yet', async () => {
  const base = join(dir, `deep${n++}`)
  const path = join(base, 'x', 'y', 'config.json')
  const ctx = contextEffects()
  const ready = FileHelper.json(path, shape)
    .read((m) => m.a)
    .waitFor(ctx.effects, (a) => a !== null && a > 1)
  await settle()
  mkdirSync(join(base, 'x', 'y'), { recursive: true })
  externally(path, 'replace', '{"a": 1}')
  await settle()
  externally(path, 'replace', '{"a": 5}')
  assert.equal(await ready, 5)
  assert.deepEqual(watchStats(), { files: 0, readers: 0 })
  const never = FileHelper.json(path, shape)
    .read()
    .waitFor(ctx.effects, () => false)
  ctx.leave()
  await assert.rejects(never, (e: unknown) => isSdkError(e, 'ABORTED'))
})

test('onChange() reports parse errors and keeps watching; cancel stops it; a throwing callback is survived', async () => {
  const path = fresh()
  writeFileSync(path, '{"a": 1}')
  const ctx = contextEffects()
  const calls: string[] = []
  FileHelper.json(path, shape)
    .read((m) => m.a)
    .onChange(ctx.effects, (value, error) => {
      calls.push(
        error ? `error:${(error as { code?: string }).code}` : String(value),
      )
      if (value === 2) throw new Error('callback bug')
      return { cancel: value === 3 }
    })
  await until(() => calls.length === 1, 'first call')
  externally(path, 'replace', '{"a": ')
  await until(() => calls.length === 2, 'error call')
  externally(path, 'replace', '{"a": 2}')
  await until(() => calls.length === 3, 'second value')
  externally(path, 'replace', '{"a": 3}')
  await until(() => calls.length === 4, 'third value')
  await until(() => watchStats().readers === 0, 'cancel to close the watch')
  externally(path, 'replace', '{"a": 4}')
  await settle()
  assert.deepEqual(calls, ['1', 'error:FILE_PARSE', '2', '3'])
  ctx.leave()
})

test('readers of one file share one watch, and hooks stay flat across many changes', async () => {
  const path = fresh()
  writeFileSync(path, '{"a": 0}')
  const ctx = contextEffects()
  const helper = FileHelper.json(path, shape)
  const last = [-1, -1, -1]
  for (let i = 0; i < 3; i++)
    helper
      .read((m) => m.a)
      .onChange(ctx.effects, (v) => {
        last[i] = v ?? -1
        return { cancel: false }
      })
  await until(() => last.every((v) => v === 0), 'initial values')
  assert.deepEqual(watchStats(), { files: 1, readers: 3 })
  for (let i = 1; i <= 100; i++) {
    await helper.write(ctx.effects, { a: i })
    await until(() => last.every((v) => v === i), `value ${i}`)
    const quick = await helper
      .read()
      .waitFor(ctx.effects, (m) => m !== null && m.a === i)
    assert.equal(quick?.a, i)
  }
  assert.deepEqual(watchStats(), { files: 1, readers: 3 })
  assert.equal(pendingLeaveHooks(ctx.effects), 3)
  ctx.leave()
  assert.deepEqual(watchStats(), { files: 0, readers: 0 })
})

test('a write that changes what this context const()-read fails after writing', async () => {
  const path = fresh()
  writeFileSync(path, '{"a": 1, "b": "x"}')
  const helper = FileHelper.json(path, shape)
  const ctx = contextEffects()
  await helper.read((m) => m.a).const(ctx.effects)
  await helper.merge(ctx.effects, { b: 'y' })
  await assert.rejects(helper.merge(ctx.effects, { a: 2 }), (e: unknown) => {
    assert.ok(isSdkError(e, 'WRITE_AFTER_CONST'))
    assert.equal(e.message, `Canceled: write after const: ${path}`)
    return true
  })
  assert.deepEqual(await helper.read().once(), { a: 2, b: 'y' })
  await helper.write(ctx.effects, { a: 5 }, { allowWriteAfterConst: true })
  ctx.leave()
})

test('a process that watched files exits by itself once its contexts have left', async () => {
  const path = fresh()
  writeFileSync(path, '{"a": 1}')
  const script = join(__dirname, 'fixtures', 'watchExit.js')
  const started = Date.now()
  const out = await new Promise<string>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [script, path],
      { timeout: 10_000 },
      (err, stdout) => (err ? reject(err) : resolve(stdout)),
    )
    child.on('error', reject)
  })
  assert.match(out, /left: files=0 readers=0/)
  assert.ok(Date.now() - started < 10_000)
})
