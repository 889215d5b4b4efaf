import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { test } from 'node:test'
import * as reference from 'start-sdk-reference'
import * as ours from '../../lib'

/** The runtime keys of a namespace object, sorted. */
const keysOf = (value: unknown): string[] =>
  Object.keys(value as Record<string, unknown>).sort()

test('every root export of 2.0.9 exists in ours, with the same kind', () => {
  const mine = ours as unknown as Record<string, unknown>
  const theirs = reference as unknown as Record<string, unknown>
  const missing = keysOf(theirs).filter((k) => !(k in mine))
  assert.deepEqual(missing, [])
  const kinds = keysOf(theirs)
    .filter((k) => typeof mine[k] !== typeof theirs[k])
    .map((k) => `${k}: ${typeof mine[k]} vs ${typeof theirs[k]}`)
  assert.deepEqual(kinds, [])
})

test('the namespaces hold what 2.0.9 has in them', () => {
  const mine = ours as unknown as Record<string, Record<string, unknown>>
  const theirs = reference as unknown as Record<string, Record<string, unknown>>
  const gaps: string[] = []
  for (const ns of [
    'utils',
    'inputSpec',
    'ISB',
    'IST',
    'daemons',
    'healthFns',
    'mainFn',
    'startSdk',
    'YAML',
    'TOML',
  ]) {
    for (const key of keysOf(theirs[ns])) {
      if (!(key in mine[ns])) gaps.push(`${ns}.${key}`)
    }
  }
  // cpExec/cpExecFile: promisified child_process helpers the daemons module re-exports in
  // 2.0.9; loading child_process at import is what we avoid (use node:child_process).
  assert.deepEqual(
    gaps.filter((g) => g !== 'daemons.cpExec' && g !== 'daemons.cpExecFile'),
    [],
  )
})

test('importing the package root loads neither yaml nor toml', () => {
  const entry = join(__dirname, '..', '..', 'lib', 'index.js')
  const r = spawnSync(
    process.execPath,
    [
      '-e',
      `require(${JSON.stringify(entry)}); const m = Object.keys(require.cache); console.log(JSON.stringify({ yaml: m.some((p) => p.includes('/node_modules/yaml/')), toml: m.some((p) => p.includes('/@iarna/toml/')) }))`,
    ],
    { encoding: 'utf8' },
  )
  assert.equal(r.status, 0, r.stderr)
  assert.deepEqual(JSON.parse(r.stdout), { yaml: false, toml: false })
})
