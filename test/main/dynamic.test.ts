import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, mock, test } from 'node:test'
import { Daemons, DaemonsReconciler } from '../../lib/main'
import type { Lab, TestManifest } from '../subcontainer/helpers'
import { lab, processesUnder, running, until } from '../subcontainer/helpers'
import type { Start, Tenants } from './dynamicHelpers'
import { live, startsIn, tenants } from './dynamicHelpers'

let l: Lab
before(async () => {
  l = await lab()
})
after(() => l.close())

let n = 0
/** A fresh tenants folder and a reconciler over it, in a context of its own. */
function setup(): {
  t: Tenants
  context: string
  reconciler: DaemonsReconciler<TestManifest>
} {
  const context = `dyn${n++}`
  const dir = join(l.root, context)
  mkdirSync(dir)
  const t = tenants(dir)
  const reconciler = Daemons.dynamic(l.effects(context), t.builder)
  assert.ok(reconciler instanceof DaemonsReconciler)
  return { t, context, reconciler }
}

/** Waits until exactly `ids` run, each with its tag (`id` or `id:tag`). */
async function settled(
  t: Tenants,
  wanted: string[],
): Promise<Map<string, Start>> {
  const want = new Map(
    wanted.map((w) => {
      const [id, tag] = w.split(':')
      return [id as string, tag ?? ''] as const
    }),
  )
  let now = live(t.events)
  await until(
    () => {
      now = live(t.events)
      if (now.size !== want.size) return false
      for (const [id, tag] of want) if (now.get(id)?.tag !== tag) return false
      return true
    },
    `running daemons ${wanted.join(', ')}`,
    10_000,
  )
  return now
}

/** Waits for `count` more builder runs, then a little longer so their effects show. */
async function runsPast(t: Tenants, count: number): Promise<void> {
  await until(() => t.runs() >= count, `builder run ${count}`)
  await new Promise((r) => setTimeout(r, 300))
}

test('add, change, dependents, remove, rename and ready-only edits: only what changed restarts', async () => {
  const { t, reconciler } = setup()
  await t.write([
    { id: 'a' },
    { id: 'b', requires: ['a'] },
    { id: 'c', requires: ['b'] },
    { id: 'x' },
  ])
  const handle = await reconciler.build()
  const first = await settled(t, ['a', 'b', 'c', 'x'])
  assert.equal(startsIn(t.events).length, 4)

  // A hashed field of `a` changes: `a` and its dependents (b, then c through b) restart.
  await t.write([
    { id: 'a', tag: 'v2' },
    { id: 'b', requires: ['a'] },
    { id: 'c', requires: ['b'] },
    { id: 'x' },
  ])
  const second = await settled(t, ['a:v2', 'b', 'c', 'x'])
  for (const id of ['a', 'b', 'c']) {
    assert.notEqual(second.get(id)?.pid, first.get(id)?.pid, `${id} restarted`)
    assert.equal(running(first.get(id)?.pid ?? 0), false, `old ${id} stopped`)
  }
  assert.equal(second.get('x')?.pid, first.get('x')?.pid, 'x left alone')
  assert.equal(startsIn(t.events).length, 7)

  // Remove `x`, add `y`: x stops, y starts, the rest is left alone.
  await t.write([
    { id: 'a', tag: 'v2' },
    { id: 'b', requires: ['a'] },
    { id: 'c', requires: ['b'] },
    { id: 'y' },
  ])
  const third = await settled(t, ['a:v2', 'b', 'c', 'y'])
  assert.equal(running(first.get('x')?.pid ?? 0), false, 'x stopped')
  for (const id of ['a', 'b', 'c'])
    assert.equal(third.get(id)?.pid, second.get(id)?.pid, `${id} left alone`)

  // Rename `c` to `d`: c stops, d starts.
  await t.write([
    { id: 'a', tag: 'v2' },
    { id: 'b', requires: ['a'] },
    { id: 'd', requires: ['b'] },
    { id: 'y' },
  ])
  const fourth = await settled(t, ['a:v2', 'b', 'd', 'y'])
  assert.equal(running(third.get('c')?.pid ?? 0), false, 'c stopped')
  for (const id of ['a', 'b', 'y'])
    assert.equal(fourth.get(id)?.pid, third.get(id)?.pid, `${id} left alone`)

  // Only what ready.fn reports changes: the builder runs, nothing restarts.
  const starts = startsIn(t.events).length
  const createdBefore = l.created()
  const runs = t.runs()
  await t.write([
    { id: 'a', tag: 'v2', readyMessage: 'still up' },
    { id: 'b', requires: ['a'] },
    { id: 'd', requires: ['b'] },
    { id: 'y' },
  ])
  await runsPast(t, runs + 1)
  assert.equal(startsIn(t.events).length, starts, 'nothing started')
  assert.deepEqual(await settled(t, ['a:v2', 'b', 'd', 'y']), fourth)

  // scheduleRerun with nothing changed: one more run, nothing restarts.
  reconciler.scheduleRerun()
  await runsPast(t, t.runs() + 1)
  assert.equal(startsIn(t.events).length, starts)
  assert.equal(
    l.created(),
    createdBefore,
    'the new handles of entries left alone were never created',
  )

  const created = l.created()
  await handle.term()
  await handle.term()
  assert.deepEqual([...live(t.events).keys()], [], '0 processes after term()')
  await until(
    () => l.created() === l.destroyed(),
    'every subcontainer destroyed',
  )
  assert.equal(l.created(), created, 'term() created nothing')
  assert.equal(
    startsIn(t.events).length,
    starts,
    'the unchanged runs materialized no new subcontainer or process',
  )
})

