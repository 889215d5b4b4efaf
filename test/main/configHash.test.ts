import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Effects } from '../../lib/effects'
import { configHash } from '../../lib/main'
import type { DaemonEntry, Ready } from '../../lib/main'
import { Mounts, SubContainer } from '../../lib/subcontainer'
import type { SDKManifest } from '../../lib/types'
import { UseEntrypoint } from '../../lib/types'

type M = SDKManifest & {
  readonly images: { main: SDKManifest['images'][string] }
  readonly volumes: ['main', 'logs']
}
type Entry = DaemonEntry<M>
type DaemonKind = Extract<Entry, { kind: 'daemon' }>

/** Lazy handles never call their effects until used, and these never are. */
const effects = {} as Effects

function lazy(
  name = 'web',
  options: { imageId?: string; sharedRun?: boolean; volume?: string } = {},
) {
  const mounts =
    options.volume === undefined
      ? null
      : Mounts.of<M>().mountVolume({
          volumeId: options.volume as 'main',
          subpath: null,
          mountpoint: '/data',
          readonly: false,
        })
  return SubContainer.of<M>(
    effects,
    {
      imageId: (options.imageId ?? 'main') as 'main',
      sharedRun: options.sharedRun ?? false,
    },
    mounts,
    name,
  )
}

const ready = (over: Partial<Ready> = {}): Ready => ({
  display: 'Web',
  fn: () => ({ result: 'success', message: null }),
  ...over,
})

function daemon(over: Partial<DaemonKind> = {}): Entry {
  return {
    kind: 'daemon',
    id: 'web',
    subcontainer: lazy(),
    exec: { command: ['serve', '--port', '80'], env: { A: '1' } },
    ready: ready(),
    requires: ['db', 'cache'],
    prebuiltDaemon: null,
    ...over,
  }
}

const hash = (entry: Entry): string => configHash(entry)

