import assert from 'node:assert/strict'
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import {
  cleanupTempFiles,
  readFileIfExists,
  writeFileAtomic,
} from '../../lib/file'

let dir = ''
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'start-sdk-atomic-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

test('writeFileAtomic creates missing parent directories', async () => {
  const path = join(dir, 'a', 'b', 'c.json')
  assert.equal(await writeFileAtomic(path, '{"x":1}'), true)
  assert.equal(readFileSync(path, 'utf8'), '{"x":1}')
  assert.deepEqual(readdirSync(join(dir, 'a', 'b')), ['c.json'])
})

test('writeFileAtomic writes strings and bytes, with and without fsync', async () => {
  const path = join(dir, 'f.bin')
  assert.equal(await writeFileAtomic(path, 'héllo', { fsync: false }), true)
  assert.equal(readFileSync(path, 'utf8'), 'héllo')
  const bytes = new Uint8Array([0, 1, 2, 255])
  assert.equal(await writeFileAtomic(path, bytes, { fsync: true }), true)
  assert.deepEqual(new Uint8Array(readFileSync(path)), bytes)
  const view = new Uint8Array(bytes.buffer, 1, 2)
  assert.equal(await writeFileAtomic(path, view), true)
  assert.deepEqual(new Uint8Array(readFileSync(path)), new Uint8Array([1, 2]))
  assert.equal(await writeFileAtomic(path, view), false)
  assert.deepEqual(readdirSync(dir), ['f.bin'])
})

test('writeFileAtomic is a no-op when the file already holds the bytes', async () => {
  const path = join(dir, 'same.json')
  writeFileSync(path, 'same')
  const old = new Date('2020-01-01T00:00:00Z')
  utimesSync(path, old, old)
  const before = statSync(path)
  assert.equal(await writeFileAtomic(path, 'same'), false)
  assert.equal(await writeFileAtomic(path, Buffer.from('same')), false)
  const after = statSync(path)
  assert.equal(after.mtimeMs, before.mtimeMs)
  assert.equal(after.ino, before.ino)
  assert.equal(await writeFileAtomic(path, 'other'), true)
  assert.notEqual(statSync(path).ino, before.ino)
})

test('writeFileAtomic keeps the existing mode, or applies options.mode', async () => {
  const path = join(dir, 'secret.json')
  writeFileSync(path, 'a')
  chmodSync(path, 0o600)
  await writeFileAtomic(path, 'b')
  assert.equal(statSync(path).mode & 0o777, 0o600)
  chmodSync(path, 0o754)
  await writeFileAtomic(path, 'c', { fsync: false })
  assert.equal(statSync(path).mode & 0o777, 0o754)
  await writeFileAtomic(path, 'd', { mode: 0o640 })
  assert.equal(statSync(path).mode & 0o777, 0o640)
  const fresh = join(dir, 'fresh.json')
  await writeFileAtomic(fresh, 'e', { mode: 0o604 })
  assert.equal(statSync(fresh).mode & 0o777, 0o604)
})

test(
  'writeFileAtomic keeps the owner when running as root',
  {
    skip: process.getuid?.() !== 0,
  },
  async () => {
    const path = join(dir, 'owned.json')
    writeFileSync(path, 'a')
    chownSync(path, 1234, 5678)
    await writeFileAtomic(path, 'b')
    assert.equal(statSync(path).uid, 1234)
    assert.equal(statSync(path).gid, 5678)
  },
)

test('writeFileAtomic names the path and removes its temp file on failure', async () => {
  const path = join(dir, 'taken')
  mkdirSync(path)
  writeFileSync(join(path, 'inside'), 'x')
  await assert.rejects(writeFileAtomic(path, 'data'), (e: unknown) => {
    assert.ok(isSdkError(e, 'FILE_IO'))
    assert.match(
      e.message,
      /^Failed to write file atomically: .*taken \(E[A-Z]+\)$/,
    )
    assert.ok(e.message.includes(path))
    assert.equal(e.details?.['path'], path)
    assert.ok(e.cause instanceof Error)
    return true
  })
  assert.deepEqual(readdirSync(dir), ['taken'])
})

test('writeFileAtomic fails with a clear error when a parent is a file', async () => {
  writeFileSync(join(dir, 'plain'), 'x')
  const path = join(dir, 'plain', 'child.json')
  await assert.rejects(writeFileAtomic(path, 'data'), {
    code: 'FILE_IO',
    message: `Failed to write file atomically: ${path} (ENOTDIR)`,
  })
  assert.deepEqual(readdirSync(dir), ['plain'])
})

test('writeFileAtomic leaves no temp files after many writes', async () => {
  const path = join(dir, 'many.json')
  const writes = []
  for (let i = 0; i < 20; i++) {
    writes.push(writeFileAtomic(path, JSON.stringify({ i }), { fsync: false }))
  }
  await Promise.all(writes)
  assert.deepEqual(readdirSync(dir), ['many.json'])
  assert.match(readFileSync(path, 'utf8'), /^\{"i":\d+\}$/)
})

test('readFileIfExists returns the text, or null when the file is missing', async () => {
  const path = join(dir, 'r.txt')
  assert.equal(await readFileIfExists(path), null)
  assert.equal(await readFileIfExists(join(dir, 'no', 'such')), null)
  writeFileSync(path, 'text')
  assert.equal(await readFileIfExists(join(path, 'under-a-file')), null)
  assert.equal(await readFileIfExists(path), 'text')
  await assert.rejects(readFileIfExists(dir), {
    code: 'FILE_IO',
    message: `Failed to read file: ${dir} (EISDIR)`,
  })
})

test('cleanupTempFiles removes only old temp files of the named file', async () => {
  const old = new Date(Date.now() - 120_000)
  const names = {
    oldTemp: '.state.json.123.abc123.tmp',
    newTemp: '.state.json.456.def456.tmp',
    other: '.other.json.123.abc123.tmp',
    lookalike: '.state.json.x.abc.tmp',
    target: 'state.json',
  }
  for (const name of Object.values(names)) {
    writeFileSync(join(dir, name), 'x')
    if (name !== names.newTemp) utimesSync(join(dir, name), old, old)
  }
  mkdirSync(join(dir, '.state.json.9.ab.tmp'))
  utimesSync(join(dir, '.state.json.9.ab.tmp'), old, old)
  assert.equal(await cleanupTempFiles(dir, 'state.json', 60_000), 1)
  assert.deepEqual(
    readdirSync(dir).sort(),
    [
      names.newTemp,
      '.state.json.9.ab.tmp',
      names.other,
      names.lookalike,
      names.target,
    ].sort(),
  )
  assert.equal(await cleanupTempFiles(dir, 'state.json', 0), 1)
  assert.ok(!readdirSync(dir).includes(names.newTemp))
  assert.equal(await cleanupTempFiles(join(dir, 'missing'), 'state.json'), 0)
})

test('cleanupTempFiles escapes the file name in its pattern', async () => {
  writeFileSync(join(dir, '.aXb.1.ab.tmp'), 'x')
  writeFileSync(join(dir, '.a.b.1.ab.tmp'), 'x')
  assert.equal(await cleanupTempFiles(dir, 'a.b', 0), 1)
  assert.deepEqual(readdirSync(dir), ['.aXb.1.ab.tmp'])
})
