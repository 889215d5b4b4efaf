import assert from 'node:assert/strict'
import { test } from 'node:test'
import { STARTOS_ROOT_ENV, startosPaths } from '../../lib/paths'

test('defaults to the real container layout', () => {
  const saved = process.env[STARTOS_ROOT_ENV]
  delete process.env[STARTOS_ROOT_ENV]
  try {
    const p = startosPaths()
    assert.equal(p.volume('main'), '/media/startos/volumes/main')
    assert.equal(p.assets, '/media/startos/assets')
    assert.equal(p.image('bitcoind'), '/media/startos/images/bitcoind')
    assert.equal(p.backup, '/media/startos/backup')
    assert.equal(p.subcontainer('abc'), '/media/startos/subcontainers/abc')
    assert.equal(p.serviceSocket, '/media/startos/rpc/service.sock')
    assert.equal(p.hostSocket, '/media/startos/rpc/host.sock')
    assert.equal(p.packageEntry, '/usr/lib/startos/package/index.js')
  } finally {
    if (saved !== undefined) process.env[STARTOS_ROOT_ENV] = saved
  }
})

test('moves every path under $STARTOS_ROOT, read at each call', () => {
  const saved = process.env[STARTOS_ROOT_ENV]
  process.env[STARTOS_ROOT_ENV] = '/tmp/sim-1'
  try {
    const p = startosPaths()
    assert.equal(p.volume('main'), '/tmp/sim-1/media/startos/volumes/main')
    assert.equal(p.rpcDir, '/tmp/sim-1/media/startos/rpc')
    assert.equal(p.packageDir, '/tmp/sim-1/usr/lib/startos/package')
    process.env[STARTOS_ROOT_ENV] = '/tmp/sim-2'
    assert.equal(startosPaths().volumes, '/tmp/sim-2/media/startos/volumes')
    assert.equal(startosPaths('/x').media, '/x/media/startos')
  } finally {
    if (saved === undefined) delete process.env[STARTOS_ROOT_ENV]
    else process.env[STARTOS_ROOT_ENV] = saved
  }
})

test('refuses ids that would escape their folder, naming the field', () => {
  const p = startosPaths('/r')
  for (const bad of ['', '.', '..', 'a/b', '../etc', 'a\\b', 'a\0b']) {
    assert.throws(
      () => p.volume(bad),
      /Expected a volume id to be a plain name/,
    )
  }
  assert.throws(() => p.subcontainer('../x'), /Expected a subcontainer guid/)
  assert.throws(() => p.image(''), /Expected an image id/)
})
