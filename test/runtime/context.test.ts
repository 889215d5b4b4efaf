import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CallbackContext } from '../../lib/runtime'
import { captureLogger } from './helpers'

const tick = (): Promise<void> => new Promise((r) => setImmediate(r))

test('callback ids are process-wide, found in any live descendant and one-shot', () => {
  const log = captureLogger()
  const root = new CallbackContext('root', log)
  const init = root.child('init')
  const grandchild = init.child('init_0')
  const seen: unknown[] = []
  const a = root.addCallback((...args) => void seen.push(['root', ...args]))
  const b = grandchild.addCallback((...args) => void seen.push(['gc', ...args]))
  assert.ok(a !== null && b !== null)
  assert.equal(b, a + 1)
  assert.deepEqual(grandchild.callbackIds(), [b])
  assert.equal(root.fire(b, [1, 2]), true)
  assert.equal(root.fire(a, []), true)
  assert.deepEqual(seen, [['gc', 1, 2], ['root']])
  assert.equal(root.fire(b, [3]), false)
  assert.equal(root.fire(9999, []), false)
  assert.ok(log.lines.some((l) => /^debug callback 9999 is unknown/.test(l)))
})

test('a new child with an existing name leaves the old one first', () => {
  const log = captureLogger()
  const root = new CallbackContext('root', log)
  const first = root.child('/actions/a/run')
  const left: string[] = []
  first.onLeave(() => void left.push('first'))
  const id = first.addCallback(() => assert.fail('left callbacks never fire'))
  const second = root.child('/actions/a/run')
  assert.deepEqual(left, ['first'])
  assert.equal(first.isInContext, false)
  assert.equal(second.isInContext, true)
  assert.equal(root.getChild('/actions/a/run'), second)
  assert.equal(root.fire(id as number, []), false)
  assert.equal(
    first.addCallback(() => {}),
    null,
  )
})

test('leaving runs children first, logs failing hooks and warns on late hooks', async () => {
  const log = captureLogger()
  const root = new CallbackContext('root', log)
  const main = root.child('main')
  const daemon = main.child('daemon')
  const order: string[] = []
  main.onLeave(() => void order.push('main'))
  main.onLeave(() => {
    throw new Error('hook boom')
  })
  main.onLeave(() => Promise.reject(new Error('async boom')))
  daemon.onLeave(() => void order.push('daemon'))
  main.whenLeft(() => void order.push('effects'))
  root.removeChild('main')
  root.removeChild('main')
  assert.deepEqual(order, ['daemon', 'main', 'effects'])
  assert.equal(daemon.isInContext, false)
  assert.equal(root.getChild('main'), undefined)
  await tick()
  const errors = log.lines.filter((l) => l.startsWith('error'))
  assert.equal(errors.length, 2)
  assert.match(
    errors[0],
    /onLeaveContext hook of "main" failed: Error: hook boom/,
  )
  assert.match(errors[1], /async boom/)
  main.onLeave(() => void order.push('late'))
  main.leave()
  assert.deepEqual(order, ['daemon', 'main', 'effects'])
  assert.match(log.lines.at(-1) as string, /^warn onLeaveContext called/)
  let late = false
  main.whenLeft(() => (late = true))
  assert.equal(late, true)
  const orphan = main.child('x')
  assert.equal(orphan.isInContext, false)
})

test('a throwing or rejecting callback is logged, never thrown', async () => {
  const log = captureLogger()
  const root = new CallbackContext('root', log)
  const sync = root.addCallback(() => {
    throw new Error('cb boom')
  }) as number
  const rejecting = root.addCallback(() =>
    Promise.reject(new Error('cb later')),
  ) as number
  assert.equal(root.fire(sync, []), true)
  assert.equal(root.fire(rejecting, []), true)
  await tick()
  const errors = log.lines.filter((l) => l.startsWith('error'))
  assert.deepEqual(errors, [
    `error callback ${sync} failed: Error: cb boom`,
    `error callback ${rejecting} failed: Error: cb later`,
  ])
})
