import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import {
  FullProgressTracker,
  leafProgress,
  PhaseHandle,
} from '../../lib/progress'

test('overall is null until a weighted phase starts, then the weighted floor of the ratios', () => {
  const t = new FullProgressTracker()
  const a = t.addPhase('a', 3)
  const b = t.addPhase('b')
  const c = t.addPhase('c', null)
  assert.deepEqual(t.snapshot(), {
    overall: null,
    phases: [
      { name: 'a', progress: null },
      { name: 'b', progress: null },
      { name: 'c', progress: null },
    ],
  })
  c.start() // unweighted: does not start the overall
  assert.equal(t.snapshot().overall, null)
  a.start()
  assert.deepEqual(t.snapshot().overall, { done: 0, total: 4, units: null })
  a.setTotal(10)
  a.setDone(5) // 0.5 × 3 = 1.5 → 1
  assert.deepEqual(t.snapshot().overall, { done: 1, total: 4, units: null })
  b.setDone(7) // unknown total counts as 0
  assert.deepEqual(t.snapshot().overall, { done: 1, total: 4, units: null })
  b.complete() // 1.5 + 1 = 2.5 → 2
  assert.deepEqual(t.snapshot().overall, { done: 2, total: 4, units: null })
  a.setDone(10) // 3 + 1
  assert.deepEqual(t.snapshot().overall, { done: 4, total: 4, units: null })
  assert.deepEqual(t.snapshot().phases, [
    { name: 'a', progress: { done: 10, total: 10, units: null } },
    { name: 'b', progress: true },
    { name: 'c', progress: false },
  ])
})

test('weights 1 and 9: a finished light phase is 10%; float error is not floored away', () => {
  const t = new FullProgressTracker()
  const light = t.addPhase('light', 1)
  const heavy = t.addPhase('heavy', 9)
  light.complete()
  assert.deepEqual(t.snapshot().overall, { done: 1, total: 10, units: null })
  heavy.setTotal(10)
  heavy.setDone(7) // 1 + 0.7 × 9 = 7.3 → 7
  assert.deepEqual(t.snapshot().overall, { done: 7, total: 10, units: null })
  const u = new FullProgressTracker()
  const p = u.addPhase('p', 22)
  p.setTotal(22)
  p.setDone(15) // 15 / 22 × 22 is 14.999999999999998 in floats; must be 15
  assert.deepEqual(u.snapshot().overall, { done: 15, total: 22, units: null })
})

test('a nested phase counts through its own overall, and is started as soon as it exists', () => {
  const t = new FullProgressTracker()
  const a = t.addPhase('a', 2)
  const n = t.addNestedPhase('n', 4)
  assert.deepEqual(t.snapshot().overall, { done: 0, total: 6, units: null })
  const x = n.addPhase('x', 1)
  const y = n.addPhase('y', 3)
  x.complete() // child: 1/4 → parent: ⌊0.25 × 4⌋ = 1
  assert.deepEqual(n.snapshot().overall, { done: 1, total: 4, units: null })
  assert.deepEqual(t.snapshot().overall, { done: 1, total: 6, units: null })
  y.setTotal(2)
  y.setDone(1) // child: ⌊1 + 1.5⌋ = 2 of 4 → parent ⌊0.5 × 4⌋ = 2
  a.complete() // + 2
  assert.deepEqual(t.snapshot(), {
    overall: { done: 4, total: 6, units: null },
    phases: [
      { name: 'a', progress: true },
      {
        name: 'n',
        progress: {
          overall: { done: 2, total: 4, units: null },
          phases: [
            { name: 'x', progress: true },
            { name: 'y', progress: { done: 1, total: 2, units: null } },
          ],
        },
      },
    ],
  })
  n.complete()
  assert.deepEqual(t.snapshot().overall, { done: 6, total: 6, units: null })
  assert.equal(t.getPhase('n'), n)
  assert.equal(n.getPhase('y'), y)
  assert.equal(t.getPhase('y'), undefined)
  // two handlers may pick the same name: both phases are kept, the first is found
  const again = t.addPhase('a', null)
  assert.equal(t.getPhase('a'), a)
  assert.notEqual(again, a)
  assert.equal(t.snapshot().phases.length, 3)
  t.complete()
  assert.equal(t.snapshot().overall, true)
  // completing the tracker leaves the phases as they were
  assert.deepEqual(n.snapshot().phases[1], {
    name: 'y',
    progress: { done: 1, total: 2, units: null },
  })
})

