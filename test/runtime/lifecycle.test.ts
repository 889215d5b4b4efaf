import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, test } from 'node:test'
import { createLifecycle, handleLine } from '../../lib/runtime'
import type { HostClient, Lifecycle, RpcHandlers } from '../../lib/runtime'
import type { Effects } from '../../lib/effects'
import { captureLogger, sleep, tempDir } from './helpers'

const EVENT = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
type Bundle = Record<string, unknown>
const registry = globalThis as { __lifecycleBundle?: Bundle }
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((fn) => fn()))

interface Setup {
  life: Lifecycle
  h: RpcHandlers
  calls: { method: string; params: Record<string, unknown> }[]
  exits: number[]
  log: ReturnType<typeof captureLogger>
  rpc: (method: string, params?: unknown) => Promise<Record<string, any>>
}

/** A lifecycle over a bundle file that re-exports `bundle`, with an in-memory host. */
function setup(bundle: Bundle, environment = 'prod'): Setup {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  const entry = join(dir, 'index.js')
  writeFileSync(entry, 'module.exports = globalThis.__lifecycleBundle\n')
  registry.__lifecycleBundle = bundle
  const calls: Setup['calls'] = []
  const client: HostClient = {
    call: async (method, params) => {
      calls.push({ method, params })
      return null
    },
  }
  const exits: number[] = []
  const log = captureLogger()
  const life = createLifecycle({
    log,
    client,
    packageEntry: entry,
    exit: (code) => exits.push(code),
    environment,
  })
  const rpc = async (method: string, params: unknown = {}) => {
    const line = JSON.stringify({ id: 1, method, params })
    const { reply, afterReply } = await handleLine(line, {
      handlers: life.handlers,
      log,
    })
    afterReply.forEach((fn) => fn())
    return JSON.parse(reply as string) as Record<string, any>
  }
  return { life, h: life.handlers, calls, exits, log, rpc }
}

const daemon = (onTerm: () => unknown = () => {}) => ({
  build: async () => ({ term: async () => void (await onTerm()) }),
})

test('init loads the bundle lazily, once, and retries after a failure', async () => {
  let runs = 0
  let fail = true
  const s = setup({
    init: async ({ effects, kind }: { effects: Effects; kind: unknown }) => {
      runs++
      assert.equal(effects.eventId, EVENT)
      assert.equal(kind, 'install')
      await sleep(5)
      if (fail) throw new Error('init boom')
    },
  })
  assert.equal(s.life.root, undefined)
  const failed = await s.rpc('init', { id: EVENT, kind: 'install' })
  assert.equal(failed.error.code, 0)
  assert.equal(failed.error.data.details, 'Error: init boom')
  assert.equal(s.life.initialized, false)
  const refused = await s.rpc('start')
  assert.deepEqual(refused.error, {
    code: 1,
    message: 'System not initialized',
    data: { details: 'System not initialized' },
  })
  fail = false
  const both = await Promise.all([
    s.rpc('init', { id: EVENT, kind: 'install' }),
    s.rpc('init', { id: EVENT, kind: 'install' }),
  ])
  assert.deepEqual(
    both.map((r) => r.result),
    [null, null],
  )
  assert.equal(runs, 2, 'concurrent first calls share one run')
  assert.equal(s.life.initialized, true)
  await s.rpc('init', { id: EVENT, kind: 'install' })
  assert.equal(runs, 2)
})

test('a missing bundle fails init with `<path> not found`', async () => {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  const log = captureLogger()
  const life = createLifecycle({
    log,
    client: { call: async () => null },
    packageEntry: join(dir, 'index.js'),
  })
  await assert.rejects(
    Promise.resolve(life.handlers.init({ id: EVENT, kind: null }, ctx())),
    { message: `${join(dir, 'index.js')} not found` },
  )
})

function ctx(hooks: (() => void)[] = []) {
  return { id: 1, afterReply: (fn: () => void) => void hooks.push(fn) }
}

test('start builds main once, constRetry restarts once, stop leaves then terms', async () => {
  const events: string[] = []
  let mainEffects: Effects | undefined
  let mains = 0
  const s = setup({
    init: async () => {},
    main: async ({ effects }: { effects: Effects }) => {
      mains++
      mainEffects = effects
      assert.equal(effects.eventId, null)
      effects.onLeaveContext(() => void events.push('left'))
      await sleep(10)
      return daemon(() => events.push('term'))
    },
  })
  await s.rpc('init', { id: EVENT, kind: null })
  const [a, b] = await Promise.all([s.rpc('start'), s.rpc('start')])
  assert.deepEqual([a.result, b.result], [null, null])
  assert.equal(mains, 1)
  assert.equal(s.life.running, true)
  assert.equal((await s.rpc('start')).result, null)
  assert.equal(mains, 1)
  const effects = mainEffects as Effects
  effects.constRetry?.()
  effects.constRetry?.()
  assert.deepEqual(
    s.calls.map((c) => c.method),
    ['restart'],
  )
  assert.equal((await s.rpc('stop')).result, null)
  assert.deepEqual(events, ['left', 'term'])
  assert.equal(effects.isInContext, false)
  assert.equal(effects.constRetry, undefined)
  assert.equal(s.life.running, false)
  assert.equal((await s.rpc('stop')).result, null)
})

