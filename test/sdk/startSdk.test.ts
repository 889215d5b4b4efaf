import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { StartSdk as ReferenceSdk } from 'start-sdk-reference'
import type { Effects } from '../../lib/effects'
import { isSdkError } from '../../lib/errors'
import { STARTOS_ROOT_ENV } from '../../lib/paths'
import { StartSdk, Volume } from '../../lib/sdk'
import { isUseEntrypoint } from '../../lib/types'
import type { SDKManifest } from '../../lib/types'

const manifest = {
  id: 'hello',
  volumes: ['main', 'logs'],
  images: { main: {} },
  dependencies: {},
} as unknown as SDKManifest & { volumes: ['main', 'logs'] }

const withPlugin = { ...manifest, plugins: ['url-v0'] } as typeof manifest & {
  plugins: 'url-v0'[]
}

/** Every key, and the keys of every plain namespace object one level down. */
function shape(sdk: Record<string, unknown>): string[] {
  const out: string[] = []
  for (const key of Object.keys(sdk).sort()) {
    out.push(key)
    const value = sdk[key]
    const skip = ['manifest', 'patterns', 'volumes']
    if (
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      !skip.includes(key)
    ) {
      for (const inner of Object.keys(value).sort()) out.push(`${key}.${inner}`)
    }
  }
  return out
}

test('the built sdk has exactly the keys and namespaces of 2.0.9', () => {
  const ours = StartSdk.of().withManifest(withPlugin).build(true)
  const reference = ReferenceSdk.of()
    .withManifest(withPlugin as never)
    .build(true as never)
  assert.deepEqual(
    shape(ours as unknown as Record<string, unknown>),
    shape(reference as unknown as Record<string, unknown>),
  )
})

test('build(true) without a manifest is refused with the fix', () => {
  assert.throws(
    () => (StartSdk.of().build as (x: unknown) => unknown)(true),
    (e: unknown) =>
      isSdkError(e, 'MANIFEST_INVALID') && /withManifest/.test(String(e)),
  )
})

test('effect wrappers call the effect with the same arguments', async () => {
  const calls: [string, unknown[]][] = []
  const effects = new Proxy(
    {},
    {
      get:
        (_, name) =>
        (...args: unknown[]) => {
          calls.push([String(name), args])
          return Promise.resolve(`ok:${String(name)}`)
        },
    },
  ) as Effects
  const sdk = StartSdk.of().withManifest(manifest).build(true)
  assert.equal(await sdk.restart(effects), 'ok:restart')
  await sdk.setHealth(effects, {
    id: 'web',
    name: 'Web',
    result: 'success',
    message: null,
  })
  await sdk.getSslKey(effects, { hostnames: ['a.local'] })
  assert.deepEqual(calls, [
    ['restart', []],
    [
      'setHealth',
      [{ id: 'web', name: 'Web', result: 'success', message: null }],
    ],
    ['getSslKey', [{ hostnames: ['a.local'] }]],
  ])
})

test('useEntrypoint, nullIfEmpty, plugin.url and the bound factories', () => {
  const sdk = StartSdk.of().withManifest(manifest).build(true)
  const entry = sdk.useEntrypoint(['--flag'])
  assert.ok(isUseEntrypoint(entry))
  assert.deepEqual(entry.overridCmd, ['--flag'])
  assert.equal(sdk.nullIfEmpty({}), null)
  assert.deepEqual(sdk.nullIfEmpty({ a: 1 }), { a: 1 })
  assert.equal(sdk.plugin.url, null)
  const plugged = StartSdk.of().withManifest(withPlugin).build(true)
  assert.equal(typeof plugged.plugin.url?.register, 'function')
  assert.equal(typeof sdk.Daemon.of, 'function')
  assert.deepEqual(sdk.Mounts.of().build(), [])
  assert.equal(sdk.manifest, manifest)
})

test('volumes: one per manifest id, paths under the StartOS root, no escape', async () => {
  const root = mkdtempSync(join(tmpdir(), 'start-sdk-volumes-'))
  const before = process.env[STARTOS_ROOT_ENV]
  process.env[STARTOS_ROOT_ENV] = root
  try {
    const sdk = StartSdk.of().withManifest(manifest).build(true)
    assert.deepEqual(Object.keys(sdk.volumes), ['main', 'logs'])
    assert.ok(sdk.volumes.main instanceof Volume)
    const main = sdk.volumes.main
    assert.equal(main.path, join(root, 'media/startos/volumes/main'))
    assert.equal(main.subpath('a/b.txt'), join(main.path, 'a/b.txt'))
    assert.equal(main.subpath('/a/./b.txt'), join(main.path, 'a/b.txt'))
    assert.throws(() => main.subpath('../logs/x'), /leaves the volume/)
    await main.writeFile('deep/dir/config.json', '{"a":1}')
    assert.equal(
      readFileSync(join(main.path, 'deep/dir/config.json'), 'utf8'),
      '{"a":1}',
    )
    assert.equal(await main.readFile('deep/dir/config.json', 'utf8'), '{"a":1}')
  } finally {
    if (before === undefined) delete process.env[STARTOS_ROOT_ENV]
    else process.env[STARTOS_ROOT_ENV] = before
    rmSync(root, { recursive: true, force: true })
  }
})
