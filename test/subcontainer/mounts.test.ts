import assert from 'node:assert/strict'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import { Mounts, SubContainer } from '../../lib/subcontainer'
import type { Lab, TestManifest } from './helpers'
import { lab } from './helpers'

let l: Lab
before(async () => {
  l = await lab()
})
after(() => l.close())

type Bitcoind = { id: 'bitcoind'; volumes: ['main', 'blocks'] }

test('Mounts is immutable and builds every kind with defaults filled in', () => {
  const empty = Mounts.of<TestManifest>()
  const one = empty.mountVolume({
    volumeId: 'main',
    subpath: null,
    mountpoint: '/data',
    readonly: false,
  })
  const all = one
    .mountAssets({ subpath: 'web', mountpoint: '/www', type: 'infer' })
    .mountDependency<Bitcoind>({
      dependencyId: 'bitcoind',
      volumeId: 'blocks',
      subpath: 'chain',
      mountpoint: '/mnt/blocks',
      readonly: true,
      idmap: [{ fromId: 1000, toId: 0 }],
    })
  assert.deepEqual(empty.build(), [])
  assert.equal(one.build().length, 1, 'adding returned a new Mounts')
  assert.ok(Object.isFrozen(all.volumes))
  assert.deepEqual(all.build(), [
    {
      mountpoint: '/data',
      options: {
        type: 'volume',
        volumeId: 'main',
        subpath: null,
        readonly: false,
        filetype: 'directory',
        idmap: [],
      },
    },
    {
      mountpoint: '/www',
      options: { type: 'assets', subpath: 'web', filetype: 'infer', idmap: [] },
    },
    {
      mountpoint: '/mnt/blocks',
      options: {
        type: 'pointer',
        packageId: 'bitcoind',
        volumeId: 'blocks',
        subpath: 'chain',
        readonly: true,
        idmap: [{ fromId: 1000, toId: 0, range: 1 }],
      },
    },
  ])
})

test('Mounts refuses a second mount at the same place and bad options, naming the field', () => {
  const m = Mounts.of<TestManifest>().mountVolume({
    volumeId: 'main',
    subpath: null,
    mountpoint: '/data',
    readonly: false,
  })
  assert.throws(
    () => m.mountAssets({ subpath: null, mountpoint: '/data/' }),
    (e: unknown) =>
      isSdkError(e) &&
      /Mounts: expected `mountpoint` to be unique, got `"\/data\/"`.*"\/data" is already mounted there/.test(
        e.message,
      ),
  )
  assert.throws(
    () =>
      m.mountVolume({
        volumeId: 'logs',
        subpath: null,
        mountpoint: '/logs',
        readonly: false,
        idmap: [{ fromId: 1, toId: 2, range: 0 }],
      }),
    /Mounts.mountVolume: expected `idmap\[0\].range` to be a positive integer, got `0` \(number\)/,
  )
  assert.throws(
    () =>
      m.mountVolume({
        volumeId: 'logs',
        subpath: null,
        mountpoint: '',
        readonly: false,
      }),
    /expected `mountpoint` to be a non-empty path/,
  )
  assert.throws(
    () =>
      m.mountVolume({
        volumeId: '' as 'main',
        subpath: null,
        mountpoint: '/x',
        readonly: false,
      }),
    /expected `volumeId` to be a non-empty volume id/,
  )
})

test('a hand-made Mounts with two mounts at one place fails the subcontainer before anything is created', async () => {
  const created = l.created()
  const twice = {
    volumeId: 'main',
    subpath: null,
    mountpoint: '/x',
    readonly: false,
  } as const
  const bad = new Mounts<TestManifest>([twice, { ...twice, mountpoint: '/x/' }])
  await assert.rejects(
    SubContainer.eager<TestManifest>(
      l.effects(),
      { imageId: 'main' },
      bad,
      'dup',
    ),
    /Mounts: expected `mountpoint` to be unique/,
  )
  const lazy = SubContainer.of<TestManifest>(
    l.effects(),
    { imageId: 'main' },
    bad,
    'dup',
  )
  await assert.rejects(lazy.exec(['true']), /to be unique/)
  assert.equal(l.created(), created)
})

