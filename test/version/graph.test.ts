import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import {
  IMPOSSIBLE,
  VersionGraph,
  VersionInfo,
  overlaps,
} from '../../lib/version'
import { describePlan, r, runLog, v } from './fixtures'

const log = runLog()
const v1 = VersionInfo.of({
  version: '1.0:0',
  releaseNotes: 'first',
  migrations: {},
})
const v2 = VersionInfo.of({
  version: '2.0:0',
  releaseNotes: 'second',
  migrations: { up: log.step('up2'), down: log.step('down2') },
})
const v3 = VersionInfo.of({
  version: '3.0:0',
  releaseNotes: 'third',
  migrations: { up: log.step('up3'), down: log.step('down3') },
})
const chain = VersionGraph.of({ current: v3, other: [v1, v2] })

test('plan: up migrations going forward, in version order', () => {
  const steps = chain.plan({ from: v('1.0:0'), to: v('3.0:0') })
  assert.deepEqual(describePlan(steps), ['1.0:0>2.0:0:up', '2.0:0>3.0:0:up'])
  assert.deepEqual(
    steps.map((s) => s.migration),
    ['the `up` migration of 2.0:0', 'the `up` migration of 3.0:0'],
  )
})

test('plan: down migrations going back', () => {
  assert.deepEqual(
    describePlan(chain.plan({ from: v('3.0:0'), to: v('1.0:0') })),
    ['3.0:0>2.0:0:down', '2.0:0>1.0:0:down'],
  )
})

test('plan: nothing to do when from and to overlap', () => {
  assert.deepEqual(chain.plan({ from: v('3.0:0'), to: v('3.0.0:0') }), [])
  assert.deepEqual(chain.plan({ from: v('2.0:0'), to: r('>=2.0:0') }), [])
})

test('plan: a data version between declared ones starts from the gap below the next', () => {
  assert.deepEqual(
    describePlan(chain.plan({ from: v('1.5:0'), to: v('3.0:0') })),
    ['>=1.0:0 && <2.0:0>2.0:0:up', '2.0:0>3.0:0:up'],
  )
  assert.deepEqual(
    describePlan(chain.plan({ from: v('0.1:0'), to: v('3.0:0') })),
    ['<1.0:0>1.0:0:up', '1.0:0>2.0:0:up', '2.0:0>3.0:0:up'],
  )
})

test('plan: an `other` range is an extra edge, and the shortest path wins', () => {
  const fast = runLog()
  const v3ff = VersionInfo.of({
    version: '3.0:0',
    releaseNotes: 'third',
    migrations: {
      up: fast.step('up3'),
      other: {
        '>=1.0:0 <2.0:0': { up: fast.step('ff'), down: fast.step('back') },
      },
    },
  })
  const graph = VersionGraph.of({ current: v3ff, other: [v1, v2] })
  const up = graph.plan({ from: v('1.0:0'), to: v('3.0:0') })
  assert.deepEqual(describePlan(up), ['>=1.0:0 && <2.0:0>3.0:0:up'])
  assert.equal(
    up[0]!.migration,
    '`migrations.other[">=1.0:0 <2.0:0"].up` of 3.0:0',
  )
  // down to a range target: the `other` down lands in a range that overlaps it
  assert.deepEqual(
    describePlan(graph.plan({ from: v('3.0:0'), to: r('<=1.0:0') })),
    ['3.0:0>>=1.0:0 && <2.0:0:down'],
  )
  // the same graph always gives the same plan
  assert.deepEqual(
    describePlan(graph.plan({ from: v('1.0:0'), to: v('3.0:0') })),
    describePlan(up),
  )
})

test('plan: data somewhere in a range does not suit a target that only overlaps it', () => {
  // 1.5:0 lies in the gap [1.0, 2.0): it must go up to 2.0, then down to suit <=1.2:0
  assert.deepEqual(
    describePlan(chain.plan({ from: v('1.5:0'), to: r('<=1.2:0') })).length,
    2,
  )
  // a `down` migration into a range settles the data for every version of it
  assert.deepEqual(
    describePlan(chain.plan({ from: v('2.0:0'), to: r('<1.0:0') })),
    ['2.0:0>1.0:0:down', '1.0:0><1.0:0:down'],
  )
})

