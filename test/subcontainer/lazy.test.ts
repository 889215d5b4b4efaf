import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import { SubContainer, SubContainerEager } from '../../lib/subcontainer'
import type { Lab, TestManifest } from './helpers'
import { lab, until } from './helpers'

let l: Lab
before(async () => {
  l = await lab()
})
after(() => l.close())

const main = { imageId: 'main' } as const

test('SubContainer.of returns at once and creates nothing until first use', async () => {
  const before = l.created()
  const sub = SubContainer.of<TestManifest>(l.effects(), main, null, 'lazy')
  assert.equal(sub.name, 'lazy')
  assert.equal(sub.imageId, 'main')
  assert.equal(sub.sharedRun, false)
  await new Promise((r) => setTimeout(r, 50))
  assert.equal(l.created(), before, 'no create-fs before first use')

  const [a, b, c] = await Promise.all([
    sub.execFail(['cat', 'hello.txt']),
    sub.exec(['true']),
    sub.rootfs,
  ])
  assert.equal(a.stdout, 'hello from the image\n')
  assert.equal(b.exitCode, 0)
  assert.ok(existsSync(c))
  assert.equal(
    l.created(),
    before + 1,
    'three concurrent first uses, one create-fs',
  )
  await sub.exec(['true'])
  assert.equal(l.created(), before + 1, 'later uses reuse it')
  await sub.destroy()
  assert.equal(existsSync(c), false)
})

test('identity is stable across materialization and eager() is memoised', async () => {
  const sub = SubContainer.of<TestManifest>(l.effects(), main, null, 'id')
  const other = SubContainer.of<TestManifest>(l.effects(), main, null, 'id')
  const identity = sub.identity
  assert.equal(typeof identity, 'symbol')
  assert.notEqual(identity, other.identity, 'same name, different identity')
  const eager = await sub.eager()
  assert.ok(eager instanceof SubContainerEager)
  assert.equal(eager.identity, identity)
  assert.equal(sub.identity, identity)
  assert.equal(await sub.eager(), eager, 'one eager per lazy')
  assert.equal(await sub.rootfs, eager.rootfs)
  assert.equal(await sub.guid, eager.guid)
  assert.equal(await sub.subpath('/etc/x'), join(eager.rootfs, 'etc/x'))
  await sub.destroy()
})

test('a lazy path in a template string throws instead of reading [object Promise]', async () => {
  const sub = SubContainer.of<TestManifest>(l.effects(), main, null, 'str')
  const rootfs = sub.rootfs
  assert.throws(
    () => `${rootfs}/data`,
    (e: unknown) =>
      isSdkError(e) &&
      /rootfs of subcontainer "str".*is a Promise.*await/.test(e.message),
  )
  assert.throws(() => String(sub.subpath('/x')), /subpath\("\/x"\).*await/)
  assert.throws(() => `${sub.guid}`, /guid.*await/)
  assert.throws(() => `${sub}`, /SubContainerLazy .* has no string form/)
  assert.throws(() => sub.toString(), /await sub\.rootfs/)
  assert.equal(
    `${await rootfs}`,
    (await sub.eager()).rootfs,
    'awaited, it is a path',
  )
  await sub.destroy()
})

test('destroy() before first use creates nothing and later use is refused', async () => {
  const before = [l.created(), l.destroyed()]
  const sub = SubContainer.of<TestManifest>(l.effects(), main, null, 'never')
  await sub.destroy()
  await sub.destroy()
  await assert.rejects(sub.exec(['true']), /already destroyed/)
  assert.throws(() => sub.hold(), /Cannot take a hold: subcontainer "never"/)
  assert.deepEqual([l.created(), l.destroyed()], before)
})

test('hold() materializes in the background; release then destroy tears it down', async () => {
  const before = l.created()
  const sub = SubContainer.of<TestManifest>(l.effects(), main, null, 'held')
  const release = sub.hold()
  await until(() => l.created() === before + 1, 'create-fs after hold()')
  await sub.destroy()
  const rootfs = await sub.rootfs
  assert.ok(existsSync(rootfs), 'held: destroy is deferred')
  const destroyedBefore = l.destroyed()
  await release()
  assert.equal(l.destroyed(), destroyedBefore + 1)
  assert.equal(existsSync(rootfs), false)
  await release()
  assert.equal(l.destroyed(), destroyedBefore + 1, 'a release works once')
})

test('a hold released before materialization finishes does not keep it alive', async () => {
  const live = l.created() - l.destroyed()
  const sub = SubContainer.of<TestManifest>(l.effects(), main, null, 'quick')
  const release = sub.hold()
  await release()
  await sub.destroy()
  await assert.rejects(sub.exec(['true']), /already destroyed/)
  await until(() => l.created() - l.destroyed() === live, 'the teardown')
})

test('detach() before materialization keeps it past its context; destroy() still works', async () => {
  const effects = l.effects('detached-lazy')
  const sub = SubContainer.of<TestManifest>(effects, main, null, 'detached')
  sub.detach()
  const rootfs = await sub.rootfs
  const destroyed = l.destroyed()
  l.leave('detached-lazy')
  await new Promise((r) => setTimeout(r, 100))
  assert.equal(l.destroyed(), destroyed, 'the context left, it stayed')
  assert.equal(
    (await sub.execFail(['cat', 'hello.txt'])).stdout,
    'hello from the image\n',
  )
  await sub.destroy()
  assert.equal(l.destroyed(), destroyed + 1)
  assert.equal(existsSync(rootfs), false)
})

test('a lazy handle never used in a context that leaves costs nothing', async () => {
  const before = [l.created(), l.destroyed()]
  const effects = l.effects('unused')
  SubContainer.of<TestManifest>(effects, main, null, 'unused')
  l.leave('unused')
  await new Promise((r) => setTimeout(r, 50))
  assert.deepEqual([l.created(), l.destroyed()], before)
})

test('a lazy handle whose context left mid-creation stays destroyed: no second create-fs', async () => {
  const effects = l.effects('left-lazy')
  const sub = SubContainer.of<TestManifest>(effects, main, null, 'left')
  const first = sub.exec(['true'])
  l.leave('left-lazy')
  await assert.rejects(first, /already destroyed/)
  const created = l.created()
  await assert.rejects(sub.exec(['true']), /already destroyed/)
  assert.throws(() => sub.hold(), /already destroyed/)
  assert.equal(l.created(), created)
  await until(() => l.created() === l.destroyed(), 'the teardown')
})

test('a failed materialization is retried on the next use', async () => {
  const sub = SubContainer.of<TestManifest>(
    l.effects(),
    { imageId: 'late' as 'main' },
    null,
    'late',
  )
  await assert.rejects(
    sub.exec(['true']),
    (e: unknown) =>
      isSdkError(e) &&
      /Cannot create the filesystem for subcontainer "late" \(image "late"\)/.test(
        e.message,
      ),
  )
  l.sim.addImage('late', join(l.root, 'image'))
  assert.equal((await sub.exec(['true'])).exitCode, 0)
  await sub.destroy()
})
