import assert from 'node:assert/strict'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import { cooldownTrigger } from '../../lib/health'
import type { HealthCheckResult } from '../../lib/health'
import { Daemons } from '../../lib/main'
import { processesUnder, running } from '../subcontainer/helpers'
import type { TestManifest } from './helpers'
import {
  alwaysReady,
  eventually,
  linesOf,
  logStart,
  mainLab,
  sleep,
} from './helpers'

const fast = cooldownTrigger(50)

test('entries start in requires order, each after its dependency is ready', async () => {
  const l = await mainLab()
  try {
    const effects = l.effects('order')
    const starts = l.file('starts')
    const dbReady = l.file('db-ready')
    let dbReadyAt = 0
    const daemons = await Daemons.of<TestManifest>({ effects })
      .addDaemon('db', {
        subcontainer: l.sub(effects, 'db'),
        exec: { command: `${logStart(starts, 'db')}; exec sleep 300` },
        ready: {
          display: 'Database',
          trigger: fast,
          fn: (): HealthCheckResult => {
            if (!existsSync(dbReady))
              return { result: 'failure', message: 'not yet' }
            dbReadyAt ||= Date.now()
            return { result: 'success', message: 'up' }
          },
        },
        requires: [],
      })
      .addDaemon('app', {
        subcontainer: l.sub(effects, 'app'),
        exec: { command: `${logStart(starts, 'app')}; exec sleep 300` },
        ready: { ...alwaysReady, display: 'App' },
        requires: ['db'],
      })
      .build()
    await eventually(() => linesOf(starts).length === 1, 'db to start')
    await sleep(400)
    assert.deepEqual(
      linesOf(starts).map((s) => s.split(' ')[0]),
      ['db'],
      'app waits for db',
    )
    const waiting = l.health('app').at(-1)
    assert.deepEqual(waiting, {
      result: 'waiting',
      message: 'Waiting for Database',
    })
    assert.equal(l.health('db').at(-1)?.result, 'starting', 'grace period')
    writeFileSync(dbReady, '')
    await eventually(() => linesOf(starts).length === 2, 'app to start')
    const appAt = Number(linesOf(starts)[1].split(' ')[1])
    assert.ok(appAt >= dbReadyAt - 5, 'app started after db was ready')
    await eventually(
      () => l.health('app').at(-1)?.result === 'success',
      'app healthy',
    )
    assert.deepEqual(
      daemons.healthDaemons.map((hd) => [hd.id, hd.isReady]),
      [
        ['db', true],
        ['app', true],
      ],
    )
    await daemons.term()
    assert.equal(l.destroyed(), l.created())
    assert.deepEqual(l.folders(), [])
    assert.deepEqual(processesUnder(l.root), [])
  } finally {
    await l.close()
  }
})

test('a crashing daemon reports failure through setHealth; a clean exit reports "exited"', async () => {
  const l = await mainLab()
  try {
    const effects = l.effects('crash')
    const daemons = await Daemons.of<TestManifest>({ effects })
      .addDaemon('crasher', {
        subcontainer: l.sub(effects, 'c'),
        exec: { command: 'sleep 0.2; exit 1' },
        ready: { display: 'Crasher', fn: alwaysReady.fn, trigger: fast },
        requires: [],
      })
      .addDaemon('quitter', {
        subcontainer: l.sub(effects, 'q'),
        exec: { command: 'sleep 0.2; exit 0' },
        ready: { display: 'Quitter', fn: alwaysReady.fn, trigger: fast },
        requires: [],
      })
      .build()
    const has = (id: string, message: string): boolean =>
      l.health(id).some((h) => h.result === 'failure' && h.message === message)
    await eventually(() => has('crasher', 'crasher daemon crashed'), 'crash')
    await eventually(() => has('quitter', 'quitter daemon exited'), 'exit')
    await daemons.term()
  } finally {
    await l.close()
  }
})

test('a failed oneshot reports its exit code and last lines; a successful one runs once', async () => {
  const l = await mainLab()
  try {
    const effects = l.effects('oneshots')
    const runs = l.file('runs')
    const daemons = await Daemons.of<TestManifest>({ effects })
      .addOneshot('setup', {
        subcontainer: l.sub(effects, 'setup'),
        exec: { command: `echo ran >> ${runs}` },
        requires: [],
      })
      .addOneshot('broken', {
        subcontainer: l.sub(effects, 'broken'),
        exec: {
          command: 'echo first; echo "config missing" >&2; exit 3',
          onStderr: () => undefined,
          onStdout: () => undefined,
        },
        requires: ['setup'],
      })
      .addHealthCheck('broken-visible', {
        ready: { display: 'Broken', fn: alwaysReady.fn, trigger: fast },
        requires: ['broken'],
      })
      .build()
    const [setup, broken] = daemons.healthDaemons
    await setup.onReady()
    await eventually(
      () => broken.health.result === 'failure',
      'the oneshot to fail',
    )
    assert.equal(
      broken.health.message,
      'broken failed with exit code 3: first\nconfig missing',
    )
    assert.deepEqual(l.health('broken-visible').at(-1), {
      result: 'waiting',
      message: 'Waiting for broken',
    })
    await sleep(1_200)
    assert.equal(linesOf(runs).length, 1, 'success is not re-run')
    await daemons.term()
  } finally {
    await l.close()
  }
})