test('IMPOSSIBLE blocks the edge; the error names from, to, the furthest version and the fix', () => {
  const v3x = VersionInfo.of({
    version: '3.0:0',
    releaseNotes: 'third',
    migrations: { up: IMPOSSIBLE, down: IMPOSSIBLE },
  })
  const graph = VersionGraph.of({ current: v3x, other: [v1, v2] })
  assert.throws(
    () => graph.plan({ from: v('1.0:0'), to: v('3.0:0') }),
    (e: unknown) => {
      assert.ok(isSdkError(e, 'MIGRATION_UNREACHABLE'))
      assert.equal(
        e.message,
        "Cannot migrate from 1.0:0 to 3.0:0: no migration path; the furthest reachable version is 2.0:0. Fix: the `up` migration of 3.0:0 is IMPOSSIBLE: replace it with a migration, or add `other: { '>=2.0:0 && <3.0:0': { up } }` to the migrations of 3.0:0",
      )
      assert.deepEqual(e.details, {
        from: '1.0:0',
        to: '3.0:0',
        reached: '2.0:0',
      })
      return true
    },
  )
  assert.throws(
    () => graph.plan({ from: v('3.0:0'), to: v('1.0:0') }),
    (e: unknown) =>
      isSdkError(e, 'MIGRATION_UNREACHABLE') &&
      e.message ===
        "Cannot migrate from 3.0:0 to 1.0:0: no migration path; the furthest reachable version is 3.0:0. Fix: the `down` migration of 3.0:0 is IMPOSSIBLE: replace it with a migration, or add `other: { '1.0:0': { down } }` to the migrations of 3.0:0",
  )
  assert.throws(
    () => graph.plan({ from: v('9.0:0'), to: v('3.0:0') }),
    /^SdkError: Cannot migrate from 9\.0:0 to 3\.0:0: no version or range of this VersionGraph contains 9\.0:0/,
  )
  assert.throws(
    () => graph.plan({ from: v('1.0:0'), to: v('4.0:0') }),
    /4\.0:0 is not a version of this VersionGraph; add its VersionInfo/,
  )
  // an `other` entry restores the path
  const v3y = VersionInfo.of({
    version: '3.0:0',
    releaseNotes: 'third',
    migrations: {
      up: IMPOSSIBLE,
      other: { '>=2.0:0 <3.0:0': { up: log.step('x') } },
    },
  })
  const fixed = VersionGraph.of({ current: v3y, other: [v1, v2] })
  assert.deepEqual(
    describePlan(fixed.plan({ from: v('1.0:0'), to: v('3.0:0') })),
    ['1.0:0>2.0:0:up', '>=2.0:0 && <3.0:0>3.0:0:up'],
  )
})

test('flavors: separate chains, joined only by `other` ranges', () => {
  const knots = VersionInfo.of({
    version: '#knots:29.0:0',
    releaseNotes: 'knots',
    migrations: { other: { '#knots': { down: log.step('unknot') } } },
  })
  const core = VersionInfo.of({
    version: '29.0:0',
    releaseNotes: 'core',
    migrations: { other: { '#knots': { up: log.step('fromKnots') } } },
  })
  const graph = VersionGraph.of({ current: core, other: [knots] })
  assert.deepEqual(
    describePlan(graph.plan({ from: v('#knots:29.0:0'), to: v('29.0:0') })),
    ['#knots>29.0:0:up'],
  )
  assert.throws(
    () => graph.plan({ from: v('29.0:0'), to: v('#knots:29.0:0') }),
    (e: unknown) => isSdkError(e, 'MIGRATION_UNREACHABLE'),
  )
})

