/*
 * buildManifest against the reference (`start-sdk-reference` = @start9labs/start-sdk 2.0.9):
 * the same inputs give the same manifest, keys in the same order, without touching the inputs.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import {
  VersionGraph,
  VersionInfo,
  buildManifest as refBuildManifest,
  setupManifest as refSetupManifest,
  startSdk,
} from 'start-sdk-reference'
import {
  OSVersion,
  SDK_VERSION,
  buildManifest,
  setupManifest,
} from '../../lib/manifest'
import type { ManifestVersionSource } from '../../lib/manifest'
import type { SDKManifest } from '../../lib/types'
import { deepFreeze, graph, manifest, objectsIn } from './fixtures'

/** The reference's result on a copy (it fills image defaults into its input). */
function reference(versions: ManifestVersionSource, m: SDKManifest): unknown {
  return refBuildManifest(versions as never, structuredClone(m) as never)
}

function same(versions: ManifestVersionSource, m: SDKManifest): unknown {
  const ours = buildManifest(versions, m)
  const theirs = reference(versions, m)
  assert.deepEqual(ours, theirs)
  assert.equal(JSON.stringify(ours), JSON.stringify(theirs), 'key order')
  return ours
}

const cases: Record<string, Record<string, unknown>> = {
  'a minimal manifest': {},
  'images with every arch and emulation combination': {
    images: {
      main: { source: { dockerTag: 'a' } },
      both: {
        source: { dockerTag: 'b' },
        arch: ['x86_64', 'aarch64'],
        emulateMissingAs: null,
      },
      risc: { source: { dockerTag: 'c' }, arch: ['riscv64', 'aarch64'] },
      arm: {
        source: { dockerTag: 'd' },
        arch: ['aarch64'],
        emulateMissingAs: null,
        nvidiaContainer: true,
      },
      emu: {
        source: {
          dockerBuild: { workdir: '.', buildArgs: { A: 'x', B: { env: 'B' } } },
        },
        arch: ['aarch64', 'riscv64'],
        emulateMissingAs: 'riscv64',
      },
    },
  },
  'no image without emulation': {
    images: { a: { source: { dockerTag: 'a' }, arch: ['x86_64'] } },
  },
  'disjoint native images': {
    images: {
      a: {
        source: { dockerTag: 'a' },
        arch: ['aarch64'],
        emulateMissingAs: null,
      },
      b: {
        source: { dockerTag: 'b' },
        arch: ['x86_64'],
        emulateMissingAs: null,
      },
    },
  },
  'no images': { images: {} },
  'every optional field set': {
    osVersion: '0.3.6',
    description: { short: { en_US: 'Hi', es_ES: 'Hola' }, long: 'Long' },
    dependencies: {
      bitcoind: {
        description: { en_US: 'Blocks' },
        optional: false,
        metadata: { title: 'Bitcoin', icon: 'https://x/icon.svg' },
      },
      tor: { description: null, optional: true, s9pk: null },
    },
    hardwareRequirements: {
      device: [
        { class: 'display', description: 'A GPU', product: 'x', vendor: null },
      ],
      ram: 8192,
    },
    hardwareAcceleration: true,
    userspaceFilesystems: true,
    virtualNetworking: false,
    plugins: ['url-v0'],
    volumes: ['main', 'cache'],
  },
  'an unknown extra key': { 'x-note': { kept: [1, 2] } },
}

for (const [name, extra] of Object.entries(cases)) {
  test(`buildManifest matches the reference: ${name}`, () => {
    same(
      graph({ satisfies: ['1.1.0:0'], releaseNotes: { en_US: 'Notes' } }),
      manifest(extra),
    )
  })
}

test('buildManifest matches the reference with a real reference VersionGraph', () => {
  const v1 = VersionInfo.of({
    version: '1.0.0:0',
    releaseNotes: 'one',
    migrations: {},
  })
  const v2 = VersionInfo.of({
    version: '1.1.0:0',
    releaseNotes: { en_US: 'two' },
    migrations: {
      up: async () => {},
      other: { '>=0.5:0 && <1.0.0:0': { up: async () => {} } },
    },
  }).satisfies('1.0.9:0')
  const v3 = VersionInfo.of({
    version: '2.0.0:1',
    releaseNotes: 'three',
    migrations: { down: async () => {} },
  })
  for (const current of [v1, v2, v3]) {
    const g = VersionGraph.of({
      current,
      other: [v1, v2, v3].filter((v) => v !== current),
    })
    const out = same(g, manifest()) as {
      version: string
      canMigrateFrom: string
    }
    assert.equal(out.version, current.options.version)
  }
})

