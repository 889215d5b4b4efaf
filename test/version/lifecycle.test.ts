import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import { buildManifest } from '../../lib/manifest'
import { FullProgressTracker } from '../../lib/progress'
import type { InitKind } from '../../lib/types'
import {
  IMPOSSIBLE,
  VersionGraph,
  VersionInfo,
  getDataVersion,
  setDataVersion,
} from '../../lib/version'
import type { MigrationOpts } from '../../lib/version'
import { simulatedHost, type SimulatedHost } from '../actions/helpers'
import { manifest } from '../manifest/fixtures'
import { r, runLog, v } from './fixtures'

let host: SimulatedHost
before(async () => {
  host = await simulatedHost('versioned')
})
after(() => host.close())

let log = runLog()
let failAt = ''
beforeEach(() => {
  log = runLog()
  failAt = ''
  host.sim.state().dataVersion = null
  host.sim.clearCalls()
})

const step =
  (name: string) =>
  (opts: MigrationOpts): Promise<void> =>
    log.step(name, () => failAt === name)(opts)

const v1 = VersionInfo.of({
  version: '1.0:0',
  releaseNotes: '1',
  migrations: {},
})
const v2 = VersionInfo.of({
  version: '2.0:0',
  releaseNotes: '2',
  migrations: { up: step('up2'), down: step('down2') },
})
const v3 = VersionInfo.of({
  version: '3.0:0',
  releaseNotes: '3',
  migrations: { up: step('up3'), down: step('down3') },
})
const graph = VersionGraph.of({ current: v3, other: [v1, v2] })

/** The recorded effect calls as `method version` lines. */
function calls(): string[] {
  return host.sim.calls().map((c) => {
    const p = c.params as { version?: string | null }
    return 'version' in p ? `${c.method} ${p.version}` : c.method
  })
}

const stored = (text: string | null): void => {
  host.sim.state().dataVersion = text
}

test('install without a data version stores the current one, whatever the kind', async () => {
  for (const kind of ['install', 'update', 'restore', null] as InitKind[]) {
    stored(null)
    host.sim.clearCalls()
    await graph.init(host.effects('e'), kind)
    assert.deepEqual(calls(), ['get-data-version', 'set-data-version 3.0:0'])
    assert.deepEqual(log.ran, [])
  }
})

test('a stored current version: nothing runs and nothing is written, whatever the kind', async () => {
  for (const kind of ['install', 'update', 'restore', null] as InitKind[]) {
    stored('3.0:0')
    host.sim.clearCalls()
    await graph.init(host.effects('e'), kind)
    assert.deepEqual(calls(), ['get-data-version'])
  }
  assert.deepEqual(log.ran, [])
})

test('update: runs the ups in order, writes after each, progress reaches done', async () => {
  stored('1.0:0')
  const reports: unknown[] = []
  const progress = new FullProgressTracker(async (p) => void reports.push(p))
  await graph.init(host.effects('e'), 'update', progress)
  assert.deepEqual(log.ran, ['up2', 'up3'])
  assert.deepEqual(calls(), [
    'get-data-version',
    'set-data-version 2.0:0',
    'set-data-version 3.0:0',
  ])
  assert.equal(host.sim.state().dataVersion, '3.0:0')
  await progress.sync()
  const snap = progress.snapshot()
  assert.deepEqual(
    snap.phases.map((p) => [p.name, p.progress]),
    [
      [
        'Migrating data from 1.0:0 to 2.0:0',
        { overall: true, phases: [{ name: 'work', progress: true }] },
      ],
      [
        'Migrating data from 2.0:0 to 3.0:0',
        { overall: true, phases: [{ name: 'work', progress: true }] },
      ],
    ],
  )
  assert.deepEqual(snap.overall, { done: 2, total: 2, units: null })
  assert.deepEqual(reports.at(-1), snap)
})

test('a stored range overlapping the current version is replaced by the current one', async () => {
  stored('>=2.5:0 <=3.0:0')
  await graph.init(host.effects('e'), null)
  assert.deepEqual(log.ran, [])
  assert.deepEqual(calls(), ['get-data-version', 'set-data-version 3.0:0'])
})

test('an unreachable stored version is refused before any migration or write', async () => {
  const lockedCurrent = VersionInfo.of({
    version: '3.0:0',
    releaseNotes: '3',
    migrations: { up: IMPOSSIBLE },
  })
  const locked = VersionGraph.of({ current: lockedCurrent, other: [v1, v2] })
  stored('1.0:0')
  await assert.rejects(
    locked.init(host.effects('e'), 'update'),
    (e: unknown) =>
      isSdkError(e, 'MIGRATION_UNREACHABLE') &&
      /furthest reachable version is 2\.0:0/.test(e.message),
  )
  assert.deepEqual(log.ran, [], 'up2 would be reachable, but nothing runs')
  assert.deepEqual(calls(), ['get-data-version'])
  assert.equal(host.sim.state().dataVersion, '1.0:0')
})