test('canMigrateFrom/To are the normalized reachable ranges', () => {
  assert.equal(chain.canMigrateFrom().toString(), '<=3.0:0')
  assert.equal(chain.canMigrateTo().toString(), '<=3.0:0')
  const noDownCurrent = VersionInfo.of({
    version: '3.0:0',
    releaseNotes: 'x',
    migrations: { down: IMPOSSIBLE },
  })
  const noDown = VersionGraph.of({ current: noDownCurrent, other: [v1, v2] })
  assert.equal(noDown.canMigrateFrom().toString(), '<=3.0:0')
  assert.equal(noDown.canMigrateTo().toString(), '=3.0:0')
  assert.equal(noDown.canMigrateTo(), noDown.canMigrateTo(), 'memoised')
})

test('currentVersion, dump', () => {
  assert.equal(chain.currentVersion().toString(), '3.0:0')
  assert.equal(chain.current, v3)
  const text = chain.dump()
  assert.match(text, /^VersionGraph \(current 3\.0:0\)\n/)
  assert.match(
    text,
    /\n {2}version 1\.0:0\n {4}down → <1\.0:0 \(nothing to run\)\n {4}up → 2\.0:0 \(the `up` migration of 2\.0:0\)\n {4}in >=1\.0:0 && <2\.0:0\n {2}version 2\.0:0\n/,
  )
  assert.match(
    text,
    /\n {2}range <1\.0:0\n {4}up → 1\.0:0 \(nothing to run\)\n/,
  )
  assert.match(text, /\n {4}in >=1\.0:0 && <2\.0:0\n/)
})

test('duplicate versions are VERSION_INVALID naming them', () => {
  const again = VersionInfo.of({
    version: '2.0.0:0',
    releaseNotes: 'dup',
    migrations: {},
  })
  assert.throws(
    () => new VersionGraph({ current: v3, other: [v1, v2, again] }),
    (e: unknown) =>
      isSdkError(e, 'VERSION_INVALID') &&
      e.message ===
        'VersionGraph.of: version 2.0.0:0 is declared twice (as 2.0:0 and 2.0.0:0); each VersionInfo must have a distinct version: remove the duplicate from `current`/`other`',
  )
})

test('VersionInfo.of checks version, other keys and migrations at run time', () => {
  const of = VersionInfo.of as (o: unknown) => unknown
  assert.throws(
    () => of({ version: '1.0', releaseNotes: '', migrations: {} }),
    /^SdkError: Expected `version` to be an extended version such as "1\.2\.3:0", got `1\.0`/,
  )
  assert.throws(
    () =>
      of({
        version: '1.0:0',
        releaseNotes: '',
        migrations: { other: { '^28 || 30.x:0': {} } },
      }),
    (e: unknown) =>
      isSdkError(e, 'VERSION_INVALID') &&
      e.message.startsWith(
        'Expected the key of `migrations.other["^28 || 30.x:0"]` of version 1.0:0 to be a version range',
      ),
  )
  assert.throws(
    () => of({ version: '1.0:0', releaseNotes: '', migrations: { up: 'x' } }),
    /Expected `migrations.up` of version 1\.0:0 to be an async function, IMPOSSIBLE or absent, got string/,
  )
})

test('satisfies returns a new VersionInfo with the version appended', () => {
  const a = v1.satisfies('1.0.0:0')
  const b = a.satisfies('#knots:1.0:0')
  assert.deepEqual(v1.options.satisfies, [])
  assert.deepEqual(a.options.satisfies, ['1.0.0:0'])
  assert.deepEqual(b.options.satisfies, ['1.0.0:0', '#knots:1.0:0'])
  assert.equal(b._version, '1.0:0')
  assert.throws(
    () => (v1.satisfies as (x: string) => unknown)('1.0'),
    /VERSION|version/,
  )
})

test('overlaps: any mix of versions and ranges', () => {
  assert.equal(overlaps(v('1.0:0'), v('1.0.0:0')), true)
  assert.equal(overlaps(v('1.0:0'), v('#a:1.0:0')), false)
  assert.equal(overlaps(v('1.5:0'), r('>=1.0:0 <2.0:0')), true)
  assert.equal(overlaps(r('<1.0:0'), r('>=1.0:0')), false)
  assert.equal(overlaps(r('<=1.0:0'), r('>=1.0:0')), true)
})
