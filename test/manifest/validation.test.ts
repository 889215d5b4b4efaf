/*
 * Every manifest check: an invalid field fails with MANIFEST_INVALID, naming the field and
 * the fix. The reference accepts all of these silently.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import { buildManifest } from '../../lib/manifest'
import type { ManifestProblem, ManifestVersionSource } from '../../lib/manifest'
import type { SDKManifest } from '../../lib/types'
import { graph, manifest } from './fixtures'

/** The problems buildManifest reports (it must throw). */
function problems(
  extra: Record<string, unknown>,
  versions: ManifestVersionSource = graph(),
): ManifestProblem[] {
  try {
    buildManifest(versions, manifest(extra))
  } catch (e) {
    assert.ok(isSdkError(e, 'MANIFEST_INVALID'), String(e))
    return e.details?.problems as ManifestProblem[]
  }
  assert.fail('buildManifest accepted an invalid manifest')
}

/** The one problem reported, as `[field, message]`. */
function one(
  extra: Record<string, unknown>,
  versions?: ManifestVersionSource,
): [string, string] {
  const found = problems(extra, versions)
  assert.equal(found.length, 1, JSON.stringify(found))
  return [found[0].field, found[0].message]
}

const ID_RULE =
  'an id of lowercase letters and digits in words joined by "-" (such as "hello-world")'
const img = (spec: Record<string, unknown>) => ({
  images: { main: { source: { dockerTag: 'a' }, ...spec } },
})

test('the error message names the package and the field', () => {
  assert.throws(() => buildManifest(graph(), manifest({ id: 'Hello_World' })), {
    name: 'SdkError',
    code: 'MANIFEST_INVALID',
    message: `Invalid manifest of package "Hello_World": Expected \`id\` to be ${ID_RULE}, got \`"Hello_World"\` (string)`,
  })
})

test('package ids', () => {
  for (const id of [
    'Hello',
    'hello_world',
    '-hello',
    'hello-',
    'a--b',
    '',
    'héllo',
  ])
    assert.deepEqual(one({ id }), [
      'id',
      `Expected \`id\` to be ${ID_RULE}, got \`${JSON.stringify(id)}\` (string)`,
    ])
  assert.deepEqual(one({ id: undefined }), [
    'id',
    `Expected \`id\` to be ${ID_RULE}, got nothing (the field is missing)`,
  ])
  for (const id of ['hello', 'hello-world-2', 'x9'])
    assert.equal(buildManifest(graph(), manifest({ id })).id, id)
})

test('image architecture lists', () => {
  assert.deepEqual(one(img({ arch: ['x86_64', 'arm64'] })), [
    'images.main.arch[1]',
    'Expected `images.main.arch[1]` to be one of "x86_64", "aarch64", "riscv64", got `"arm64"` (string)',
  ])
  assert.deepEqual(one(img({ arch: ['x86_64', 'aarch64', 'x86_64'] })), [
    'images.main.arch[2]',
    'Architecture "x86_64" is listed twice in `images.main.arch`; list each architecture once',
  ])
  assert.equal(one(img({ arch: [] }))[0], 'images.main.arch')
  assert.equal(one(img({ arch: 'x86_64' }))[0], 'images.main.arch')
})

test('emulateMissingAs must be one of the listed architectures', () => {
  assert.deepEqual(
    one(img({ arch: ['aarch64'], emulateMissingAs: 'x86_64' })),
    [
      'images.main.emulateMissingAs',
      'Expected `images.main.emulateMissingAs` to be null or one of the image\'s architectures ("aarch64"), got `"x86_64"` (string). An image can only emulate an architecture it is built for',
    ],
  )
  assert.equal(
    one(img({ emulateMissingAs: 'mips' }))[0],
    'images.main.emulateMissingAs',
  )
  for (const emulateMissingAs of [null, 'riscv64', undefined])
    buildManifest(graph(), manifest(img({ emulateMissingAs })))
})

test('image sources, ids and flags', () => {
  assert.deepEqual(one({ images: { main: { source: 'packed' } } }), [
    'images.main.source',
    'Expected `images.main.source` to be { dockerTag: string } or { dockerBuild: { workdir?, dockerfile?, buildArgs? } }, got `"packed"` (string). "packed" is written by the packer, not by packages',
  ])
  assert.equal(
    one({ images: { main: { source: {} } } })[0],
    'images.main.source',
  )
  assert.equal(
    one({ images: { main: { source: { dockerTag: '' } } } })[0],
    'images.main.source.dockerTag',
  )
  assert.equal(
    one({
      images: { main: { source: { dockerBuild: { buildArgs: { A: 1 } } } } },
    })[0],
    'images.main.source.dockerBuild.buildArgs.A',
  )
  assert.equal(
    one({
      images: { main: { source: { dockerBuild: { dockerfile: 3 } } } },
    })[0],
    'images.main.source.dockerBuild.dockerfile',
  )
  assert.equal(
    one(img({ nvidiaContainer: 'yes' }))[0],
    'images.main.nvidiaContainer',
  )
  assert.equal(
    one({ images: { Main: { source: { dockerTag: 'a' } } } })[0],
    'images.Main',
  )
  assert.equal(one({ images: { main: 'a' } })[0], 'images.main')
  assert.equal(one({ images: [] })[0], 'images')
})