test('stop forgets main even when term throws; stop during start terms after build', async () => {
  let throwOnTerm = true
  let terms = 0
  let release: () => void = () => {}
  let slow = false
  const s = setup({
    init: async () => {},
    main: async () => {
      if (slow) await new Promise<void>((r) => (release = r))
      return daemon(() => {
        terms++
        if (throwOnTerm) throw new Error('term boom')
      })
    },
  })
  await s.rpc('init', { id: EVENT, kind: null })
  await s.rpc('start')
  const stopped = await s.rpc('stop')
  assert.equal(stopped.error.data.details, 'Error: term boom')
  assert.equal(s.life.running, false)
  throwOnTerm = false
  slow = true
  const starting = s.rpc('start')
  await sleep(5)
  assert.equal((await s.rpc('stop')).result, null)
  release()
  assert.equal((await starting).result, null)
  assert.equal(terms, 2)
  assert.equal(s.life.running, false)
})

test('execute routes backups and actions, each in a fresh child context', async () => {
  const seen: unknown[] = []
  const s = setup({
    init: async () => {},
    createBackup: async ({ effects }: { effects: Effects }) => {
      seen.push(['backup', effects.eventId])
    },
    actions: {
      get: (id: string) =>
        id !== 'greet'
          ? undefined
          : {
              getInput: async ({ effects, prefill }: any) => {
                effects.onLeaveContext(() => void seen.push('left'))
                return { eventId: effects.eventId, spec: {}, value: prefill }
              },
              run: async ({ input }: any) => {
                if (input.refuse) throw { error: 'refused', code: 36 }
                return { version: '1', title: 'hi', message: input.name }
              },
            },
    },
  })
  const procedure = (p: string, input: unknown = null) =>
    s.rpc('execute', { id: EVENT, procedure: p, input, timeout: 30000 })
  assert.equal((await procedure('/backup/create')).error.code, 1)
  await s.rpc('init', { id: EVENT, kind: null })
  assert.equal((await procedure('/backup/create')).result, null)
  assert.deepEqual(seen, [['backup', EVENT]])
  const got = await procedure('/actions/greet/getInput', { prefill: { a: 1 } })
  assert.deepEqual(got.result, { eventId: EVENT, spec: {}, value: { a: 1 } })
  const again = await procedure('/actions/greet/getInput', {})
  assert.deepEqual(again.result.value, null)
  assert.deepEqual(seen.slice(1), ['left'], 'same procedure leaves the old')
  const ran = await procedure('/actions/greet/run', { input: { name: 'x' } })
  assert.equal(ran.result.message, 'x')
  const refused = await procedure('/actions/greet/run', {
    input: { refuse: true },
  })
  assert.deepEqual(refused.error, {
    code: 36,
    message: 'refused',
    data: { details: 'refused' },
  })
  const missing = await procedure('/actions/nope/run', { input: {} })
  assert.equal(missing.error.code, 0)
  assert.equal(missing.error.message, 'Action nope not found')
  const nullInput = await procedure('/actions/greet/run', null)
  assert.equal(nullInput.error.code, 0)
  for (const leftover of [
    '/packageInit',
    '/packageUninit',
    '/backup/restore',
  ]) {
    assert.equal((await procedure(leftover)).result, null)
  }
  const sandboxed = await s.rpc('sandbox', {
    id: EVENT,
    procedure: '/actions/greet/run',
    input: { input: { name: 'y' } },
  })
  assert.equal(sandboxed.result.message, 'y')
})

test('exit: ignored before init; after init terms main, keeps its context, uninits and exits', async () => {
  const events: string[] = []
  const targets: unknown[] = []
  const s = setup({
    init: async () => {},
    main: async ({ effects }: { effects: Effects }) => {
      effects.onLeaveContext(() => void events.push('left'))
      return daemon(() => events.push('term'))
    },
    uninit: async ({ effects, target }: any) => {
      assert.equal(effects.eventId, EVENT)
      assert.equal(effects.isInContext, false)
      targets.push(
        target === null ? null : [target.constructor.name, `${target}`],
      )
    },
  })
  assert.equal((await s.rpc('exit', { id: EVENT, target: null })).result, null)
  assert.deepEqual(s.exits, [])
  await s.rpc('init', { id: EVENT, kind: null })
  await s.rpc('start')
  const exited = await s.rpc('exit', { id: EVENT, target: '1.2.3:0' })
  assert.equal(exited.result, null)
  assert.deepEqual(events, ['term'])
  assert.deepEqual(s.exits, [0])
  await s.rpc('exit', { id: EVENT, target: '>=1.0.0:0 && <2.0.0:0' })
  await s.rpc('exit', { id: EVENT, target: null })
  assert.deepEqual(
    targets.slice(1, 3).map((t) => (t as string[])?.[0] ?? t),
    ['VersionRange', null],
  )
  assert.deepEqual(targets[0], ['ExtendedVersion', '1.2.3:0'])
  const bad = await s.rpc('exit', { id: EVENT, target: 'not a version' })
  assert.equal(bad.error.code, 0)
  assert.deepEqual(s.exits, [0, 0, 0])
})

test('callback before init is ignored; eval is refused outside dev builds', async () => {
  const s = setup({ init: async () => {} })
  await s.h.callback({ id: 1, args: [] }, { id: undefined, afterReply() {} })
  assert.match(s.log.lines.at(-1) as string, /callback 1 ignored/)
  const refused = await s.rpc('eval', { script: '1 + 1' })
  assert.equal(refused.error.code, 1)
  assert.match(refused.error.data.details, /STARTOS_ENVIRONMENT/)
  const dev = setup({}, 'x-dev')
  const cases: [string, unknown][] = [
    ['1 + 1', 2],
    ["this.require('node:path').sep", '/'],
    ['await Promise.resolve({ a: [1] })', { a: [1] }],
    ['undefined', null],
    ['() => 1', null],
    ['null', null],
  ]
  for (const [script, expected] of cases) {
    assert.deepEqual((await dev.rpc('eval', { script })).result, expected)
  }
  const thrown = await dev.rpc('eval', { script: 'nope.x' })
  assert.equal(thrown.error.code, 0)
})