test('a burst of 20 rewrites coalesces into a few runs and ends at the last write', async () => {
  const { t, reconciler } = setup()
  await t.write([
    { id: 'a', tag: 'w0' },
    { id: 'b', requires: ['a'] },
  ])
  const handle = await reconciler.build()
  await settled(t, ['a:w0', 'b'])
  const runs = t.runs()
  for (let i = 1; i <= 20; i++) {
    await t.write([
      { id: 'a', tag: `w${i}` },
      { id: 'b', requires: ['a'] },
    ])
  }
  await settled(t, ['a:w20', 'b'])
  await runsPast(t, runs + 1)
  assert.ok(t.runs() - runs <= 6, `${t.runs() - runs} runs for 20 rewrites`)
  const aStarts = startsIn(t.events).filter((s) => s.id === 'a').length
  assert.ok(aStarts <= 7, `a started ${aStarts} times`)

  // scheduleRerun bursts: one run in flight plus one pending, whatever the count.
  const before = t.runs()
  for (let i = 0; i < 20; i++) reconciler.scheduleRerun()
  await runsPast(t, before + 1)
  assert.ok(t.runs() - before <= 2, `${t.runs() - before} runs for 20 requests`)
  await handle.term()
  assert.deepEqual([...live(t.events).keys()], [])
})

test('an eager SubContainer is refused with a logged error: nothing changes, nothing leaks', async () => {
  const logged: string[] = []
  const spy = mock.method(console, 'error', (...args: unknown[]) => {
    logged.push(args.map(String).join(' '))
  })
  try {
    const { t, reconciler } = setup()
    await t.write([{ id: 'a' }])
    const handle = await reconciler.build()
    const first = await settled(t, ['a'])
    const created = l.created()
    t.mode = 'eager'
    await t.write([{ id: 'a', tag: 'v2' }, { id: 'b' }])
    await until(() => logged.length > 0, 'the logged refusal')
    const message = logged.join('\n')
    assert.match(message, /Daemons\.dynamic/)
    assert.match(message, /"a", "b" use an eager SubContainer/)
    assert.match(message, /SubContainer\.of/)
    assert.equal(l.created(), created + 2, 'the builder made two eager ones')
    await until(
      () => l.created() === l.destroyed() + 1,
      'the eager subcontainers destroyed (the running one kept)',
    )
    assert.deepEqual(await settled(t, ['a']), first, 'a left running')

    // Back to lazy handles: the next run reconciles normally.
    t.mode = 'lazy'
    await t.write([{ id: 'a', tag: 'v3' }])
    await settled(t, ['a:v3'])
    await handle.term()
    await until(
      () => l.created() === l.destroyed(),
      'every subcontainer destroyed',
    )
  } finally {
    spy.mock.restore()
  }
})

test('a throwing builder is logged and leaves the running set as it was', async () => {
  const logged: string[] = []
  const spy = mock.method(console, 'error', (...args: unknown[]) => {
    logged.push(args.map(String).join(' '))
  })
  try {
    const { t, reconciler } = setup()
    await t.write([{ id: 'a' }])
    const handle = await reconciler.build()
    const first = await settled(t, ['a'])
    t.failing = true
    reconciler.scheduleRerun()
    await until(() => logged.length > 0, 'the logged failure')
    assert.match(logged.join('\n'), /failed on purpose/)
    assert.deepEqual(await settled(t, ['a']), first)
    t.failing = false
    await t.write([{ id: 'b' }])
    await settled(t, ['b'])
    await handle.term()
  } finally {
    spy.mock.restore()
  }
})

test('leaving the context terminates everything unless detached', async () => {
  const one = setup()
  await one.t.write([{ id: 'a' }, { id: 'b', requires: ['a'] }])
  await one.reconciler.build()
  await settled(one.t, ['a', 'b'])
  l.leave(one.context)
  await until(() => live(one.t.events).size === 0, 'both stopped on leave')
  const runs = one.t.runs()
  await one.t.write([{ id: 'c' }])
  await new Promise((r) => setTimeout(r, 300))
  assert.equal(one.t.runs(), runs, 'no run after the context left')

  const two = setup()
  await two.t.write([{ id: 'a' }])
  const handle = await two.reconciler.build()
  handle.detach()
  await settled(two.t, ['a'])
  l.leave(two.context)
  await new Promise((r) => setTimeout(r, 300))
  assert.equal(
    live(two.t.events).size,
    1,
    'a detached reconciler keeps running',
  )
  await handle.term()
  assert.equal(live(two.t.events).size, 0)
  await until(
    () => l.created() === l.destroyed(),
    'every subcontainer destroyed',
  )
  assert.deepEqual(
    processesUnder(join(l.root, 'media/startos/subcontainers')),
    [],
  )
})
