import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import {
  CallbackContext,
  EffectError,
  createEffects,
  createHostClient,
} from '../../lib/runtime'
import type { Effects } from '../../lib/effects'
import { FakeHost } from './fakeHost'
import { captureLogger, tempDir } from './helpers'

const EVENT = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

let host: FakeHost
let socketPath: string
let cleanup: () => void
const log = captureLogger()

before(async () => {
  const temp = tempDir()
  cleanup = temp.cleanup
  socketPath = join(temp.dir, 'host.sock')
  host = await FakeHost.start(socketPath)
})

after(async () => {
  await host.close()
  cleanup()
})

function effectsWith(
  eventId: string | null,
  context: CallbackContext | null,
): Effects {
  const client = createHostClient({ socketPath, log })
  return createEffects({ client, log, eventId, context })
}

test('effects go out without jsonrpc, with eventId and callback ids from 1', async () => {
  host.calls.length = 0
  host.respond = (call) => ({ result: { echoed: call.method } })
  const root = new CallbackContext('root', log)
  const effects = effectsWith(EVENT, root.child('init'))
  const seen: unknown[][] = []
  const status = await effects.getStatus({
    packageId: 'other',
    callback: (...args: unknown[]) => void seen.push(args),
  })
  assert.deepEqual(status, { echoed: 'get-status' })
  await effects.getStatus({ callback: () => {} })
  await effects.getContainerIp({})
  await effects.restart()
  await effects.plugin.url.exportUrl({
    hostnameInfo: { packageId: 'p' } as never,
    removeAction: null,
    overflowActions: [],
  })
  await effects.action.getInput({ actionId: 'greet' })
  const [first, second, third, fourth, fifth, sixth] = host.calls
  assert.deepEqual(first.raw, {
    id: first.raw.id,
    method: 'get-status',
    params: { packageId: 'other', callback: 1, eventId: EVENT },
  })
  assert.equal(typeof first.raw.id, 'number')
  assert.equal(second.raw.id, (first.raw.id as number) + 1)
  assert.equal(second.params.callback, 2)
  assert.deepEqual(third.params, { callback: null, eventId: EVENT })
  assert.deepEqual(fourth.raw.params, { eventId: EVENT })
  assert.equal(fourth.method, 'restart')
  assert.equal(fifth.method, 'plugin.url.export-url')
  assert.equal(sixth.method, 'action.get-input')
  assert.ok(host.calls.every((call) => !('jsonrpc' in call.raw)))

  assert.equal(root.fire(1, ['a', 2]), true)
  assert.deepEqual(seen, [['a', 2]])
  assert.equal(root.fire(1, ['again']), false, 'callbacks are one-shot')
  assert.deepEqual(seen, [['a', 2]])
})

test('effects without an event id or a context send no eventId and callback null', async () => {
  host.calls.length = 0
  host.respond = () => ({ result: 'x' })
  const effects = effectsWith(null, null)
  assert.equal(effects.isInContext, false)
  await effects.getSystemSmtp({ callback: () => {} })
  await effects.getOsIp()
  assert.deepEqual(host.calls[0].params, { callback: null })
  assert.deepEqual(host.calls[1].params, {})
  const before = log.lines.length
  effects.onLeaveContext(() => {})
  assert.match(log.lines[before], /^warn onLeaveContext called on effects/)
})