test('a failing first migration leaves the data version unchanged', async () => {
  stored('1.0:0')
  failAt = 'up2'
  await assert.rejects(
    graph.init(host.effects('e'), 'update'),
    (e: unknown) => {
      assert.ok(isSdkError(e, 'MIGRATION_FAILED'))
      assert.equal(
        e.message,
        'Migration step 1 of 2 (the `up` migration of 2.0:0, from 1.0:0 to 2.0:0) failed: up2 broke. The data version stays 1.0:0; fix the migration and start the service again',
      )
      assert.equal((e.cause as Error).message, 'up2 broke')
      return true
    },
  )
  assert.deepEqual(calls(), ['get-data-version'])
  assert.equal(host.sim.state().dataVersion, '1.0:0')
})

test('a failing later migration leaves the data version at the last completed step', async () => {
  stored('1.0:0')
  failAt = 'up3'
  await assert.rejects(
    graph.init(host.effects('e'), 'update'),
    /Migration step 2 of 2 .*The data version stays 2\.0:0;/,
  )
  assert.deepEqual(log.ran, ['up2'])
  assert.equal(host.sim.state().dataVersion, '2.0:0')
  // restarting resumes from there: up2 does not run twice
  failAt = ''
  await graph.init(host.effects('e'), null)
  assert.deepEqual(log.ran, ['up2', 'up3'])
  assert.equal(host.sim.state().dataVersion, '3.0:0')
})

test('uninit to an older version runs the downs and stores the version reached', async () => {
  stored('3.0:0')
  await graph.uninit(host.effects('e'), v('1.0:0'))
  assert.deepEqual(log.ran, ['down3', 'down2'])
  assert.deepEqual(calls(), [
    'get-data-version',
    'set-data-version 2.0:0',
    'set-data-version 1.0:0',
  ])
})

test('uninit to a range target stops at the first version it accepts', async () => {
  stored('3.0:0')
  await graph.uninit(host.effects('e'), r('<=2.0:0'))
  assert.deepEqual(log.ran, ['down3'])
  assert.equal(host.sim.state().dataVersion, '2.0:0')
})

test('uninit: null (uninstall), the current version (shutdown) and no data version do nothing', async () => {
  stored('3.0:0')
  await graph.uninit(host.effects('e'), null)
  assert.deepEqual(calls(), [])
  await graph.uninit(host.effects('e'), v('3.0:0'))
  assert.deepEqual(calls(), ['get-data-version'])
  stored(null)
  host.sim.clearCalls()
  await graph.uninit(host.effects('e'), v('1.0:0'))
  assert.deepEqual(calls(), ['get-data-version'])
  assert.deepEqual(log.ran, [])
})

test('uninit refuses an unreachable or empty target before running anything', async () => {
  const noDownCurrent = VersionInfo.of({
    version: '3.0:0',
    releaseNotes: '3',
    migrations: { down: IMPOSSIBLE },
  })
  const noDown = VersionGraph.of({ current: noDownCurrent, other: [v1, v2] })
  stored('3.0:0')
  await assert.rejects(
    noDown.uninit(host.effects('e'), v('1.0:0')),
    (e: unknown) => isSdkError(e, 'MIGRATION_UNREACHABLE'),
  )
  assert.deepEqual(calls(), ['get-data-version'])
  host.sim.clearCalls()
  await assert.rejects(
    graph.uninit(host.effects('e'), r('<1.0:0 && >2.0:0')),
    /the target range matches no version/,
  )
  assert.deepEqual(calls(), [])
})

test('migrate returns the version reached; getDataVersion/setDataVersion round-trip', async () => {
  const effects = host.effects('e')
  const reached = await graph.migrate({
    effects,
    from: v('2.0:0'),
    to: v('3.0:0'),
  })
  assert.equal(reached.toString(), '3.0:0')
  await setDataVersion(effects, r('>=1.0:0'))
  assert.equal((await getDataVersion(effects))?.toString(), '>=1.0:0')
  await setDataVersion(effects, null)
  assert.equal(await getDataVersion(effects), null)
  stored('not a version')
  await assert.rejects(
    getDataVersion(effects),
    (e: unknown) =>
      isSdkError(e, 'VERSION_INVALID') && /`not a version`/.test(e.message),
  )
})

test('buildManifest reads canMigrateFrom/To from a real graph', () => {
  const three = VersionInfo.of({
    version: '3.0:0',
    releaseNotes: 'three',
    migrations: { down: IMPOSSIBLE },
  }).satisfies('3.0.0:1')
  const locked = VersionGraph.of({ current: three, other: [v1, v2] })
  const out = buildManifest(locked, manifest())
  assert.equal(out.version, '3.0:0')
  assert.equal(out.releaseNotes, 'three')
  assert.deepEqual(out.satisfies, ['3.0.0:1'])
  assert.equal(out.canMigrateFrom, '<=3.0:0')
  assert.equal(out.canMigrateTo, '=3.0:0')
})
