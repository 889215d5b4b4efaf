import assert from 'node:assert/strict'
import { mock, test } from 'node:test'
import type { Outcome } from '../../lib/reactive'
import { Watchable, effectSource } from '../../lib/reactive'
import { CallbackContext, createEffects, silentLogger } from '../../lib/runtime'

/** A fake effect: each call is held until the test resolves or rejects it. */
function fakeEffect() {
  const calls: {
    callback: (() => void) | undefined
    resolve: (value: number) => void
    reject: (error: Error) => void
  }[] = []
  const fetch = (callback?: () => void): Promise<number> =>
    new Promise((resolve, reject) => calls.push({ callback, resolve, reject }))
  return { calls, fetch }
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve))

test('read() calls the effect without a callback', async () => {
  const { calls, fetch } = fakeEffect()
  const source = effectSource('Fake', fetch)
  const read = source.read()
  assert.equal(calls.length, 1)
  assert.equal(calls[0].callback, undefined)
  calls[0].resolve(7)
  assert.equal(await read, 7)
})

test('watch() re-reads with a fresh callback each time the host fires one, in order', async () => {
  const { calls, fetch } = fakeEffect()
  const emitted: Outcome<number>[] = []
  const abort = new AbortController()
  effectSource('Fake', fetch).watch(abort.signal, (o) => emitted.push(o))
  assert.equal(calls.length, 1)
  assert.equal(typeof calls[0].callback, 'function')
  calls[0].resolve(1)
  await tick()
  calls[0].callback!()
  calls[0].callback!()
  assert.equal(calls.length, 2, 'a fired callback is spent')
  // The host fires the new callback before the read that registered it returns.
  calls[1].callback!()
  assert.equal(calls.length, 3)
  calls[2].resolve(3)
  await tick()
  calls[1].resolve(2)
  await tick()
  assert.deepEqual(emitted, [
    { ok: true, value: 1 },
    { ok: true, value: 3 },
  ])
  abort.abort()
  calls[2].callback!()
  assert.equal(calls.length, 3, 'no read after abort')
})

test('a read still pending when the watch aborts is never emitted', async () => {
  const { calls, fetch } = fakeEffect()
  const emitted: unknown[] = []
  const abort = new AbortController()
  effectSource('Fake', fetch).watch(abort.signal, (o) => emitted.push(o))
  abort.abort()
  calls[0].resolve(1)
  await tick()
  assert.deepEqual(emitted, [])
})

test('after a failed read the source retries with a growing delay, until aborted', async (t) => {
  mock.timers.enable({ apis: ['setTimeout'] })
  t.after(() => mock.timers.reset())
  const { calls, fetch } = fakeEffect()
  const emitted: Outcome<number>[] = []
  const abort = new AbortController()
  effectSource('Fake', fetch).watch(abort.signal, (o) => emitted.push(o))
  calls[0].reject(new Error('host busy'))
  await tick()
  assert.equal(emitted[0].ok, false)
  calls[0].callback!()
  assert.equal(
    calls.length,
    1,
    'the failed read callback is ignored; a retry is due',
  )
  mock.timers.tick(999)
  assert.equal(calls.length, 1)
  mock.timers.tick(1)
  assert.equal(calls.length, 2)
  calls[1].reject(new Error('still busy'))
  await tick()
  mock.timers.tick(1999)
  assert.equal(calls.length, 2, 'the second delay is 2 s')
  mock.timers.tick(1)
  assert.equal(calls.length, 3)
  calls[2].resolve(5)
  await tick()
  assert.deepEqual(emitted.at(-1), { ok: true, value: 5 })
  calls[2].callback!()
  calls[3].reject(new Error('again'))
  await tick()
  abort.abort()
  mock.timers.tick(60_000)
  assert.equal(
    calls.length,
    4,
    'the pending retry was cancelled (and the delay had reset to 1 s)',
  )
})

test('Watchable.onChange reports a failed read as (undefined, error) and goes on', async (t) => {
  mock.timers.enable({ apis: ['setTimeout'] })
  t.after(() => mock.timers.reset())
  const { calls, fetch } = fakeEffect()
  const root = new CallbackContext('root', silentLogger)
  t.after(() => root.leave())
  const effects = createEffects({
    client: { call: () => Promise.reject(new Error('no host here')) },
    log: silentLogger,
    eventId: null,
    context: root.child('watching'),
  })
  const seen: [number | undefined, string | undefined][] = []
  new Watchable(effects, effectSource('Fake', fetch), {
    map: (n: number) => n * 10,
  }).onChange((value, error) => {
    seen.push([value, error?.message])
    return { cancel: seen.length === 2 }
  })
  calls[0].reject(new Error('boom'))
  await tick()
  mock.timers.tick(1000)
  calls[1].resolve(4)
  await tick()
  await tick()
  assert.deepEqual(seen, [
    [undefined, 'boom'],
    [40, undefined],
  ])
})
