import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, beforeEach, test } from 'node:test'
import { Actions } from '../../lib/actions'
import { setupDependencies } from '../../lib/dependencies'
import type { Effects } from '../../lib/effects'
import { isSdkError } from '../../lib/errors'
import { FileHelper } from '../../lib/file'
import { setupServiceInterfaces } from '../../lib/host'
import {
  setupInit,
  setupOnInit,
  setupOnUninit,
  setupUninit,
} from '../../lib/init'
import type { InitKind } from '../../lib/init'
import { FullProgressTracker } from '../../lib/progress'
import { VersionGraph, VersionInfo } from '../../lib/version'
import { z } from '../../lib/z'
import { simulatedHost, type SimulatedHost } from '../actions/helpers'
import { externally, tempDir, until } from '../file/helpers'

let host: SimulatedHost
const files = tempDir('init')
before(async () => {
  host = await simulatedHost('initialized')
})
after(async () => {
  await host.close()
  files.remove()
})
beforeEach(() => {
  host.sim.state().dataVersion = null
  host.sim.state().initProgress.length = 0
  host.sim.clearCalls()
})

let contexts = 0
/** Runs an `init` export as the runtime does, in a fresh context; returns the context name. */
async function runInit(
  init: ReturnType<typeof setupInit>,
  kind: InitKind = null,
): Promise<string> {
  const name = `init${contexts++}`
  await init({ effects: host.effects('init-event', name), kind })
  return name
}

test('steps run in order with the kind, each with its own tracker; progress ends done', async () => {
  const seen: string[] = []
  async function first(
    _e: Effects,
    kind: InitKind,
    progress: FullProgressTracker,
  ) {
    seen.push(`first ${kind}`)
    progress.addPhase('only').complete()
  }
  class Second {
    async init(_e: Effects, kind: InitKind, progress?: FullProgressTracker) {
      seen.push(`second ${kind} ${progress instanceof FullProgressTracker}`)
    }
  }
  await runInit(
    setupInit(
      first,
      new Second(),
      setupOnInit(async () => void seen.push('third')),
    ),
    'update',
  )
  assert.deepEqual(seen, ['first update', 'second update true', 'third'])
  const last = host.sim.state().initProgress.at(-1) as {
    overall: unknown
    phases: Array<{ name: string; progress: { overall: unknown } }>
  }
  assert.equal(last.overall, true)
  assert.deepEqual(
    last.phases.map((p) => [p.name, p.progress.overall]),
    [
      ['Init step 1: function first', true],
      ['Init step 2: Second', true],
      ['Init step 3: object', true],
    ],
  )
})

test('a failing step stops init with INIT_FAILED naming it; later steps do not run', async () => {
  const seen: string[] = []
  class Broken {
    async init() {
      throw new Error('boom')
    }
  }
  const init = setupInit(
    async () => void seen.push('a'),
    new Broken(),
    async () => void seen.push('c'),
  )
  await assert.rejects(runInit(init), (e: unknown) => {
    assert.ok(isSdkError(e, 'INIT_FAILED'))
    assert.equal(e.message, 'Init step 2 of 3 (Broken) failed: boom')
    assert.equal((e.cause as Error).message, 'boom')
    assert.deepEqual(e.details, { step: 2, name: 'Broken' })
    return true
  })
  assert.deepEqual(seen, ['a'])
  await assert.rejects(
    runInit(setupInit({ init: async () => Promise.reject(new Error('x')) })),
    /^SdkError: Init step 1 of 1 \(object\) failed: x$/,
  )
  await assert.rejects(
    runInit(setupInit(async () => Promise.reject('plain'))),
    /^SdkError: Init step 1 of 1 \(anonymous function\) failed: plain$/,
  )
})

