import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { after, before, test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import { SubContainer } from '../../lib/subcontainer'
import type { Lab, TestManifest } from './helpers'
import { lab, until } from './helpers'

let l: Lab
before(async () => {
  l = await lab()
})
after(() => l.close())

const main = { imageId: 'main' } as const

test('SubContainer.eager creates the filesystem and leader before it resolves', async () => {
  const before = l.created()
  const sub = await SubContainer.eager<TestManifest>(
    l.effects(),
    main,
    null,
    'eager',
  )
  assert.equal(l.created(), before + 1)
  assert.equal(typeof sub.rootfs, 'string', 'rootfs is a plain string')
  assert.ok(existsSync(sub.subpath('/app/hello.txt')))
  assert.ok(existsSync(sub.subpath('proc/1')), 'the leader is up')
  assert.equal(
    sub.subpath('../../etc/passwd'),
    sub.subpath('/etc/passwd'),
    '.. stays inside',
  )
  assert.deepEqual(
    l.launches().find((args) => args.includes(sub.rootfs)),
    ['subcontainer', 'launch', sub.rootfs],
    'the leader is a bare `start-container subcontainer launch <rootfs>`',
  )
  await sub.destroy()
})

test('hold then destroy: the teardown waits for the release', async () => {
  const sub = await SubContainer.eager<TestManifest>(
    l.effects(),
    main,
    null,
    'h1',
  )
  const release = sub.hold()
  const destroyed = l.destroyed()
  await sub.destroy()
  assert.equal(l.destroyed(), destroyed, 'still held')
  assert.ok(existsSync(sub.rootfs))
  assert.equal((await sub.exec(['true'])).exitCode, 0, 'usable while held')
  await release()
  assert.equal(
    l.destroyed(),
    destroyed + 1,
    'release resolved after destroy-fs',
  )
  assert.equal(existsSync(sub.rootfs), false)
})

test('release then destroy, and two holds: the last event tears it down', async () => {
  const sub = await SubContainer.eager<TestManifest>(
    l.effects(),
    main,
    null,
    'h2',
  )
  const one = sub.hold()
  const two = sub.hold()
  const destroyed = l.destroyed()
  await one()
  await one()
  await sub.destroy()
  assert.equal(l.destroyed(), destroyed, 'one hold left')
  await two()
  assert.equal(l.destroyed(), destroyed + 1)

  const again = await SubContainer.eager<TestManifest>(
    l.effects(),
    main,
    null,
    'h3',
  )
  await again.hold()()
  assert.ok(existsSync(again.rootfs), 'released without destroy: still there')
  await again.destroy()
  assert.equal(existsSync(again.rootfs), false)
})

test('destroy() is idempotent, awaitable, and refuses later use', async () => {
  const sub = await SubContainer.eager<TestManifest>(
    l.effects(),
    main,
    null,
    'idem',
  )
  const destroyed = l.destroyed()
  await Promise.all([sub.destroy(), sub.destroy()])
  await sub.destroy()
  assert.equal(l.destroyed(), destroyed + 1, 'one destroy-fs')
  assert.throws(
    () => sub.hold(),
    (e: unknown) =>
      isSdkError(e) &&
      e.message.startsWith(
        'Cannot take a hold: subcontainer "idem" (image "main") is already destroyed',
      ),
  )
  await assert.rejects(
    sub.exec(['true']),
    /Cannot run true: .* already destroyed/,
  )
  await assert.rejects(sub.writeFile('/x', 'y'), /already destroyed/)
})

test('leaving the context tears down every subcontainer made in it (held ones after release)', async () => {
  const effects = l.effects('leaving')
  const eager = await SubContainer.eager<TestManifest>(effects, main, null, 'e')
  const used = SubContainer.of<TestManifest>(effects, main, null, 'used')
  await used.exec(['true'])
  SubContainer.of<TestManifest>(effects, main, null, 'unused')
  const held = await SubContainer.eager<TestManifest>(
    effects,
    main,
    null,
    'held',
  )
  const release = held.hold()
  const gone = await SubContainer.eager<TestManifest>(
    effects,
    main,
    null,
    'gone',
  )
  await gone.destroy()
  const live = l.created() - l.destroyed()
  assert.equal(l.folders().length, live)

  l.leave('leaving')
  await until(
    () => l.created() - l.destroyed() === 1,
    'the teardown of all but the held one',
  )
  assert.equal(existsSync(eager.rootfs), false)
  assert.equal(existsSync(await used.rootfs), false)
  assert.ok(existsSync(held.rootfs), 'held: deferred')
  await release()
  assert.equal(l.created(), l.destroyed())
  assert.deepEqual(l.folders(), [])
})

test('detach() keeps a subcontainer past its context until destroy()', async () => {
  const effects = l.effects('detach')
  const sub = await SubContainer.eager<TestManifest>(effects, main, null, 'd')
  sub.detach()
  sub.detach()
  const destroyed = l.destroyed()
  l.leave('detach')
  await new Promise((r) => setTimeout(r, 100))
  assert.equal(l.destroyed(), destroyed)
  assert.equal(
    (await sub.execFail(['cat', 'hello.txt'])).stdout,
    'hello from the image\n',
  )
  await sub.destroy()
  assert.equal(l.destroyed(), destroyed + 1)
})

test('a context that leaves as creation starts leaves nothing behind', async () => {
  const effects = l.effects('racing')
  const created = l.created()
  const pending = SubContainer.eager<TestManifest>(effects, main, null, 'race')
  l.leave('racing')
  await assert.rejects(pending, /already destroyed/)
  await until(() => l.created() === l.destroyed(), 'the teardown')
  assert.ok(l.created() <= created + 1)
  assert.deepEqual(l.folders(), [])
})

test('a context that leaves after the host made the filesystem, before the answer arrives, removes it', async () => {
  const effects = l.effects('in-flight')
  const created = l.created()
  const pending = SubContainer.eager<TestManifest>(
    effects,
    main,
    null,
    'in-flight',
  )
  await l.sim.waitFor(
    'subcontainer.create-fs',
    (c) => (c.params as { name: string }).name === 'in-flight',
  )
  l.leave('in-flight')
  await assert.rejects(
    pending,
    /Cannot finish creating it: subcontainer "in-flight"/,
  )
  assert.equal(l.created(), created + 1, 'the host did create it')
  await until(() => l.created() === l.destroyed(), 'its destroy-fs')
  assert.deepEqual(l.folders(), [])
  const [rootfs] = l.sim.calls('subcontainer.create-fs').at(-1)?.result as [
    string,
  ]
  assert.ok(
    !l.launches().some((args) => args.includes(rootfs)),
    'no leader was started in it',
  )
})

test('withTemp returns what fn returns and destroys the subcontainer', async () => {
  let rootfs = ''
  const out = await SubContainer.withTemp<TestManifest, string>(
    l.effects(),
    main,
    null,
    'temp',
    async (sub) => {
      rootfs = sub.rootfs
      return String((await sub.execFail(['cat', 'hello.txt'])).stdout)
    },
  )
  assert.equal(out, 'hello from the image\n')
  assert.equal(existsSync(rootfs), false)
  assert.equal(l.created(), l.destroyed())
})

test('withTemp destroys the subcontainer when fn throws, and rethrows that error', async () => {
  const boom = new Error('boom')
  let rootfs = ''
  await assert.rejects(
    SubContainer.withTemp(
      l.effects(),
      main,
      null,
      'temp-throw',
      async (sub) => {
        rootfs = sub.rootfs
        await sub.spawn(['sleep', '30'])
        throw boom
      },
    ),
    (e: unknown) => e === boom,
  )
  assert.equal(existsSync(rootfs), false)
  assert.equal(l.created(), l.destroyed())
})

test('a subcontainer from an unregistered image fails with the image named', async () => {
  await assert.rejects(
    SubContainer.eager(l.effects(), { imageId: 'nope' }, null, 'bad'),
    (e: unknown) =>
      isSdkError(e) &&
      /Cannot create the filesystem for subcontainer "bad" \(image "nope"\): .*not registered/.test(
        e.message,
      ),
  )
  assert.equal(l.created(), l.destroyed())
})
