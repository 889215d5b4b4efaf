import assert from 'node:assert/strict'
import { test } from 'node:test'
import { utils } from 'start-sdk-reference'
import { FullProgressTracker } from '../../lib/progress'

type Tracker = Pick<
  FullProgressTracker,
  'addPhase' | 'addNestedPhase' | 'complete' | 'snapshot' | 'getPhase'
>

/** One script of valid updates, run step by step; every intermediate snapshot is kept. */
function script(t: Tracker): unknown[] {
  const out: unknown[] = []
  const snap = () => out.push(t.snapshot())
  const a = t.addPhase('download', 5)
  const b = t.addPhase('notes', null)
  const n = t.addNestedPhase('migrate', 3)
  snap()
  b.start()
  snap()
  a.setUnits('bytes')
  a.addTotal(300)
  a.addTotal(700)
  a.setDone(333)
  snap()
  const x = n.addPhase('schema')
  const y = n.addPhase('rows', 4)
  x.start()
  y.setTotal(9)
  y.setDone(5)
  snap()
  a.setDone(5000)
  x.complete()
  snap()
  y.complete()
  n.complete()
  snap()
  t.complete()
  snap()
  return out
}

test('snapshots match the reference SDK step by step on valid updates', () => {
  const ours = script(new FullProgressTracker())
  const theirs = script(new utils.FullProgressTracker() as unknown as Tracker)
  assert.equal(ours.length, 7)
  assert.deepEqual(ours, theirs)
})
