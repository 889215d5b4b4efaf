import assert from 'node:assert/strict'
import { readFileSync, realpathSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { root, run } from '../package/helpers'
import { make, pathWithoutStartCli } from './helpers'

const EXAMPLE = join(root, 'examples/hello-world')

test('examples/hello-world has the standard package layout, resolved from this repository', () => {
  const manifest = JSON.parse(
    readFileSync(join(EXAMPLE, 'package.json'), 'utf8'),
  ) as {
    private: boolean
    scripts: Record<string, string>
    dependencies: Record<string, string>
    devDependencies: Record<string, string>
  }
  assert.equal(manifest.private, true)
  assert.equal(
    manifest.scripts['build'],
    'ncc build startos/index.ts -o javascript',
  )
  assert.equal(manifest.scripts['check'], 'tsc --noEmit')
  assert.equal(manifest.dependencies['@start9labs/start-sdk'], 'file:../..')
  assert.deepEqual(Object.keys(manifest.devDependencies).sort(), [
    '@types/node',
    '@vercel/ncc',
    'typescript',
  ])
  // The link `npm install` makes for "file:../..", kept in the repository.
  assert.equal(
    realpathSync(join(EXAMPLE, 'node_modules/@start9labs/start-sdk')),
    realpathSync(root),
  )
  assert.match(
    readFileSync(join(EXAMPLE, 'Makefile'), 'utf8'),
    /^include node_modules\/@start9labs\/start-sdk\/s9pk\.mk$/m,
  )
  const r = make(EXAMPLE, ['-s', 'print-PACKAGE_ID'], {
    ...process.env,
    PATH: pathWithoutStartCli(),
  })
  assert.equal(r.stdout.trim(), 'hello-world', r.stderr)
})

test('hello-world type-checks and bundles with ncc through its own scripts; the bundle has exactly the six exports', () => {
  run('npm', ['run', 'check'], EXAMPLE)
  run('npm', ['run', 'build'], EXAMPLE)
  const out = run(
    'node',
    [
      '-p',
      [
        "const m = require('./javascript/index.js')",
        'JSON.stringify({ keys: Object.keys(m).sort(), id: m.manifest.id, version: m.manifest.version, kinds: [m.main, m.init, m.uninit, m.createBackup].map((f) => typeof f) })',
      ].join(';'),
    ],
    EXAMPLE,
  )
  assert.deepEqual(JSON.parse(out), {
    keys: ['actions', 'createBackup', 'init', 'main', 'manifest', 'uninit'],
    id: 'hello-world',
    version: '1.0.0:0',
    kinds: ['function', 'function', 'function', 'function'],
  })
})

test('full-service bundles with ncc through its own scripts; the bundle has exactly the six exports', () => {
  const dir = join(EXAMPLE, '..', 'full-service')
  run('npm', ['run', 'build'], dir)
  const out = run(
    'node',
    [
      '-p',
      "JSON.stringify(Object.keys(require('./javascript/index.js')).sort())",
    ],
    dir,
  )
  assert.deepEqual(JSON.parse(out), [
    'actions',
    'createBackup',
    'init',
    'main',
    'manifest',
    'uninit',
  ])
})
