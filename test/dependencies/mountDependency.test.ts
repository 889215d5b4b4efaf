import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { mountDependency } from '../../lib/dependencies'
import { isSdkError } from '../../lib/errors'
import type { DepsRig } from './helpers'
import { depsRig, thrown } from './helpers'

describe('mountDependency', () => {
  let t: DepsRig
  before(async () => {
    t = await depsRig()
    t.sim.addPackage({ id: 'bitcoind', version: '28.0:0' })
  })
  after(() => t.stop())
  beforeEach(() => t.sim.clearCalls())

  test('calls mount with the dependency volume as target', async () => {
    const location = '/media/startos/subcontainers/abc/mnt/bitcoind'
    const mounted = await mountDependency(t.effects, {
      dependencyId: 'bitcoind',
      volumeId: 'main',
      subpath: 'blocks',
      readonly: true,
      location,
    })
    assert.equal(mounted, location)
    const [call] = t.sim.calls('mount')
    assert.deepEqual(call!.params, {
      location,
      target: {
        packageId: 'bitcoind',
        volumeId: 'main',
        subpath: 'blocks',
        readonly: true,
        idmap: [],
      },
    })
    assert.deepEqual(t.sim.state().mounts, [call!.params])
  })

  test('idmap ranges default to 1; a null subpath mounts the whole volume', async () => {
    await mountDependency(t.effects, {
      dependencyId: 'bitcoind',
      volumeId: 'main',
      subpath: null,
      readonly: false,
      location: '/mnt/rw',
      idmap: [
        { fromId: 1000, toId: 0 },
        { fromId: 2000, toId: 100, range: 50 },
      ],
    })
    assert.deepEqual(t.sim.calls('mount')[0]!.params, {
      location: '/mnt/rw',
      target: {
        packageId: 'bitcoind',
        volumeId: 'main',
        subpath: null,
        readonly: false,
        idmap: [
          { fromId: 1000, toId: 0, range: 1 },
          { fromId: 2000, toId: 100, range: 50 },
        ],
      },
    })
  })

  test('bad options are refused before any effect, naming the field', async () => {
    const base = {
      dependencyId: 'bitcoind',
      volumeId: 'main',
      subpath: null,
      readonly: true,
      location: '/mnt/x',
    }
    const cases: [Record<string, unknown>, string][] = [
      [
        { location: 'mnt/x' },
        'mountDependency: expected `location` to be an absolute path, got `"mnt/x"` (string); join the subcontainer\'s root filesystem and the mountpoint',
      ],
      [
        { dependencyId: '' },
        'mountDependency: expected `dependencyId` to be a non-empty string, got `""` (string); pass the dependency\'s package id',
      ],
      [{ volumeId: 3 }, 'expected `volumeId` to be a non-empty string'],
      [{ readonly: 'yes' }, 'expected `readonly` to be a boolean'],
      [{ subpath: 7 }, 'expected `subpath` to be a string or null'],
      [
        { idmap: [{ fromId: -1, toId: 0 }] },
        'expected `idmap[0].fromId` to be a non-negative integer, got `-1` (number)',
      ],
      [
        { idmap: [{ fromId: 0, toId: 0, range: 0 }] },
        'expected `idmap[0].range` to be a positive integer',
      ],
    ]
    for (const [patch, message] of cases) {
      const e = await thrown(() =>
        mountDependency(t.effects, { ...base, ...patch } as any),
      )
      assert.ok(isSdkError(e), message)
      assert.ok(e.message.includes(message), `${e.message} ⊉ ${message}`)
    }
    assert.deepEqual(t.sim.calls('mount'), [])
  })
})