test('#3446 + hysteresis: a flapping dependency pauses its dependent only after N failures, and resumes it', async () => {
  const l = await mainLab()
  try {
    const effects = l.effects('flap')
    const healthy = l.file('healthy')
    const pids = l.file('pids')
    writeFileSync(healthy, '')
    let blips = 0
    const daemons = await Daemons.of<TestManifest>({ effects })
      .addHealthCheck('dep', {
        ready: {
          display: 'Dependency',
          trigger: fast,
          gracePeriod: 0,
          failuresBeforePause: 3,
          fn: (): HealthCheckResult => {
            if (blips > 0) {
              blips--
              return { result: 'failure', message: 'blip' }
            }
            return existsSync(healthy)
              ? { result: 'success', message: null }
              : { result: 'failure', message: 'down' }
          },
        },
        requires: [],
      })
      .addDaemon('dependent', {
        subcontainer: l.sub(effects),
        exec: { command: `echo $$ >> ${pids}; exec sleep 300` },
        ready: { ...alwaysReady, trigger: fast },
        requires: ['dep'],
      })
      .build()
    await eventually(() => linesOf(pids).length === 1, 'dependent to start')
    const first = Number(linesOf(pids)[0])
    blips = 2
    await eventually(() => blips === 0, 'two failures')
    await sleep(300)
    assert.equal(linesOf(pids).length, 1, '2 failures do not pause')
    assert.ok(running(first))
    rmSync(healthy)
    await eventually(() => !running(first), 'dependent paused after 3', 3_000)
    await eventually(
      () => daemons.healthDaemons[1].health.result === 'waiting',
      'the paused dependent to report waiting',
    )
    writeFileSync(healthy, '')
    await eventually(() => linesOf(pids).length === 2, 'dependent resumed')
    const second = Number(linesOf(pids)[1])
    assert.notEqual(second, first)
    assert.ok(running(second))
    assert.equal(l.created(), 1, 'paused, not destroyed')
    await daemons.term()
    assert.ok(!running(second))
    assert.equal(l.destroyed(), 1)
  } finally {
    await l.close()
  }
})

test('runUntilSuccess resolves when all are ready, or rejects naming who timed out; nothing is left', async () => {
  const l = await mainLab()
  try {
    const effects = l.effects('until')
    const ok = await Daemons.of<TestManifest>({ effects })
      .addOneshot('a', {
        subcontainer: l.sub(effects, 'a'),
        exec: { command: 'true' },
        requires: [],
      })
      .runUntilSuccess(5_000)
    assert.equal(ok, null)
    await assert.rejects(
      Daemons.of<TestManifest>({ effects })
        .addDaemon('never', {
          subcontainer: l.sub(effects, 'never'),
          exec: { command: 'exec sleep 300' },
          ready: {
            display: null,
            trigger: fast,
            fn: () => ({ result: 'failure', message: 'no' }),
          },
          requires: [],
        })
        .runUntilSuccess(300),
      (e) => {
        assert.ok(isSdkError(e, 'DAEMON_TIMEOUT'))
        assert.match((e as Error).message, /^Timed out waiting for never/)
        return true
      },
    )
    assert.equal(l.destroyed(), l.created())
    assert.deepEqual(processesUnder(l.root), [])
  } finally {
    await l.close()
  }
})

test('build() checks entries, and a failed build leaves nothing behind', async () => {
  const l = await mainLab()
  try {
    const effects = l.effects('invalid')
    const sub = l.sub(effects)
    const chain = Daemons.of<TestManifest>({ effects }).addDaemon('x', {
      subcontainer: sub,
      exec: { command: 'exec sleep 300' },
      ready: alwaysReady,
      requires: [],
    })
    const bad = new Daemons<TestManifest, string>(
      effects,
      ['x', 'x'],
      [...chain.entries, ...chain.entries],
    )
    await sub.eager()
    await assert.rejects(bad.build(), (e) => {
      assert.ok(isSdkError(e, 'DAEMON_INVALID'))
      assert.match((e as Error).message, /'x' is already used/)
      return true
    })
    assert.equal(
      l.destroyed(),
      1,
      'the failed build destroyed its subcontainer',
    )
    assert.throws(
      () =>
        Daemons.of<TestManifest>({ effects }).addDaemon('y', {
          subcontainer: sub,
          exec: { command: 'true' },
          requires: [],
        } as never),
      (e) => isSdkError(e, 'DAEMON_INVALID') && /ready/.test(String(e)),
    )
    const skipped = Daemons.of<TestManifest>({ effects }).addDaemon(
      'z',
      () => null,
    )
    assert.deepEqual(skipped.ids, [])
    const later = await Daemons.of<TestManifest>({ effects }).addHealthCheck(
      'h',
      async () => ({ ready: alwaysReady, requires: [] }),
    )
    assert.deepEqual(later.ids, ['h'])
    const built = later.build()
    assert.equal(await later.build(), await built)
    await later.term()
    await later.term()
  } finally {
    await l.close()
  }
})