test('phase updates: caps, totals, units, raw values, copies', () => {
  const p = new PhaseHandle()
  assert.equal(p.snapshot(), null)
  p.start()
  assert.equal(p.snapshot(), false)
  p.setUnits('bytes')
  assert.deepEqual(p.snapshot(), { done: 0, total: null, units: 'bytes' })
  p.addTotal(100)
  p.addTotal(28)
  p.setDone(500) // capped at the total
  assert.deepEqual(p.snapshot(), { done: 128, total: 128, units: 'bytes' })
  p.setTotal(64) // done lowered, never above total
  assert.deepEqual(p.snapshot(), { done: 64, total: 64, units: 'bytes' })
  p.setDone(10.9) // whole units on the wire
  assert.deepEqual(p.snapshot(), { done: 10, total: 64, units: 'bytes' })
  const raw = {
    overall: { done: 1, total: 2, units: null },
    phases: [{ name: 'inner', progress: true }],
  }
  p.setRaw(raw)
  raw.phases[0]!.progress = false
  assert.deepEqual(p.snapshot(), {
    overall: { done: 1, total: 2, units: null },
    phases: [{ name: 'inner', progress: true }],
  })
  const snap = p.snapshot() as { phases: unknown[] }
  snap.phases.length = 0
  assert.equal((p.snapshot() as { phases: unknown[] }).phases.length, 1)
  const t = new FullProgressTracker()
  t.addPhase('raw', 2).setRaw(raw)
  assert.deepEqual(t.snapshot().overall, { done: 1, total: 2, units: null })
})

test('leafProgress walks nested overalls down to a scalar', () => {
  assert.equal(leafProgress(null), null)
  assert.equal(leafProgress(true), true)
  const counted = { done: 1, total: 3, units: 'steps' as const }
  assert.deepEqual(
    leafProgress({
      overall: { overall: counted, phases: [] },
      phases: [],
    }),
    counted,
  )
})

function refused(fn: () => void, ...parts: string[]): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(isSdkError(e), String(e))
    for (const part of parts) assert.match(e.message, new RegExp(part))
    return true
  })
}

test('invalid updates are refused with the phase named and the fix', () => {
  const t = new FullProgressTracker()
  refused(() => t.addPhase('dump', -1), `phase 'dump'`, 'weight', '≥ 0', '-1')
  refused(() => t.addPhase('dump', 0.5), `phase 'dump'`, 'whole number')
  refused(() => t.addNestedPhase('copy', Number.NaN), `phase 'copy'`, 'weight')
  assert.equal(t.snapshot().phases.length, 0) // nothing added by a refused call
  const p = t.addPhase('rsync', 2)
  refused(() => p.setDone(-3), `phase 'rsync'`, 'done', '-3')
  refused(() => p.setTotal(Number.POSITIVE_INFINITY), `phase 'rsync'`, 'total')
  refused(() => p.addTotal(Number.NaN), `phase 'rsync'`, 'total')
  refused(() => p.setUnits('kb' as never), `phase 'rsync'`, 'units')
  assert.equal(p.snapshot(), null) // refused calls changed nothing
  p.setTotal(4)
  p.complete()
  for (const [method, call] of [
    ['setDone', () => p.setDone(1)],
    ['setTotal', () => p.setTotal(1)],
    ['addTotal', () => p.addTotal(1)],
    ['setUnits', () => p.setUnits('steps')],
  ] as const)
    refused(
      call,
      `phase 'rsync'`,
      'already complete',
      `${method}\\(\\)`,
      'before calling complete\\(\\)',
    )
  p.start()
  p.complete() // harmless once complete
  assert.equal(p.snapshot(), true)
  p.setRaw(false) // a raw value may still replace it
  assert.equal(p.snapshot(), false)
})