test('a step reading a file with .const(effects) is re-run alone when the file changes', async () => {
  const path = join(files.dir, 'config.json')
  writeFileSync(path, '{"name": "a"}')
  const config = FileHelper.json(path, z.object({ name: z.string() }))
  const runs = { before: 0, reader: 0, after: 0 }
  const names: string[] = []
  const name = await runInit(
    setupInit(
      async () => void runs.before++,
      async (effects) => {
        runs.reader++
        names.push(String(await config.read((c) => c.name).const(effects)))
      },
      async () => void runs.after++,
    ),
  )
  assert.deepEqual(runs, { before: 1, reader: 1, after: 1 })
  externally(path, 'replace', '{"name": "b"}')
  await until(() => runs.reader === 2, 'the reader step to re-run')
  externally(path, 'replace', '{"name": "c"}')
  await until(() => runs.reader === 3, 'a second re-run')
  assert.deepEqual(names, ['a', 'b', 'c'])
  assert.deepEqual(runs, { before: 1, reader: 3, after: 1 })
  host.leave(name)
  externally(path, 'replace', '{"name": "d"}')
  await new Promise((r) => setTimeout(r, 150))
  assert.equal(runs.reader, 3, 'no re-run once the init context has left')
})

test('VersionGraph, interfaces, dependencies and actions fit as init steps', async () => {
  const migrated: string[] = []
  const v1 = VersionInfo.of({
    version: '1.0:0',
    releaseNotes: '1',
    migrations: {},
  })
  const v2 = VersionInfo.of({
    version: '2.0:0',
    releaseNotes: '2',
    migrations: {
      up: async ({ progress }) => {
        progress.addPhase('copy').complete()
        migrated.push('up')
      },
    },
  })
  const versions = VersionGraph.of({ current: v2, other: [v1] })
  const init = setupInit(
    versions,
    setupServiceInterfaces(async () => []),
    setupDependencies(async () => ({})),
    Actions.of(),
  )
  host.sim.state().dataVersion = '1.0:0'
  await runInit(init, 'update')
  assert.deepEqual(migrated, ['up'])
  assert.equal(host.sim.state().dataVersion, '2.0:0')
  const methods = host.sim.calls().map((c) => c.method)
  for (const m of [
    'get-data-version',
    'set-data-version',
    'set-dependencies',
    'action.clear',
  ]) {
    assert.ok(methods.includes(m), `${m} in ${methods.join(', ')}`)
  }
  const last = host.sim.state().initProgress.at(-1) as {
    phases: Array<{ name: string; progress: unknown }>
  }
  assert.deepEqual(last.phases[0], {
    name: 'Init step 1: VersionGraph',
    progress: {
      overall: true,
      phases: [
        {
          name: 'Migrating data from 1.0:0 to 2.0:0',
          progress: {
            overall: true,
            phases: [{ name: 'copy', progress: true }],
          },
        },
      ],
    },
  })
})

test('setupUninit runs its steps in order with the target; failures name the step', async () => {
  const seen: string[] = []
  const uninit = setupUninit(
    async (_e, target) => void seen.push(`fn ${target}`),
    setupOnUninit(async (_e, target) => void seen.push(`wrapped ${target}`)),
    { uninit: async (_e, target) => void seen.push(`script ${target}`) },
  )
  await uninit({ effects: host.effects(null), target: null })
  assert.deepEqual(seen, ['fn null', 'wrapped null', 'script null'])
  const failing = setupUninit(
    async () => undefined,
    async function drop() {
      throw new Error('nope')
    },
  )
  await assert.rejects(
    failing({ effects: host.effects(null), target: null }),
    (e: unknown) =>
      isSdkError(e, 'UNINIT_FAILED') &&
      e.message === 'Uninit step 2 of 2 (function drop) failed: nope',
  )
})

test('setupOnInit/setupOnUninit wrap functions and return scripts unchanged', async () => {
  const script = { init: async () => undefined }
  assert.equal(setupOnInit(script), script)
  const uscript = { uninit: async () => undefined }
  assert.equal(setupOnUninit(uscript), uscript)
  let got: unknown
  await setupOnInit(async (_e, _k, progress) => {
    got = progress
  }).init(host.effects(null), null)
  assert.ok(
    got instanceof FullProgressTracker,
    'a tracker is made when none is given',
  )
})
