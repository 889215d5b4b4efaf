import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { checkDependencies, setupDependencies } from '../../lib/dependencies'
import type { Effects } from '../../lib/effects'
import { isSdkError } from '../../lib/errors'
import type { DepsRig } from './helpers'
import { depsRig, thrown } from './helpers'

const declare = setupDependencies(async () => ({
  db: {
    kind: 'running',
    versionRange: '>=15.0:0',
    healthChecks: ['ready', 'synced'],
  },
  cache: { kind: 'exists', versionRange: '^2.0:0' },
  old: { kind: 'exists', versionRange: '>=2.0:0' },
  idle: { kind: 'running', versionRange: '*', healthChecks: ['up'] },
  ghost: { kind: 'exists', versionRange: '*' },
}))

describe('checkDependencies', () => {
  let t: DepsRig
  before(async () => {
    t = await depsRig()
    const { sim } = t
    sim.addPackage({
      id: 'db',
      version: '15.1.0:0',
      running: true,
      manifest: { title: 'Postgres' },
    })
    sim.state('db').health = {
      ready: { name: 'Ready', result: 'success', message: null },
      synced: { name: 'Synced', result: 'failure', message: 'behind by 3' },
    }
    sim.addPackage({
      id: 'cache',
      version: '1.9.0:0',
      manifest: { title: 'cache', satisfies: ['bogus', '2.0.0:0'] },
    })
    sim.addPackage({
      id: 'old',
      version: '1.0.0:0',
      manifest: { title: 'Old' },
    })
    sim.addPackage({
      id: 'idle',
      version: '1.0.0:0',
      manifest: { title: null as any },
    })
    await declare(t.effects)
    const task = (replayId: string, packageId: string, severity: string) =>
      t.effects.action.createTask({
        replayId,
        packageId,
        actionId: `${replayId}-action`,
        severity: severity as 'critical',
      })
    await task('configure', 'db', 'critical')
    await task('tune', 'cache', 'optional')
    await task('resync', 'cache', 'critical')
    sim.state().tasks.get('resync')!.active = false
  })
  after(() => t.stop())

  test('infoFor pairs the requirement with the host report', async () => {
    const deps = await checkDependencies(t.effects)
    const db = deps.infoFor('db')
    assert.deepEqual(db.requirement, {
      kind: 'running',
      id: 'db',
      healthChecks: ['ready', 'synced'],
      versionRange: '>=15.0:0',
    })
    assert.equal(db.result.packageId, 'db')
    assert.equal(db.result.installedVersion, '15.1.0:0')
    assert.equal(db.result.isRunning, true)
    assert.equal(deps.infoFor('ghost').result.installedVersion, null)
  })

  test('installed', async () => {
    const deps = await checkDependencies(t.effects)
    assert.equal(deps.installedSatisfied('db'), true)
    assert.equal(deps.installedSatisfied('ghost'), false)
    assert.equal(deps.throwIfInstalledNotSatisfied('db'), null)
    const e = await thrown(() => deps.throwIfInstalledNotSatisfied('ghost'))
    assert.ok(isSdkError(e))
    assert.equal(e.message, 'Dependency "ghost" is not installed: install it')
  })

  test('installed version: the installed version or one it satisfies', async () => {
    const deps = await checkDependencies(t.effects)
    assert.equal(deps.installedVersionSatisfied('db'), true)
    assert.equal(deps.installedVersionSatisfied('old'), false)
    assert.equal(deps.installedVersionSatisfied('ghost'), false)
    // 1.9.0:0 is outside ^2.0:0, but the package declares it satisfies 2.0.0:0
    assert.equal(deps.installedVersionSatisfied('cache'), true)
    assert.equal(deps.throwIfInstalledVersionNotSatisfied('cache'), null)
    assert.equal(deps.throwIfInstalledVersionNotSatisfied('db'), null)
    const e = await thrown(() =>
      deps.throwIfInstalledVersionNotSatisfied('old'),
    )
    assert.equal(
      e.message,
      'Dependency Old ("old") is installed at version 1.0.0:0, outside the required range >=2.0:0: install a version in that range',
    )
    const missing = await thrown(() =>
      deps.throwIfInstalledVersionNotSatisfied('ghost'),
    )
    assert.equal(
      missing.message,
      'Dependency "ghost" is not installed: install it',
    )
  })

  test('running: required only for kind running', async () => {
    const deps = await checkDependencies(t.effects)
    assert.equal(deps.runningSatisfied('db'), true)
    assert.equal(deps.runningSatisfied('idle'), false)
    assert.equal(deps.runningSatisfied('cache'), true, 'exists: need not run')
    const e = await thrown(() => deps.throwIfRunningNotSatisfied('idle'))
    assert.equal(e.message, 'Dependency "idle" is not running: start it')
    assert.equal(deps.throwIfRunningNotSatisfied('cache'), null)
  })

  test('tasks: only active critical ones block', async () => {
    const deps = await checkDependencies(t.effects)
    assert.equal(deps.tasksSatisfied('db'), false)
    assert.equal(deps.tasksSatisfied('cache'), true, 'optional + inactive')
    assert.equal(deps.throwIfTasksNotSatisfied('cache'), null)
    const e = await thrown(() => deps.throwIfTasksNotSatisfied('db'))
    assert.equal(
      e.message,
      'Dependency Postgres ("db") has a critical task to run first (action "configure-action"): run it from the dependency\'s actions',
    )
  })

  test('health checks', async () => {
    const deps = await checkDependencies(t.effects)
    assert.equal(deps.healthCheckSatisfied('db', 'ready'), true)
    assert.equal(deps.healthCheckSatisfied('db', 'synced'), false)
    assert.equal(deps.healthCheckSatisfied('idle', 'up'), false)
    assert.equal(deps.throwIfHealthNotSatisfied('db', 'ready'), null)
    const synced =
      'Health check "Synced" of dependency Postgres ("db") is failure (behind by 3): wait for it to pass or fix the dependency'
    const all = await thrown(() => deps.throwIfHealthNotSatisfied('db'))
    assert.equal(all.message, synced)
    const one = await thrown(() =>
      deps.throwIfHealthNotSatisfied('db', 'synced'),
    )
    assert.equal(one.message, synced)
    const stopped = await thrown(() => deps.throwIfHealthNotSatisfied('idle'))
    assert.equal(
      stopped.message,
      'Health check "up" of dependency "idle" cannot pass while the dependency is stopped: start it',
    )
    const unknown = await thrown(() => deps.healthCheckSatisfied('db', 'nope'))
    assert.ok(isSdkError(unknown))
    assert.equal(
      unknown.message,
      'Unknown health check "nope" for dependency "db": its health checks are "ready", "synced"; use one of them or require it in setupDependencies',
    )
    assert.equal(deps.throwIfHealthNotSatisfied('cache'), null, 'exists')
  })

  test('satisfied and throwIfNotSatisfied aggregate every problem', async () => {
    const deps = await checkDependencies(t.effects)
    assert.equal(deps.satisfied(), false)
    assert.equal(deps.throwIfNotSatisfied('cache'), null)
    const e = await thrown(() => deps.throwIfNotSatisfied())
    assert.ok(isSdkError(e))
    const problems = [
      'Health check "Synced" of dependency Postgres ("db") is failure (behind by 3): wait for it to pass or fix the dependency',
      'Dependency Postgres ("db") has a critical task to run first (action "configure-action"): run it from the dependency\'s actions',
      'Dependency Old ("old") is installed at version 1.0.0:0, outside the required range >=2.0:0: install a version in that range',
      'Dependency "idle" is not running: start it',
      'Dependency "ghost" is not installed: install it',
    ]
    assert.equal(e.message, `5 dependency problems: ${problems.join('; ')}`)
    assert.deepEqual(e.details, { problems })
    const db = await thrown(() => deps.throwIfNotSatisfied('db'))
    assert.deepEqual(db.details.problems, problems.slice(0, 2))
  })

  test('satisfied once every condition holds', async () => {
    const { sim } = t
    sim.state('db').health.synced = {
      name: 'Synced',
      result: 'success',
      message: null,
    }
    sim.state().tasks.get('configure')!.active = false
    sim.updateManifest('old', { version: '2.3.0:0' })
    sim.markStarted('idle')
    sim.state('idle').health.up = {
      name: 'Up',
      result: 'success',
      message: null,
    }
    sim.addPackage({ id: 'ghost', version: '0.1.0:0' })
    const deps = await checkDependencies(t.effects)
    assert.equal(deps.satisfied(), true)
    assert.equal(deps.throwIfNotSatisfied(), null)
    sim.state('idle').health.up = {
      name: 'Up',
      result: 'starting',
      message: null,
    }
    const later = await checkDependencies(t.effects)
    assert.equal(later.satisfied(), false)
    assert.equal(later.healthCheckSatisfied('idle', 'up'), false)
  })

  test('packageIds narrows the check; an unknown id names the known ones', async () => {
    t.sim.clearCalls()
    const deps = await checkDependencies(t.effects, ['db', 'cache'])
    assert.deepEqual(t.sim.calls('check-dependencies')[0]!.params, {
      packageIds: ['db', 'cache'],
    })
    assert.equal(deps.installedSatisfied('cache'), true)
    const e = await thrown(() => deps.infoFor('old' as 'db'))
    assert.ok(isSdkError(e))
    assert.equal(
      e.message,
      'Unknown dependency id "old": the known dependency ids are "db", "cache"; use one of them or include it in the packageIds passed to checkDependencies',
    )
    assert.deepEqual(e.details, {
      dependencyId: 'old',
      knownIds: ['db', 'cache'],
    })
    const all = await checkDependencies(t.effects)
    assert.deepEqual(t.sim.calls('check-dependencies')[1]!.params, {})
    const typo = await thrown(() => all.runningSatisfied('dbb'))
    assert.match(
      typo.message,
      /^Unknown dependency id "dbb": the known dependency ids are "db", "cache", "old", "idle", "ghost"; use one of them or declare it with setupDependencies$/,
    )
    for (const query of [
      () => all.throwIfNotSatisfied('dbb'),
      () => all.throwIfHealthNotSatisfied('dbb'),
      () => all.tasksSatisfied('dbb'),
      () => all.installedVersionSatisfied('dbb'),
    ]) {
      assert.match(
        (await thrown(query)).message,
        /^Unknown dependency id "dbb"/,
      )
    }
  })

  test('a version the host reports without downstream is read as :0; a requirement without a report throws', async () => {
    const fake = {
      getDependencies: async () => [
        { kind: 'exists', id: 'a', versionRange: '>=1.0:0' },
        { kind: 'exists', id: 'b', versionRange: '*' },
      ],
      checkDependencies: async () => [
        {
          packageId: 'a',
          title: 'A',
          installedVersion: '1.2.0',
          satisfies: [],
          isRunning: false,
          tasks: {},
          healthChecks: {},
        },
      ],
    } as unknown as Effects
    const deps = await checkDependencies(fake)
    assert.equal(deps.installedVersionSatisfied('a'), true)
    const e = await thrown(() => deps.installedSatisfied('b'))
    assert.match(e.message, /^No check result for dependency "b"/)
  })
})
