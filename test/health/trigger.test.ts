import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  changeOnFirstSuccess,
  cooldownTrigger,
  defaultTrigger,
  statusTrigger,
  successFailure,
  timeoutPromise,
} from '../../lib/health'
import type { HealthStatus, Trigger } from '../../lib/health'
import { isSdkError } from '../../lib/errors'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Milliseconds `next()` took. */
async function timed(it: AsyncIterator<unknown>): Promise<number> {
  const start = performance.now()
  await it.next()
  return performance.now() - start
}

/** Whether `p` settles within `ms` (the probe timer is always cleared). */
async function settlesWithin(
  p: Promise<unknown>,
  ms: number,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const probe = new Promise<false>(
    (r) => (timer = setTimeout(() => r(false), ms)),
  )
  const won = await Promise.race([p.then(() => true as const), probe])
  clearTimeout(timer)
  return won
}

/** A trigger that yields `tag` every `ms`, recording when it is closed. */
function tagged(tag: string, ms: number, closed: string[]): Trigger {
  return () =>
    (async function* () {
      try {
        for (;;) {
          yield tag
          await sleep(ms)
        }
      } finally {
        closed.push(tag)
      }
    })()
}

describe('cooldownTrigger', () => {
  it('yields at once, then after at least the cooldown each time', async () => {
    const it = cooldownTrigger(30)()
    assert.ok((await timed(it)) < 25)
    for (let i = 0; i < 2; i++) assert.ok((await timed(it)) >= 25)
    await it.return(undefined as never)
  })
  it('rejects a negative cooldown, naming the argument', () => {
    assert.throws(
      () => cooldownTrigger(-5),
      (e) => {
        assert.ok(isSdkError(e))
        assert.match(e.message, /cooldownTrigger\(timeMs\)/)
        return true
      },
    )
  })
})

describe('statusTrigger', () => {
  it('waits the interval of the latest result, starting before any', async () => {
    let last: HealthStatus | undefined
    const it = statusTrigger(400, { starting: 10, failure: 20 })(() => ({
      lastResult: last,
    }))
    await it.next()
    // no result yet: the `starting` interval (10 ms), far below the default
    assert.ok(await settlesWithin(it.next(), 300))
    last = 'failure'
    assert.ok(await settlesWithin(it.next(), 300))
    last = 'success' // uses the default, 400 ms
    const slow = it.next()
    assert.equal(await settlesWithin(slow, 50), false)
    await slow
    await it.return?.()
  })
  it('rejects a bad interval, naming it', () => {
    assert.throws(
      () => statusTrigger(1000, { failure: NaN }),
      /statusTrigger\(intervals\.failure\)/,
    )
    assert.throws(() => statusTrigger(-1), /statusTrigger\(defaultMs\)/)
  })
})

describe('defaultTrigger', () => {
  it('polls after about a second while failing, and not sooner', async () => {
    const it = defaultTrigger(() => ({ lastResult: 'failure' }))
    assert.ok((await timed(it)) < 500)
    const second = await timed(it)
    assert.ok(second >= 900, `second poll after ${second} ms`)
    await it.return?.()
  })
  it('waits far longer once successful', async () => {
    let last: HealthStatus = 'starting'
    const it = defaultTrigger(() => ({ lastResult: last }))
    await it.next()
    last = 'success'
    const next = it.next()
    assert.equal(await settlesWithin(next, 1_300), false)
    // return() ends the 30 s wait at once and clears its timer
    await it.return?.()
    assert.equal(await settlesWithin(next, 200), true)
    assert.deepEqual(await next, { done: true, value: undefined })
    assert.deepEqual(await it.next(), { done: true, value: undefined })
  })
})

describe('changeOnFirstSuccess', () => {
  it('follows the first trigger until a success, then the second for good', async () => {
    const closed: string[] = []
    let last: HealthStatus | undefined
    const it = changeOnFirstSuccess({
      beforeFirstSuccess: tagged('before', 5, closed),
      afterFirstSuccess: tagged('after', 5, closed),
    })(() => ({ lastResult: last }))
    assert.equal((await it.next()).value, 'before')
    last = 'failure'
    assert.equal((await it.next()).value, 'before')
    last = 'success'
    assert.equal((await it.next()).value, 'after')
    assert.deepEqual(closed, ['before'])
    last = 'failure'
    assert.equal((await it.next()).value, 'after')
    await it.return?.()
    assert.deepEqual(closed, ['before', 'after'])
  })
})

describe('successFailure', () => {
  it('follows one trigger while successful and the other otherwise', async () => {
    const closed: string[] = []
    let last: HealthStatus | undefined
    const it = successFailure({
      duringSuccess: tagged('ok', 5, closed),
      duringError: tagged('bad', 5, closed),
    })(() => ({ lastResult: last }))
    const seq: unknown[] = []
    for (const s of [
      undefined,
      'failure',
      'success',
      'success',
      'waiting',
    ] as const) {
      last = s
      seq.push((await it.next()).value)
    }
    assert.deepEqual(seq, ['bad', 'bad', 'ok', 'ok', 'bad'])
    await it.return?.()
    assert.deepEqual(closed.sort(), ['bad', 'ok'])
  })
})

describe('timeoutPromise', () => {
  it('rejects after the time with the message, never resolving', async () => {
    await assert.rejects(timeoutPromise(10), /^Error: Timed out$/)
    await assert.rejects(
      timeoutPromise(10, { message: 'too long' }),
      /too long/,
    )
    assert.equal(await settlesWithin(timeoutPromise(200), 20), false)
  })
})
