import assert from 'node:assert/strict'
import { test } from 'node:test'
import * as reference from 'start-sdk-reference'
import { VersionRange } from '../../lib/exver'
import * as ours from '../../lib/version'

const noop = async (): Promise<void> => undefined
type Spec = {
  v: string
  up?: 'fn' | 'no'
  down?: 'fn' | 'no'
  other?: Record<string, 'up' | 'down'>
}

/** Graphs as tables: the first entry is the current version; `no` is IMPOSSIBLE. */
const cases: Record<string, Spec[]> = {
  chain: [
    { v: '3.0:0', up: 'fn', down: 'fn' },
    { v: '1.0:0' },
    { v: '2.0:0', up: 'fn' },
  ],
  noDownCurrent: [{ v: '3.0:0', down: 'no' }, { v: '1.0:0' }, { v: '2.0:0' }],
  noUpCurrent: [{ v: '3.0:0', up: 'no' }, { v: '1.0:0' }, { v: '2.0:0' }],
  blockedMiddle: [
    { v: '3.0:0' },
    { v: '1.0:0' },
    { v: '2.0:0', up: 'no', down: 'no' },
  ],
  fastForward: [
    { v: '3.0:0', up: 'no', other: { '>=1.0:0 <2.0:0': 'up' } },
    { v: '1.0:0' },
    { v: '2.0:0' },
  ],
  otherDown: [
    { v: '3.0:0', down: 'no', other: { '<2.0:0': 'down' } },
    { v: '1.0:0' },
    { v: '2.0:0' },
  ],
  single: [{ v: '1.0:0' }],
  singleLocked: [{ v: '1.0:0', up: 'no', down: 'no' }],
  flavor: [{ v: '29.0:0', other: { '#knots': 'up' } }, { v: '#knots:29.0:0' }],
  currentInMiddle: [{ v: '2.0:0' }, { v: '1.0:0' }, { v: '3.0:0' }],
}

function build<TLib extends typeof ours | typeof reference>(
  lib: TLib,
  specs: Spec[],
) {
  const pick = (x: 'fn' | 'no' | undefined) =>
    x === 'no' ? lib.IMPOSSIBLE : x === 'fn' ? noop : undefined
  const infos = specs.map((s) => {
    const other: Record<string, { up?: typeof noop; down?: typeof noop }> = {}
    for (const [range, dir] of Object.entries(s.other ?? {}))
      other[range] = { [dir]: noop }
    return (lib.VersionInfo.of as (o: unknown) => never)({
      version: s.v,
      releaseNotes: 'x',
      migrations: { up: pick(s.up), down: pick(s.down), other },
    })
  })
  return (
    lib.VersionGraph.of as (o: unknown) => {
      canMigrateFrom(): { toString(): string }
      canMigrateTo(): { toString(): string }
    }
  )({ current: infos[0], other: infos.slice(1) })
}

const normal = (range: { toString(): string }): string =>
  VersionRange.parse(range.toString()).normalize().toString()

for (const [name, specs] of Object.entries(cases)) {
  test(`canMigrateFrom/To match the reference: ${name}`, () => {
    const theirs = build(reference, specs)
    const mine = build(ours, specs)
    assert.equal(normal(mine.canMigrateFrom()), normal(theirs.canMigrateFrom()))
    assert.equal(normal(mine.canMigrateTo()), normal(theirs.canMigrateTo()))
  })
}