describe('configHash', () => {
  it('is stable for equal entries built separately, and is canonical JSON', () => {
    const a = hash(daemon())
    assert.equal(a, hash(daemon()))
    const parsed = JSON.parse(a) as Record<string, unknown>
    assert.deepEqual(Object.keys(parsed), [...Object.keys(parsed)].sort())
    assert.equal(parsed.kind, 'daemon')
    assert.deepEqual(parsed.requires, ['cache', 'db'])
  })

  it('changes with each hashed field of a daemon', () => {
    const base = hash(daemon())
    const changed: [string, Entry][] = [
      ['id', daemon({ id: 'web2' })],
      ['kind', { ...(daemon() as DaemonKind), kind: 'oneshot' } as Entry],
      ['requires', daemon({ requires: ['db'] })],
      ['imageId', daemon({ subcontainer: lazy('web', { imageId: 'other' }) })],
      ['sharedRun', daemon({ subcontainer: lazy('web', { sharedRun: true }) })],
      ['name', daemon({ subcontainer: lazy('web-2') })],
      ['mounts', daemon({ subcontainer: lazy('web', { volume: 'main' }) })],
      ['no subcontainer', daemon({ subcontainer: null })],
      ['argv', daemon({ exec: { command: ['serve', '--port', '81'] } })],
      [
        'string vs argv',
        daemon({ exec: { command: 'serve --port 80', env: { A: '1' } } }),
      ],
      [
        'entrypoint',
        daemon({ exec: { command: new UseEntrypoint(), env: { A: '1' } } }),
      ],
      ['env', daemon({ exec: { command: ['serve', '--port', '80'] } })],
      [
        'env value',
        daemon({
          exec: { command: ['serve', '--port', '80'], env: { A: '2' } },
        }),
      ],
      ['cwd', daemon({ exec: { ...execOf(), cwd: '/srv' } })],
      ['user', daemon({ exec: { ...execOf(), user: 'root' } })],
      ['runAsInit', daemon({ exec: { ...execOf(), runAsInit: true } })],
      ['sigtermTimeout', daemon({ exec: { ...execOf(), sigtermTimeout: 5 } })],
      ['fn form', daemon({ exec: { fn: async () => null } })],
      ['display', daemon({ ready: ready({ display: 'Website' }) })],
      ['display null', daemon({ ready: ready({ display: null }) })],
      ['gracePeriod', daemon({ ready: ready({ gracePeriod: 5_000 }) })],
    ]
    const seen = new Set([base])
    for (const [field, entry] of changed) {
      const h = hash(entry)
      assert.notEqual(h, base, `${field} must change the hash`)
      seen.add(h)
    }
    assert.equal(seen.size, changed.length + 1, 'every change hashes apart')
  })

  it('tells entrypoint overrides apart', () => {
    const a = daemon({ exec: { command: new UseEntrypoint(['--a']) } })
    const b = daemon({ exec: { command: new UseEntrypoint(['--b']) } })
    const c = daemon({ exec: { command: new UseEntrypoint() } })
    assert.equal(new Set([a, b, c].map(hash)).size, 3)
  })

  it('ignores what it cannot or should not compare', () => {
    const base = hash(daemon())
    const same: [string, Entry][] = [
      [
        'ready.fn',
        daemon({
          ready: ready({ fn: () => ({ result: 'failure', message: 'x' }) }),
        }),
      ],
      [
        'ready.trigger',
        daemon({
          ready: ready({
            trigger: () => ({
              next: async () => ({ done: true, value: undefined }),
            }),
          }),
        }),
      ],
      [
        'onStdout/onStderr',
        daemon({ exec: { ...execOf(), onStdout: () => 1, onStderr: () => 2 } }),
      ],
      [
        'a new lazy handle with the same descriptor',
        daemon({ subcontainer: lazy() }),
      ],
      [
        'runAsInit false = default',
        daemon({ exec: { ...execOf(), runAsInit: false } }),
      ],
      [
        'cwd undefined = absent',
        daemon({ exec: { ...execOf(), cwd: undefined } }),
      ],
      ['requires order', daemon({ requires: ['cache', 'db'] })],
    ]
    for (const [field, entry] of same) {
      assert.equal(hash(entry), base, `${field} must not change the hash`)
    }
  })

  it('ignores the function body and sigtermTimeout of a function daemon', () => {
    const a = daemon({ subcontainer: null, exec: { fn: async () => null } })
    const b = daemon({
      subcontainer: null,
      exec: { fn: async () => null, sigtermTimeout: 9 },
    })
    assert.equal(hash(a), hash(b))
    assert.deepEqual((JSON.parse(hash(a)) as { exec: unknown }).exec, {
      __fn: true,
    })
  })

  it('does not see prebuilt daemons', () => {
    const prebuilt = {
      fake: 'daemon',
    } as unknown as DaemonKind['prebuiltDaemon']
    assert.equal(hash(daemon({ prebuiltDaemon: prebuilt })), hash(daemon()))
  })

  it('marks an eager subcontainer as unhashable', () => {
    const eagerLike = {
      imageId: 'main',
      rootfs: '/x',
      guid: 'g',
      destroy: async () => undefined,
    } as unknown as DaemonKind['subcontainer']
    const parsed = JSON.parse(hash(daemon({ subcontainer: eagerLike }))) as {
      subcontainer: unknown
    }
    assert.deepEqual(parsed.subcontainer, { __unhashable: true })
  })

  it('does not depend on key order (env, exec options, mounts)', () => {
    const a = daemon({
      exec: { command: ['x'], env: { A: '1', B: '2' }, cwd: '/a', user: 'u' },
    })
    const b = daemon({
      exec: { user: 'u', cwd: '/a', env: { B: '2', A: '1' }, command: ['x'] },
    })
    assert.equal(hash(a), hash(b))
  })

  it('hashes oneshots without ready and health checks without exec', () => {
    const oneshot: Entry = {
      kind: 'oneshot',
      id: 'migrate',
      subcontainer: lazy('migrate'),
      exec: { command: 'migrate' },
      requires: [],
    }
    assert.deepEqual(Object.keys(JSON.parse(hash(oneshot))).sort(), [
      'exec',
      'id',
      'kind',
      'requires',
      'subcontainer',
    ])
    const health = (over: Partial<Ready> = {}): Entry => ({
      kind: 'health',
      id: 'sync',
      ready: ready(over),
      requires: ['web'],
    })
    const base = hash(health())
    assert.deepEqual(Object.keys(JSON.parse(base)).sort(), [
      'display',
      'gracePeriod',
      'id',
      'kind',
      'requires',
    ])
    assert.notEqual(hash(health({ display: 'Sync 2' })), base)
    assert.notEqual(hash(health({ gracePeriod: 1 })), base)
    assert.equal(
      hash(health({ fn: () => ({ result: 'loading', message: 'x' }) })),
      base,
    )
  })

  it('is fast enough to run for every entry on every reconcile', () => {
    const entries = Array.from({ length: 1_000 }, (_, i) =>
      daemon({ id: `d${i}`, subcontainer: lazy(`d${i}`, { volume: 'main' }) }),
    )
    const start = process.hrtime.bigint()
    for (const entry of entries) hash(entry)
    const ms = Number(process.hrtime.bigint() - start) / 1e6
    assert.ok(ms < 250, `1,000 hashes took ${ms.toFixed(1)} ms`)
  })
})

function execOf(): { command: [string, ...string[]]; env: { A: string } } {
  return { command: ['serve', '--port', '80'], env: { A: '1' } }
}