test('volumes, assets and a dependency are mounted with their idmaps when the subcontainer materializes', async () => {
  const paths = join(l.root, 'media/startos')
  mkdirSync(join(paths, 'volumes/main/conf'), { recursive: true })
  writeFileSync(join(paths, 'volumes/main/conf/app.toml'), 'port = 80\n')
  mkdirSync(join(paths, 'assets/web'), { recursive: true })
  writeFileSync(join(paths, 'assets/web/index.html'), '<h1>hi</h1>')
  writeFileSync(join(paths, 'assets/motd'), 'welcome\n')
  const mounts = Mounts.of<TestManifest>()
    .mountVolume({
      volumeId: 'main',
      subpath: 'conf',
      mountpoint: '/etc/app',
      readonly: false,
      idmap: [{ fromId: 1000, toId: 0, range: 65536 }],
    })
    .mountVolume({
      volumeId: 'logs',
      subpath: null,
      mountpoint: '/var/log/app',
      readonly: false,
    })
    .mountAssets({ subpath: 'web', mountpoint: '/srv/www' })
    .mountAssets({
      subpath: 'motd',
      mountpoint: '/etc/motd',
      type: 'file',
      idmap: [{ fromId: 5, toId: 6 }],
    })
    .mountDependency<Bitcoind>({
      dependencyId: 'bitcoind',
      volumeId: 'main',
      subpath: null,
      mountpoint: '/mnt/bitcoind',
      readonly: true,
      idmap: [{ fromId: 1000, toId: 1000, range: 10 }],
    })
  const sub = SubContainer.of<TestManifest>(
    l.effects(),
    { imageId: 'main' },
    mounts,
    'mounted',
  )
  assert.equal(sub.mounts, mounts)
  const rootfs = await sub.rootfs

  const read = async (path: string): Promise<string> =>
    String((await sub.execFail(['cat', join(rootfs, path)])).stdout)
  assert.equal(await read('etc/app/app.toml'), 'port = 80\n')
  assert.equal(await read('srv/www/index.html'), '<h1>hi</h1>')
  assert.equal(await read('etc/motd'), 'welcome\n')
  await sub.execFail([
    'sh',
    '-c',
    `echo line > ${join(rootfs, 'var/log/app/app.log')}`,
  ])
  assert.equal(
    readFileSync(join(paths, 'volumes/logs/app.log'), 'utf8'),
    'line\n',
    'writes reach the volume',
  )

  const binds = l
    .launches()
    .filter((a) => a[0] === 'bind-mount' && a[4].startsWith(rootfs))
  const byTarget = new Map(binds.map((a) => [a[4].slice(rootfs.length), a]))
  assert.deepEqual(byTarget.get('/etc/app'), [
    'bind-mount',
    '--source',
    join(paths, 'volumes/main/conf'),
    '--target',
    join(rootfs, 'etc/app'),
    '--recursive',
    '--idmap',
    '1000:0:65536',
  ])
  assert.deepEqual(byTarget.get('/etc/motd')?.slice(5), [
    '--recursive',
    '--file',
    '--idmap',
    '5:6:1',
  ])
  assert.deepEqual(byTarget.get('/srv/www')?.slice(2, 3), [
    join(paths, 'assets/web'),
  ])
  for (const system of ['/dev', '/sys']) {
    assert.deepEqual(byTarget.get(system)?.slice(0, 3), [
      'bind-mount',
      '--source',
      system,
    ])
  }
  assert.equal(byTarget.has('/run'), false, 'no sharedRun, no /run')

  const mount = l.sim.calls('mount').at(-1)
  assert.deepEqual(mount?.params, {
    location: join(rootfs, 'mnt/bitcoind'),
    target: {
      packageId: 'bitcoind',
      volumeId: 'main',
      subpath: null,
      readonly: true,
      idmap: [{ fromId: 1000, toId: 1000, range: 10 }],
    },
  })
  await sub.destroy()
  assert.equal(
    readFileSync(join(paths, 'volumes/main/conf/app.toml'), 'utf8'),
    'port = 80\n',
    'destroy leaves volumes alone',
  )
})

test('mount() adds mounts to a live subcontainer; sharedRun binds /run', async () => {
  const sub = await SubContainer.eager<TestManifest>(
    l.effects(),
    { imageId: 'main', sharedRun: true },
    null,
    'later',
  )
  const run = l
    .launches()
    .find((a) => a[0] === 'bind-mount' && a[4] === join(sub.rootfs, 'run'))
  assert.deepEqual(run?.slice(0, 3), ['bind-mount', '--source', '/run'])
  const extra = Mounts.of<TestManifest>().mountVolume({
    volumeId: 'main',
    subpath: 'fresh/dir',
    mountpoint: '/fresh',
    readonly: false,
  })
  assert.equal(await sub.mount(extra), sub)
  await sub.execFail(['sh', '-c', `echo x > ${sub.subpath('/fresh/x')}`])
  assert.equal(
    readFileSync(
      join(l.root, 'media/startos/volumes/main/fresh/dir/x'),
      'utf8',
    ),
    'x\n',
    'a missing volume subpath is created',
  )
  await sub.destroy()
  await assert.rejects(sub.mount(extra), /Cannot mount: .* already destroyed/)
})
