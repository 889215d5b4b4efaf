import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { effectMethods } from '../../lib/effects'
import { rig, sleep, RawClient } from './helpers'
import type { Rig } from './helpers'

describe('host.sock framing', () => {
  let t: Rig
  let release: (() => void) | undefined
  before(async () => {
    t = await rig({
      actions: {
        getInput: async (actionId) => {
          if (actionId === 'slow') {
            await new Promise<void>((resolve) => (release = resolve))
          }
          return { eventId: 'E', spec: { actionId }, value: null }
        },
        run: async () => null,
      },
    })
  })
  after(() => t.stop())

  test('replies carry jsonrpc 2.0, the id, and exactly one of result/error', async () => {
    const ok = await t.client.call('get-os-ip')
    assert.deepEqual(Object.keys(ok).sort(), ['id', 'jsonrpc', 'result'])
    assert.equal(ok.jsonrpc, '2.0')
    assert.equal(ok.result, '127.0.0.1')
    const bad = await t.client.call('no-such-effect')
    assert.deepEqual(Object.keys(bad).sort(), ['error', 'id', 'jsonrpc'])
    assert.deepEqual(bad.error, {
      code: -32601,
      message: 'Method not found',
      data: 'no-such-effect',
    })
  })

  test('bad params answer code 12 with details naming the field', async () => {
    const reply = await t.client.call('set-health', {
      id: 'web',
      name: 'Web',
      result: 'great',
      message: null,
    })
    assert.equal(reply.error?.code, 12)
    assert.equal(reply.error?.message, 'Deserialization Error')
    assert.match(reply.error?.data.details, /^Expected `result` to be one of/)
    const nested = await t.client.call('export-service-interface', {
      id: 'ui',
      name: 'UI',
      description: '',
      masked: false,
      type: 'ui',
      addressInfo: { hostId: 'h', internalPort: 'eighty' },
    })
    assert.equal(
      nested.error?.data.details,
      'Expected `addressInfo.internalPort` to be an integer from 1 to 65535, got `"eighty"` (string)',
    )
  })

  test('malformed lines get errors and the connection keeps working', async () => {
    const c = await RawClient.open(t.sim.socketPath)
    c.raw('{not json\n')
    c.raw('[1,2]\n')
    c.raw('"text"\n')
    c.raw('{"id":1}\n')
    c.raw('{"id":2,"method":"get-os-ip"}\n')
    c.raw('{"id":3,"method":"get-os-ip","params":[]}\n')
    c.raw('\n\r\n   \n')
    c.raw('{"id":4,"method":"get-os-ip",')
    await sleep(10)
    c.raw('"params":{}}\r\n')
    const replies = await c.waitCount(7)
    assert.deepEqual(
      replies.map((r) => [r.id, r.error?.code ?? 'ok']),
      [
        [null, -32700],
        [null, -32600],
        [null, -32600],
        [1, -32600],
        [2, -32600],
        [3, -32602],
        [4, 'ok'],
      ],
    )
    assert.ok(replies.every((r) => r.jsonrpc === '2.0'))
    c.close()
  })

  test('a notification (no id) runs but gets no reply', async () => {
    const c = await RawClient.open(t.sim.socketPath)
    c.raw('{"method":"set-data-version","params":{"version":"9"}}\n')
    c.send(1, 'get-data-version')
    const replies = await c.waitCount(1)
    await sleep(20)
    assert.equal(replies.length, 1)
    assert.equal(replies[0]!.result, '9')
    c.close()
  })

  test('many requests on one connection run at once and answer in completion order', async () => {
    const c = await RawClient.open(t.sim.socketPath)
    c.send(1, 'action.get-input', { actionId: 'slow' })
    c.send(2, 'action.get-input', { actionId: 'fast' })
    c.send(3, 'get-os-ip')
    await c.waitCount(2)
    assert.deepEqual(c.replies.map((r) => r.id).sort(), [2, 3])
    release!()
    await c.waitCount(3)
    assert.equal(c.replies[2]!.id, 1)
    assert.deepEqual(c.replies[2]!.result.spec, { actionId: 'slow' })
    c.close()
  })

  test('every effect of the table is served (none is "method not found")', async () => {
    for (const spec of Object.values(effectMethods)) {
      const reply = await t.client.call(spec.method, {})
      assert.notEqual(reply.error?.code, -32601, spec.method)
    }
  })

  test('a handler never crashes the server: a throwing action handler is an error reply', async () => {
    const sim = t.sim
    sim.addPackage({
      id: 'other',
      actions: {
        getInput: () => Promise.reject(new Error('boom')),
        run: () => {
          throw new Error('sync boom')
        },
      },
    })
    const a = await t.client.call('action.get-input', {
      packageId: 'other',
      actionId: 'x',
    })
    assert.equal(a.error?.code, 1)
    assert.equal(a.error?.data.details, 'boom')
    const b = await t.client.call('action.run', {
      packageId: 'other',
      actionId: 'x',
    })
    assert.equal(b.error?.data.details, 'sync boom')
    assert.equal((await t.client.call('get-os-ip')).result, '127.0.0.1')
  })
})

describe('recorder', () => {
  let t: Rig
  before(async () => {
    t = await rig()
  })
  after(() => t.stop())

  test('records method, params, result or error, and time; filters and clears', async () => {
    const before = Date.now()
    await t.client.call('set-data-version', { version: '1.0.0:0' })
    await t.client.call('set-data-version', { version: 5 })
    await t.client.call('get-data-version', {})
    const sets = t.sim.calls('set-data-version')
    assert.equal(sets.length, 2)
    assert.deepEqual(sets[0]!.params, { version: '1.0.0:0' })
    assert.equal(sets[0]!.result, null)
    assert.equal(sets[1]!.error?.code, 12)
    assert.ok(sets[0]!.at >= before)
    assert.equal(t.sim.calls().length, 3)
    assert.equal(t.sim.calls('get-data-version')[0]!.result, '1.0.0:0')
    t.sim.clearCalls()
    assert.deepEqual(t.sim.calls(), [])
  })

  test('waitFor finds past and future calls, with a predicate, and times out', async () => {
    await t.client.call('get-os-ip')
    assert.equal((await t.sim.waitFor('get-os-ip')).result, '127.0.0.1')
    const later = t.sim.waitFor(
      'set-health',
      (c) => (c.params as { result: string }).result === 'success',
      2000,
    )
    await t.client.call('set-health', {
      id: 'a',
      name: 'A',
      result: 'starting',
      message: null,
    })
    await t.client.call('set-health', {
      id: 'a',
      name: 'A',
      result: 'success',
      message: 'ok',
    })
    assert.equal(((await later).params as { message: string }).message, 'ok')
    await assert.rejects(t.sim.waitFor('restart', undefined, 20), {
      message: 'Timed out after 20 ms waiting for effect: restart',
    })
  })
})