test('a host error reply rejects with its code, details, debug and method', async () => {
  host.respond = () => ({
    error: {
      code: 6,
      message: 'Not Found',
      data: { details: 'no such package', debug: 'at host.rs:1', info: null },
    },
  })
  const effects = effectsWith(EVENT, null)
  const before = log.lines.length
  await assert.rejects(
    effects.getServiceManifest({ packageId: 'nope' }),
    (error: unknown) => {
      assert.ok(error instanceof EffectError)
      assert.equal(
        error.message,
        'Effect get-service-manifest failed: Not Found: no such package',
      )
      assert.equal(error.failure, 'host')
      assert.equal(error.hostCode, 6)
      assert.equal(error.code, 'EFFECT_FAILED')
      assert.equal(error.hostMessage, 'Not Found')
      assert.equal(error.hostDetails, 'no such package')
      assert.equal(error.debug, 'at host.rs:1')
      assert.equal(error.method, 'get-service-manifest')
      return true
    },
  )
  assert.match(log.lines[before], /^error Error in host RPC: .*\nat host.rs:1$/)

  host.respond = () => ({
    error: { code: -32601, message: 'Method not found', data: 'bind' },
  })
  await assert.rejects(effects.getOsIp(), {
    hostCode: -32601,
    hostDetails: 'bind',
    debug: null,
  })
  host.respond = () => ({ error: { code: 1, message: 'Unknown' } })
  await assert.rejects(effects.getOsIp(), {
    message: 'Effect get-os-ip failed: Unknown',
    hostDetails: null,
  })
})

test('malformed replies, a closed connection and a missing socket reject clearly', async () => {
  const effects = effectsWith(null, null)
  host.respond = () => ({ neither: true })
  await assert.rejects(effects.getOsIp(), {
    name: 'EffectError',
    failure: 'malformed',
    message:
      'Effect get-os-ip got a malformed reply from host.sock: neither `result` nor `error` is present',
  })
  host.respond = () => 'not json'
  await assert.rejects(effects.getOsIp(), { failure: 'malformed' })
  host.respond = () => '[1,2]'
  await assert.rejects(effects.getOsIp(), {
    message: /malformed reply from host\.sock: not a JSON object/,
  })
  host.respond = () => 'close'
  await assert.rejects(effects.getOsIp(), {
    failure: 'transport',
    message:
      /^Effect get-os-ip failed: host\.sock closed the connection before replying/,
  })
  const client = createHostClient({
    socketPath: join(socketPath, '..', 'missing.sock'),
    log,
  })
  const lost = createEffects({ client, log, eventId: null, context: null })
  await assert.rejects(lost.getOsIp(), (error: unknown) => {
    assert.ok(error instanceof EffectError)
    assert.equal(error.failure, 'transport')
    assert.match(error.message, /cannot talk to host\.sock: .*ENOENT/)
    assert.equal((error.cause as { code?: string }).code, 'ENOENT')
    return true
  })
  await assert.rejects(
    effects.setDataVersion({ version: 1n as never }),
    /its params are not JSON/,
  )
})

test('a reply larger than the line limit rejects', async () => {
  const client = createHostClient({ socketPath, log, maxLineBytes: 64 })
  const effects = createEffects({ client, log, eventId: null, context: null })
  host.respond = () => ({ result: 'y'.repeat(200) })
  await assert.rejects(effects.getOsIp(), /a line over 64 bytes/)
})

test('leaving a context marks its effects out of context and drops constRetry', async () => {
  host.respond = () => ({ result: null })
  const root = new CallbackContext('root', log)
  const effects = effectsWith(null, root.child('main'))
  const child = effects.child('daemon')
  effects.constRetry = () => {}
  const order: string[] = []
  effects.onLeaveContext(() => void order.push('main'))
  child.onLeaveContext(() => void order.push('daemon'))
  assert.equal(effects.isInContext, true)
  root.removeChild('main')
  assert.deepEqual(order, ['daemon', 'main'])
  assert.equal(effects.isInContext, false)
  assert.equal(child.isInContext, false)
  assert.equal(effects.constRetry, undefined)
  const before = log.lines.length
  effects.onLeaveContext(() => void order.push('late'))
  assert.deepEqual(order, ['daemon', 'main'])
  assert.match(log.lines[before], /^warn /)
  host.calls.length = 0
  await effects.getStatus({ callback: () => {} })
  assert.equal(host.calls[0].params.callback, null)
})