test('canMigrateFrom/To are normalized even when the graph returns an unnormalized range', () => {
  const out = buildManifest(
    graph({
      from: '(>=1.0:0 && <=2.0:0) || >=1.5:0',
      to: '>=1.0:0 || >=2.0:0',
    }),
    manifest(),
  )
  assert.equal(out.canMigrateFrom, '>=1.0:0')
  assert.equal(out.canMigrateTo, '>=1.0:0')
})

test('defaults and derivations', () => {
  const out = buildManifest(
    graph(),
    manifest({
      images: {
        main: { source: { dockerTag: 'a' } },
        risc: { source: { dockerTag: 'b' }, arch: ['riscv64', 'aarch64'] },
        one: {
          source: { dockerTag: 'c' },
          arch: ['riscv64', 'x86_64', 'aarch64'],
          emulateMissingAs: null,
        },
        two: {
          source: { dockerTag: 'd' },
          arch: ['x86_64', 'aarch64'],
          emulateMissingAs: null,
        },
      },
    }),
  )
  assert.deepEqual(out.images.main, {
    source: { dockerTag: 'a' },
    arch: ['aarch64', 'x86_64', 'riscv64'],
    emulateMissingAs: 'x86_64',
    nvidiaContainer: false,
  })
  assert.equal(out.images.risc.emulateMissingAs, 'riscv64')
  // Shared by the non-emulating images, in the first such image's order.
  assert.deepEqual(out.hardwareRequirements, {
    device: [],
    ram: null,
    arch: ['x86_64', 'aarch64'],
  })
  assert.equal(out.osVersion, OSVersion)
  assert.equal(out.sdkVersion, SDK_VERSION)
  assert.equal(out.gitHash, null)
  assert.deepEqual(out.plugins, [])
  assert.equal(out.hardwareAcceleration, false)
  assert.equal(out.userspaceFilesystems, false)
  assert.equal(out.virtualNetworking, false)
  assert.equal(out.version, '1.2.0:0')
  assert.equal(out.releaseNotes, 'Fixes')
  assert.deepEqual(out.satisfies, [])
})

test('OSVersion is the reference one', () => {
  assert.equal(OSVersion, startSdk.OSVersion)
})

test('SDK_VERSION is the version in package.json', () => {
  const pkg = JSON.parse(
    readFileSync(join(__dirname, '../../../package.json'), 'utf8'),
  ) as { version: string }
  assert.equal(SDK_VERSION, pkg.version)
})

test('buildManifest neither mutates its inputs nor shares objects with them', () => {
  const versions = graph({
    satisfies: ['1.0.0:0'],
    releaseNotes: { en_US: 'n' },
  })
  const input = manifest(cases['every optional field set'])
  const images =
    cases['images with every arch and emulation combination'].images
  const m = deepFreeze({ ...input, images } as SDKManifest)
  const before = structuredClone(m)
  deepFreeze(versions.current)
  const out = buildManifest(versions, m)
  assert.deepEqual(m, before)
  const inputs = objectsIn(m, objectsIn(versions.current))
  for (const o of objectsIn(out))
    assert.ok(!inputs.has(o), 'shares an object with the input')
  // The result is the caller's to change.
  out.images.main.arch.push('x')
  assert.deepEqual(buildManifest(versions, m).images.main.arch, [
    'aarch64',
    'x86_64',
    'riscv64',
  ])
})

test('setupManifest returns its argument', () => {
  const m = manifest()
  assert.equal(setupManifest(m), m)
  assert.equal(refSetupManifest(m as never), m)
})

test('a __proto__ key in the data is copied as data', () => {
  const m = JSON.parse(JSON.stringify(manifest())) as Record<string, unknown>
  m['x-extra'] = JSON.parse('{"__proto__": {"polluted": true}}')
  const out = buildManifest(
    graph(),
    m as unknown as SDKManifest,
  ) as unknown as Record<string, Record<string, unknown>>
  assert.deepEqual(Object.keys(out['x-extra']), ['__proto__'])
  assert.equal(({} as Record<string, unknown>).polluted, undefined)
  assert.equal(Object.getPrototypeOf(out['x-extra']), Object.prototype)
})
