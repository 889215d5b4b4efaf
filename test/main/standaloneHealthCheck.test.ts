import assert from 'node:assert/strict'
import { test } from 'node:test'
import { cooldownTrigger } from '../../lib/health'
import type { HealthCheckResult } from '../../lib/health'
import { HealthCheck } from '../../lib/main'
import { eventually, mainLab, sleep } from './helpers'

test('HealthCheck.of reports through setHealth, softens failures in its grace period, and stop()/start() pause and resume it', async () => {
  const l = await mainLab()
  try {
    let answer: HealthCheckResult = { result: 'failure', message: 'cold' }
    let runs = 0
    const check = HealthCheck.of(l.effects('standalone'), {
      id: 'sync',
      name: 'Sync',
      trigger: cooldownTrigger(20),
      gracePeriod: 150,
      fn: () => {
        runs++
        return answer
      },
    })
    await eventually(() => l.health('sync').length > 0, 'a first report')
    assert.deepEqual(l.health('sync')[0], {
      result: 'starting',
      message: 'cold',
    })
    await eventually(
      () => l.health('sync').some((h) => h.result === 'failure'),
      'the failure after the grace period',
    )
    answer = { result: 'success', message: 'synced' }
    await eventually(
      () => l.health('sync').at(-1)?.result === 'success',
      'success',
    )
    const call = l.sim.calls('set-health').at(-1)?.params as { name: string }
    assert.equal(call.name, 'Sync')
    check.stop()
    await sleep(60)
    const stopped = runs
    await sleep(120)
    assert.equal(runs, stopped, 'no check runs while stopped')
    check.start()
    await eventually(() => runs > stopped, 'polling resumes')
    check.stop()
    check.stop()
  } finally {
    await l.close()
  }
})

test('HealthCheck.of refuses a missing fn, naming it', () => {
  assert.throws(
    () => HealthCheck.of({} as never, { id: 'x', name: 'X' } as never),
    /fn must be a function/,
  )
})