test('volume ids', () => {
  assert.deepEqual(one({ volumes: ['main', 'Main Data'] }), [
    'volumes[1]',
    `Expected \`volumes[1]\` to be ${ID_RULE}, got \`"Main Data"\` (string)`,
  ])
  assert.deepEqual(one({ volumes: ['main', 'main'] }), [
    'volumes[1]',
    'Volume "main" is listed twice in `volumes`; list each volume once',
  ])
  assert.equal(one({ volumes: 'main' })[0], 'volumes')
})

test('dependencies', () => {
  const dep = { description: null, optional: true, s9pk: null }
  assert.deepEqual(one({ dependencies: { 'Bitcoin Core': dep } }), [
    'dependencies["Bitcoin Core"]',
    `Expected \`dependencies["Bitcoin Core"]\` to be ${ID_RULE}, got \`"Bitcoin Core"\` (string)`,
  ])
  assert.deepEqual(one({ dependencies: { 'hello-world': dep } }), [
    'dependencies.hello-world',
    'Package "hello-world" lists itself in `dependencies`; remove that entry',
  ])
  assert.deepEqual(
    one({ dependencies: { tor: { description: null, optional: true } } }),
    [
      'dependencies.tor',
      'Dependency `tor` needs `metadata: { title, icon }` or `s9pk: <path or URL> | null` so StartOS can show it',
    ],
  )
  assert.equal(
    one({ dependencies: { tor: { ...dep, optional: 'no' } } })[0],
    'dependencies.tor.optional',
  )
  assert.equal(
    one({ dependencies: { tor: { ...dep, description: 5 } } })[0],
    'dependencies.tor.description',
  )
  assert.equal(
    one({ dependencies: { tor: { ...dep, s9pk: 5 } } })[0],
    'dependencies.tor.s9pk',
  )
  assert.equal(
    one({
      dependencies: {
        tor: { description: null, optional: true, metadata: { title: 'Tor' } },
      },
    })[0],
    'dependencies.tor.metadata.icon',
  )
  assert.equal(one({ dependencies: { tor: 'yes' } })[0], 'dependencies.tor')
  assert.equal(one({ dependencies: undefined })[0], 'dependencies')
})

test('plugins', () => {
  assert.deepEqual(one({ plugins: ['url-v1'] }), [
    'plugins[0]',
    'Expected `plugins[0]` to be one of "url-v0", got `"url-v1"` (string)',
  ])
  assert.deepEqual(one({ plugins: ['url-v0', 'url-v0'] }), [
    'plugins[1]',
    'Plugin "url-v0" is listed twice in `plugins`; list it once',
  ])
  assert.equal(one({ plugins: 'url-v0' })[0], 'plugins')
})

test('keys removed in 2.0 are refused with a migration hint', () => {
  assert.deepEqual(one({ alerts: { install: 'Careful' } }), [
    'alerts',
    '`alerts` was removed in start-sdk 2.0: StartOS no longer shows install, update, uninstall, restore, start or stop alerts from the manifest. Delete the `alerts` key',
  ])
  assert.deepEqual(one({ nestedRuntime: true }), [
    'nestedRuntime',
    '`nestedRuntime` was removed in start-sdk 2.0. Replace it with `userspaceFilesystems: true` (mounts /dev/fuse, for a nested rootless container runtime) and/or `virtualNetworking: true` (mounts /dev/net/tun)',
  ])
  // Even when undefined: the key itself is the mistake.
  assert.equal(one({ alerts: undefined })[0], 'alerts')
})

test('text fields, descriptions and osVersion', () => {
  assert.equal(one({ title: '' })[0], 'title')
  assert.equal(one({ license: 3 })[0], 'license')
  assert.equal(one({ donationUrl: undefined })[0], 'donationUrl')
  assert.equal(one({ description: 'Hi' })[0], 'description')
  assert.deepEqual(one({ description: { short: 1, long: 'x' } }), [
    'description.short',
    'Expected `description.short` to be a string or a map from locale to string (such as { en_US: "…" }), got `1` (number)',
  ])
  assert.equal(
    one({ description: { short: 'x', long: { en_US: 1 } } })[0],
    'description.long',
  )
  assert.deepEqual(one({ osVersion: 'latest' }), [
    'osVersion',
    'Expected `osVersion` to be a StartOS version such as "0.4.0-beta.10", got `"latest"` (string). Remove it to target the version this SDK was built for',
  ])
})

