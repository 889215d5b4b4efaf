import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Effects } from '../../lib/effects'
import { isSdkError } from '../../lib/errors'
import { getHost, getOwnHost } from '../../lib/host'
import type { FilledHost } from '../../lib/host'
import type { HostRig } from './helpers'
import { hostRig, sleep, until } from './helpers'

let rig: HostRig
before(async () => {
  rig = await hostRig()
  rig.sim.addPackage({ id: 'dep', running: true })
})
after(() => rig.close())

/** Binds `port` on host `hostId` of the served package (or of `packageId`). */
async function bind(
  hostId: string,
  port: number,
  preferredExternalPort = 40000 + port,
  packageId?: string,
): Promise<void> {
  const params = {
    id: hostId,
    internalPort: port,
    preferredExternalPort,
    addSsl: null,
    secure: null,
  }
  if (packageId === undefined) await rig.sim.call('bind', params)
  else await rig.sim.callAs(packageId, 'bind', params)
}

/** How many `get-host-info` calls the simulator has seen. */
const reads = (): number => rig.sim.calls('get-host-info').length

/** Waits until the watch re-read the host after a change, then lets a retry (if any) land. */
async function settledAfter(change: () => Promise<void>): Promise<void> {
  const before = reads()
  await change()
  await until(() => reads() > before, 'the host to be read again')
  await sleep(30)
}

test('const() re-runs when that host changes, and not when another host changes', async () => {
  await bind('main', 80)
  const r = rig.retrying()
  const host = await getOwnHost(r.effects, 'main').const()
  assert.equal(host?.bindings[80].net.assignedPort, 40080)
  const sent = rig.sim.sentCallbacks().length
  await bind('aux', 80)
  await sleep(50)
  assert.equal(r.retries(), 0)
  assert.equal(
    rig.sim.sentCallbacks().length,
    sent,
    'no callback for another host',
  )
  await bind('main', 81)
  await until(() => r.retries() === 1, 'constRetry')
  await bind('main', 82)
  await sleep(50)
  assert.equal(
    r.retries(),
    1,
    'const() re-runs its context once, then stops watching',
  )
  r.leave()
})

test('const() with map re-runs only when the mapped slice changes; eq decides what changed', async () => {
  const r = rig.retrying()
  const net = await getOwnHost(
    r.effects,
    'main',
    (h) => h?.bindings[80]?.net,
  ).const()
  assert.deepEqual(net, { assignedPort: 40080, assignedSslPort: null })
  await settledAfter(() => bind('main', 83))
  assert.equal(
    r.retries(),
    0,
    'port 83 changed the host but not bindings[80].net',
  )
  await bind('main', 80, 41080)
  await until(() => r.retries() === 1, 'constRetry after bindings[80] moved')

  const loose = rig.retrying()
  const eq = (a: number | null | undefined, b: number | null | undefined) =>
    typeof a === 'number' && typeof b === 'number'
  const port = await getOwnHost(
    loose.effects,
    'main',
    (h) => h?.bindings[80]?.net.assignedPort,
    eq,
  ).const()
  assert.equal(port, 41080)
  await settledAfter(() => bind('main', 80, 42080))
  assert.equal(loose.retries(), 0, 'eq called the new port unchanged')
  await settledAfter(() =>
    rig.sim.call('clear-bindings', { except: [] }).then(() => undefined),
  )
  assert.equal(loose.retries(), 0)
  r.leave()
  loose.leave()
})

test('get() reads and watches another package host; once() registers nothing', async () => {
  const r = rig.retrying()
  const missing = await getHost(r.effects, {
    hostId: 'tor',
    packageId: 'dep',
  }).const()
  assert.equal(missing, null)
  const ids = rig.sim.callbackIds().length
  assert.equal((await getOwnHost(r.effects, 'main').once()) !== null, true)
  assert.equal(
    rig.sim.callbackIds().length,
    ids,
    'once() leaves no callback on the host',
  )
  await bind('tor', 9050, 9050, 'dep')
  await until(() => r.retries() === 1, 'constRetry when the dependency bound')
  const host = await getHost(r.effects, {
    hostId: 'tor',
    packageId: 'dep',
  }).once()
  assert.equal(host?.bindings[9050].net.assignedPort, 9050)
  r.leave()
})

test('watch() yields each change, ends with ABORTED on abort, and re-reads nothing afterwards', async () => {
  const effects = rig.effects()
  const abort = new AbortController()
  const seen: (number[] | null)[] = []
  const ports = (h: FilledHost | null) =>
    h === null ? null : Object.keys(h.bindings).map(Number)
  const iterate = (async () => {
    for await (const value of getOwnHost(effects, 'watched', ports).watch(
      abort.signal,
    )) {
      seen.push(value)
    }
  })()
  await until(() => seen.length === 1, 'first value')
  await bind('watched', 1)
  await until(() => seen.length === 2, 'second value')
  await bind('other-host', 1)
  await sleep(30)
  await bind('watched', 2)
  await until(() => seen.length === 3, 'third value')
  assert.deepEqual(seen, [null, [1], [1, 2]])
  abort.abort()
  await assert.rejects(iterate, (e: unknown) => isSdkError(e, 'ABORTED'))
  const count = reads()
  await bind('watched', 3)
  await sleep(50)
  assert.equal(
    reads(),
    count,
    'a callback fired after abort starts no new read',
  )
  assert.equal(seen.length, 3)
})

test('onChange gets every change until it cancels; waitFor resolves on the first match', async () => {
  const effects: Effects = rig.effects()
  const values: string[][] = []
  getOwnHost(effects, 'changes', (h) =>
    Object.keys(h?.bindings ?? {}),
  ).onChange((value) => {
    values.push(value ?? [])
    return { cancel: values.length === 2 }
  })
  await until(() => values.length === 1, 'first onChange')
  const waiting = getOwnHost(effects, 'changes').waitFor(
    (h) => h?.bindings[7] !== undefined,
  )
  await bind('changes', 5)
  await until(() => values.length === 2, 'second onChange')
  await bind('changes', 7)
  const found = await waiting
  assert.equal(found?.bindings[7].net.assignedPort, 40007)
  await sleep(30)
  assert.deepEqual(values, [[], ['5']], 'nothing after cancel')
})
