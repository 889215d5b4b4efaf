import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { setupDependencies } from '../../lib/dependencies'
import { isSdkError } from '../../lib/errors'
import { ExVerParseError } from '../../lib/exver'
import type { DepsRig } from './helpers'
import { depsRig, thrown } from './helpers'

describe('setupDependencies', () => {
  let t: DepsRig
  before(async () => {
    t = await depsRig()
  })
  after(() => t.stop())
  beforeEach(() => t.sim.clearCalls())

  test('sends each requirement to set-dependencies and resolves null', async () => {
    const seen: unknown[] = []
    const init = setupDependencies(async ({ effects }) => {
      seen.push(effects)
      return {
        bitcoind: {
          kind: 'running',
          versionRange: '>=28.0:0',
          healthChecks: ['rpc', 'synced'],
        },
        electrs: { kind: 'exists', versionRange: '^0.10:0 || #knots' },
        lnd: undefined,
      }
    })
    assert.equal(await init(t.effects), null)
    assert.deepEqual(seen, [t.effects])
    const calls = t.sim.calls('set-dependencies')
    assert.equal(calls.length, 1)
    assert.deepEqual(calls[0]!.params, {
      dependencies: [
        {
          id: 'bitcoind',
          kind: 'running',
          versionRange: '>=28.0:0',
          healthChecks: ['rpc', 'synced'],
        },
        { id: 'electrs', kind: 'exists', versionRange: '^0.10:0 || #knots' },
      ],
    })
    assert.deepEqual(await t.effects.getDependencies(), [
      {
        kind: 'running',
        id: 'bitcoind',
        healthChecks: ['rpc', 'synced'],
        versionRange: '>=28.0:0',
      },
      { kind: 'exists', id: 'electrs', versionRange: '^0.10:0 || #knots' },
    ])
  })

  test('an empty result clears the dependencies', async () => {
    await setupDependencies(async () => ({}))(t.effects)
    assert.deepEqual(t.sim.calls('set-dependencies')[0]!.params, {
      dependencies: [],
    })
    assert.deepEqual(await t.effects.getDependencies(), [])
  })

  test('a malformed range is rejected at runtime, naming the dependency and the range', async () => {
    const range: string = '^28 || 30.x:0'
    const init = setupDependencies(async () => ({
      ok: { kind: 'exists', versionRange: '*' },
      bitcoind: { kind: 'exists', versionRange: range },
    }))
    const e = await thrown(() => init(t.effects))
    assert.ok(isSdkError(e, 'EXVER_PARSE'))
    assert.match(
      e.message,
      /^Malformed versionRange "\^28 \|\| 30\.x:0" for dependency "bitcoind": Invalid version range/,
    )
    assert.deepEqual(e.details, {
      dependencyId: 'bitcoind',
      versionRange: '^28 || 30.x:0',
    })
    assert.ok(e.cause instanceof ExVerParseError)
    assert.deepEqual(t.sim.calls('set-dependencies'), [], 'nothing sent')
  })

  test('a wrong kind or health check list names the field and the fix', async () => {
    const kind = await thrown(() =>
      setupDependencies(async () => ({
        db: { kind: 'started', versionRange: '*' } as any,
      }))(t.effects),
    )
    assert.ok(isSdkError(kind))
    assert.equal(
      kind.message,
      "setupDependencies, dependency \"db\": expected `db.kind` to be 'running' or 'exists', got `\"started\"` (string); write it as { kind: 'running', versionRange: '>=1.0.0:0', healthChecks: [] } or { kind: 'exists', versionRange: '>=1.0.0:0' }",
    )
    const checks = await thrown(() =>
      setupDependencies(async () => ({
        db: { kind: 'running', versionRange: '*' } as any,
      }))(t.effects),
    )
    assert.match(
      checks.message,
      /expected `db\.healthChecks` to be an array of health check ids, got `undefined` \(undefined\)/,
    )
    const range = await thrown(() =>
      setupDependencies(async () => ({
        db: { kind: 'exists', versionRange: 5 } as any,
      }))(t.effects),
    )
    assert.match(
      range.message,
      /expected `db\.versionRange` to be an exver range string, got `5` \(number\)/,
    )
    const notObject = await thrown(() =>
      setupDependencies(async () => ({ db: 'running' }) as any)(t.effects),
    )
    assert.match(notObject.message, /expected `db` to be a requirement object/)
    assert.deepEqual(t.sim.calls('set-dependencies'), [])
  })

  test('an error from the function propagates and nothing is sent', async () => {
    const boom = new Error('no network')
    const e = await thrown(() =>
      setupDependencies(async () => {
        throw boom
      })(t.effects),
    )
    assert.equal(e, boom)
    assert.deepEqual(t.sim.calls('set-dependencies'), [])
  })
})
