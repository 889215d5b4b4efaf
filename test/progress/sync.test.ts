import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Progress } from '../../lib/types'
import { FullProgressTracker } from '../../lib/progress'
import { simulatedHost } from '../actions/helpers'

/** A sink whose reports stay pending until released, recording each snapshot. */
function heldSink() {
  const sent: Progress[] = []
  const pending: Array<() => void> = []
  return {
    sent,
    pending,
    sink: (progress: Progress) => {
      sent.push(progress)
      return new Promise<void>((resolve) => pending.push(resolve))
    },
    releaseAll() {
      for (const r of pending.splice(0)) r()
    },
  }
}

const tick = () => new Promise<void>((r) => setImmediate(r))

test('a burst while a report is pending becomes one follow-up with the newest state', async () => {
  const h = heldSink()
  const t = new FullProgressTracker(h.sink)
  const p = t.addPhase('copy', 1) // first change: reported at once
  assert.equal(h.sent.length, 1)
  p.setTotal(1000)
  for (let i = 1; i <= 1000; i++) p.setDone(i)
  assert.equal(h.sent.length, 1) // still one in flight, the rest only queued
  h.releaseAll()
  await tick()
  assert.equal(h.sent.length, 2)
  assert.deepEqual(h.sent[1], {
    overall: { done: 1, total: 1, units: null },
    phases: [
      { name: 'copy', progress: { done: 1000, total: 1000, units: null } },
    ],
  })
  h.releaseAll()
  await tick()
  assert.equal(h.sent.length, 2) // nothing changed since: no third report
})

test('sync() reports the current state and resolves only after it landed', async () => {
  const h = heldSink()
  const t = new FullProgressTracker(h.sink)
  const nested = t.addNestedPhase('outer')
  const leaf = nested.addPhase('inner')
  leaf.complete() // queued behind the first report
  let synced = false
  const done = nested.sync().then(() => (synced = true)) // a child flushes its root
  await tick()
  assert.equal(synced, false)
  h.releaseAll() // first report lands; the queued one starts
  await tick()
  assert.equal(synced, false)
  assert.equal(h.sent.length, 2)
  h.releaseAll()
  await done
  assert.deepEqual((h.sent[1] as { overall: Progress }).overall, {
    done: 1,
    total: 1,
    units: null,
  })
  // when idle, sync() pushes the state once more
  const again = t.sync()
  assert.equal(h.sent.length, 3)
  h.releaseAll()
  await again
})

test('a failing sink is swallowed and later changes still report', async () => {
  const sent: Progress[] = []
  let fail = true
  const t = new FullProgressTracker(async (progress) => {
    sent.push(progress)
    if (fail) throw new Error('host unavailable')
  })
  const p = t.addPhase('p')
  await t.sync()
  fail = false
  p.complete()
  await t.sync()
  assert.deepEqual((sent.at(-1) as { phases: unknown[] }).phases, [
    { name: 'p', progress: true },
  ])
})

test('without a sink nothing is reported and sync() resolves at once', async () => {
  const t = new FullProgressTracker()
  t.addPhase('p').complete()
  t.complete()
  await t.sync()
  assert.equal(t.snapshot().overall, true)
})

test('through the host simulator: 10,000 updates cost at most 2 set-init-progress calls', async () => {
  const host = await simulatedHost()
  try {
    const effects = host.effects(null)
    const t = new FullProgressTracker((progress) =>
      effects.setInitProgress({ progress }),
    )
    const p = t.addPhase('migrate', 3)
    p.setTotal(10_000)
    for (let i = 1; i <= 10_000; i++) p.setDone(i)
    await t.sync()
    const calls = host.sim.calls('set-init-progress')
    assert.ok(calls.length >= 1 && calls.length <= 2, `${calls.length} calls`)
    const last = {
      overall: { done: 3, total: 3, units: null },
      phases: [
        {
          name: 'migrate',
          progress: { done: 10_000, total: 10_000, units: null },
        },
      ],
    }
    assert.deepEqual(calls.at(-1)!.params, { progress: last })
    assert.deepEqual(host.sim.state().initProgress.at(-1), last)
    // completion is reported too, and sync() leaves nothing pending
    t.complete()
    const before = Date.now()
    await t.sync()
    assert.ok(Date.now() - before < 1000)
    const after = host.sim.calls('set-init-progress')
    assert.equal(
      (after.at(-1)!.params as { progress: { overall: Progress } }).progress
        .overall,
      true,
    )
    assert.ok(after.length <= 4, `${after.length} calls`)
    // sync() resolved right after the host replied to the last report
    assert.ok(Date.now() - after.at(-1)!.at < 50)
  } finally {
    await host.close()
  }
})