test('descriptions longer than the documented 80/500 characters are accepted', () => {
  const long = 'x'.repeat(602)
  const out = buildManifest(
    graph(),
    manifest({ description: { short: 'y'.repeat(90), long } }),
  )
  assert.equal(out.description.long, long)
})

test('hardware requirements and flags', () => {
  assert.equal(
    one({ hardwareRequirements: { ram: -1 } })[0],
    'hardwareRequirements.ram',
  )
  assert.equal(
    one({ hardwareRequirements: { ram: '8G' } })[0],
    'hardwareRequirements.ram',
  )
  assert.equal(one({ hardwareRequirements: [] })[0], 'hardwareRequirements')
  assert.equal(
    one({ hardwareRequirements: { device: {} } })[0],
    'hardwareRequirements.device',
  )
  const device = {
    class: 'display',
    description: 'GPU',
    product: null,
    vendor: null,
  }
  assert.equal(
    one({ hardwareRequirements: { device: [{ ...device, class: 'gpu' }] } })[0],
    'hardwareRequirements.device[0].class',
  )
  assert.equal(
    one({ hardwareRequirements: { device: [{ ...device, vendor: 1 }] } })[0],
    'hardwareRequirements.device[0].vendor',
  )
  assert.equal(
    one({
      hardwareRequirements: { device: [{ ...device, capabilities: [1] }] },
    })[0],
    'hardwareRequirements.device[0].capabilities',
  )
  assert.equal(
    one({ hardwareRequirements: { device: ['x'] } })[0],
    'hardwareRequirements.device[0]',
  )
  for (const key of [
    'hardwareAcceleration',
    'userspaceFilesystems',
    'virtualNetworking',
  ])
    assert.deepEqual(one({ [key]: 'true' }), [
      key,
      `Expected \`${key}\` to be \`true\`, \`false\` or absent, got \`"true"\` (string)`,
    ])
})

test('the version graph', () => {
  assert.deepEqual(one({}, graph({ version: '1.0' })), [
    'versions.current.options.version',
    'Expected `versions.current.options.version` to be an extended version such as "1.2.3:0", got `"1.0"` (string)',
  ])
  assert.equal(
    one({}, graph({ satisfies: ['1.0:0', 'x'] }))[0],
    'versions.current.options.satisfies[1]',
  )
  assert.equal(
    one({}, graph({ releaseNotes: 3 as unknown as string }))[0],
    'versions.current.options.releaseNotes',
  )
  const bad = { ...graph(), canMigrateTo: () => 'not a range' }
  const [field, message] = one({}, bad)
  assert.equal(field, 'canMigrateTo')
  assert.match(
    message,
    /^Expected `versions.canMigrateTo\(\)` to return a version range, got `not a range`: /,
  )
  assert.equal(
    one({}, { current: {} } as unknown as ManifestVersionSource)[0],
    'versions.current.options',
  )
  const noRanges = {
    current: graph().current,
  } as unknown as ManifestVersionSource
  assert.deepEqual(
    problems({}, noRanges).map((p) => p.field),
    ['canMigrateTo', 'canMigrateFrom'],
  )
})

test('every problem is reported at once', () => {
  const found = problems(
    { id: 'X', volumes: ['a', 'a'], alerts: {} },
    graph({ version: 'x' }),
  )
  assert.deepEqual(
    found.map((p) => p.field),
    ['alerts', 'id', 'volumes[1]', 'versions.current.options.version'],
  )
  assert.throws(
    () => buildManifest(graph(), manifest({ id: 'X', title: '' })),
    (e: Error) => {
      assert.equal(
        e.message,
        `Invalid manifest of package "X" (2 problems):\n- Expected \`id\` to be ${ID_RULE}, got \`"X"\` (string)\n- Expected \`title\` to be a non-empty string, got \`""\` (string)`,
      )
      return true
    },
  )
})

test('a manifest that is not an object', () => {
  for (const m of [null, 'hello', []])
    assert.throws(() => buildManifest(graph(), m as unknown as SDKManifest), {
      code: 'MANIFEST_INVALID',
      message: new RegExp(
        `^Invalid manifest: Expected \`\\(the manifest\\)\` to be an object`,
      ),
    })
})
