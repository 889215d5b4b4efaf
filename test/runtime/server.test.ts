import assert from 'node:assert/strict'
import { statSync, writeFileSync, existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { createRpcServer } from '../../lib/runtime'
import { fixtureHandlers } from './fixtures/handlers'
import { Client, captureLogger, sleep, startServer, tempDir } from './helpers'
import type { TestServer } from './helpers'

const run = (id: number, action: string, input: unknown = null): unknown => ({
  id,
  method: 'execute',
  params: { id: 'EVENT', procedure: `/actions/${action}/run`, input },
})

describe('service.sock server', () => {
  let t: TestServer
  before(async () => {
    t = await startServer()
  })
  after(() => t.stop())

  test('answers with jsonrpc, the request id and exactly one of result/error', async () => {
    const c = await Client.open(t.path)
    c.send({ id: 1, method: 'init', params: { id: 'E', kind: null } })
    c.send({ id: 'two', method: 'start', params: {} })
    c.send({ id: null, method: 'stop' })
    c.send(run(4, 'undefined'))
    c.send(run(5, 'function'))
    c.send({
      id: 6,
      method: 'execute',
      params: { id: 'E', procedure: '/backup/create', input: null },
    })
    c.send({
      id: 7,
      method: 'sandbox',
      params: { id: 'E', procedure: '/packageInit', input: null },
    })
    const replies = await c.waitFor(7)
    const byId = new Map(replies.map((r) => [r.id, r]))
    assert.deepEqual(byId.get(1), { jsonrpc: '2.0', id: 1, result: null })
    assert.deepEqual(byId.get('two'), {
      jsonrpc: '2.0',
      id: 'two',
      result: null,
    })
    assert.deepEqual(byId.get(null), { jsonrpc: '2.0', id: null, result: null })
    assert.deepEqual(byId.get(4), { jsonrpc: '2.0', id: 4, result: null })
    assert.deepEqual(byId.get(5), { jsonrpc: '2.0', id: 5, result: null })
    assert.deepEqual(byId.get(6), {
      jsonrpc: '2.0',
      id: 6,
      result: 'backup/create',
    })
    assert.deepEqual(byId.get(7), {
      jsonrpc: '2.0',
      id: 7,
      result: { sandboxed: '/packageInit' },
    })
    c.close()
  })

  test('handler failures become error replies with the failing request id', async () => {
    const c = await Client.open(t.path)
    c.send(run(1, 'throw'))
    c.send(run(2, 'throwSync'))
    c.send(run(3, 'throwObject'))
    c.send(run(4, 'throwReserved'))
    c.send(run(5, 'throwString'))
    c.send(run(6, 'bigint'))
    const byId = new Map((await c.waitFor(6)).map((r) => [r.id, r.error]))
    assert.equal(byId.get(1)?.code, 0)
    assert.equal(byId.get(1)?.message, 'boom')
    assert.equal(byId.get(1)?.data?.details, 'Error: boom')
    assert.match(byId.get(1)?.data?.debug ?? '', /at /)
    assert.equal(byId.get(2)?.data?.details, 'TypeError: sync boom')
    assert.deepEqual(byId.get(3), {
      code: 36,
      message: 'Action refused',
      data: { details: 'Action refused' },
    })
    assert.equal(byId.get(4)?.code, 0)
    assert.deepEqual(byId.get(5), {
      code: 0,
      message: 'plain string',
      data: { details: 'plain string' },
    })
    assert.equal(byId.get(6)?.code, 0)
    assert.equal(byId.get(6)?.message, 'The result of execute is not JSON')
    c.close()
  })

  test('protocol errors use the table codes and keep the id', async () => {
    const c = await Client.open(t.path)
    c.write('{not json\n')
    c.send([{ id: 1, method: 'start', params: {} }])
    c.send({ id: 2, params: {} })
    c.send({ id: 3, method: 'reboot', params: {} })
    c.send({ id: 4, method: 'init', params: { id: 'E', kind: 'boot' } })
    c.send({
      id: 5,
      method: 'execute',
      params: { id: 'E', procedure: '/nope', input: 1 },
    })
    c.send({ id: { x: 1 }, method: 'start', params: {} })
    c.send({ method: 'start', params: 7 })
    const replies = await c.waitFor(8)
    const codes = replies.map((r) => [r.id, r.error?.code])
    assert.deepEqual(
      codes.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      [
        [2, -32602],
        [3, -32601],
        [4, 1],
        [5, 1],
        [null, -32602],
        [null, -32602],
        [null, 1],
        [null, 1],
      ],
    )
    const notFound = replies.find((r) => r.id === 3)?.error
    assert.deepEqual(notFound, {
      code: -32601,
      message: 'Method not found: "reboot"',
      data: { details: 'reboot' },
    })
    const badProcedure = replies.find((r) => r.id === 5)?.error
    assert.match(
      badProcedure?.data?.details ?? '',
      /^Unknown procedure: "\/nope"/,
    )
    for (const reply of replies) {
      assert.equal(reply.jsonrpc, '2.0')
      assert.ok('id' in reply)
      assert.equal('result' in reply, false)
    }
    c.close()
  })

  test('notifications get no reply, except when their params are invalid', async () => {
    const c = await Client.open(t.path)
    const before = t.seen.callbacks.length
    c.send({ method: 'callback', params: { id: 1, args: ['a', 2] } })
    c.send({ id: 9, method: 'callback', params: { id: 2, args: [] } })
    c.send({ method: 'callback', params: { id: 3, args: ['throw'] } })
    c.send({ method: 'start', params: {} })
    c.send(run(undefined as unknown as number, 'throw'))
    c.send({ method: 'callback', params: { id: 'x', args: [] } })
    c.send({ id: 10, method: 'eval', params: { script: 'done' } })
    const replies = await c.waitFor(2)
    await sleep(50)
    assert.equal(replies.length, 2)
    const bad = replies.find((r) => r.id === null)
    assert.equal(bad?.error?.code, 1)
    assert.equal(bad?.error?.message, 'Invalid params for callback')
    assert.deepEqual(replies.find((r) => r.id === 10)?.result, 4)
    assert.deepEqual(t.seen.callbacks.slice(before), [['a', 2], [], ['throw']])
    assert.ok(
      t.log.lines.some(
        (l) => l === 'error callback failed: Error: callback boom',
      ),
    )
    c.close()
  })

  test('two slow requests on one connection are answered in completion order', async () => {
    const c = await Client.open(t.path)
    c.send(run(1, 'slow', { ms: 150, tag: 'first' }))
    c.send(run(2, 'slow', { ms: 10, tag: 'second' }))
    const replies = await c.waitFor(2)
    assert.deepEqual(
      replies.map((r) => [r.id, r.result]),
      [
        [2, 'second'],
        [1, 'first'],
      ],
    )
    c.close()
  })

  test('50 connections in parallel each get their own answers', async () => {
    const clients = await Promise.all(
      Array.from({ length: 50 }, () => Client.open(t.path)),
    )
    clients.forEach((c, i) => {
      for (let j = 0; j < 5; j++)
        c.send(run(j, 'slow', { ms: (i * 7 + j) % 20, tag: `${i}/${j}` }))
    })
    await Promise.all(clients.map((c) => c.waitFor(5)))
    clients.forEach((c, i) => {
      const got = c.replies.map((r) => `${r.id}=${r.result}`).sort()
      assert.deepEqual(
        got,
        [0, 1, 2, 3, 4].map((j) => `${j}=${i}/${j}`),
      )
      c.close()
    })
  })

  test('a client that hangs up before its reply does not disturb the server', async () => {
    const c = await Client.open(t.path)
    c.send(run(1, 'slow', { ms: 50, tag: 'x' }))
    c.write('{"id":2,"method":"st')
    await sleep(5)
    c.close()
    await sleep(80)
    const d = await Client.open(t.path)
    d.send({ id: 1, method: 'eval', params: { script: 'ok' } })
    assert.deepEqual((await d.waitFor(1))[0].result, 2)
    d.close()
  })

  test('a client that ends its side still gets replies to requests in flight', async () => {
    const c = await Client.open(t.path)
    c.socket.end(
      JSON.stringify(run(1, 'slow', { ms: 30, tag: 'after-end' })) + '\n',
    )
    await c.waitClosed()
    assert.deepEqual(
      c.replies.map((r) => r.result),
      ['after-end'],
    )
  })

  test('afterReply hooks run once the reply is written', async () => {
    const c = await Client.open(t.path)
    c.send({ id: 1, method: 'exit', params: { id: 'E', target: null } })
    assert.equal(t.seen.exits, 0, 'not before the reply')
    await c.waitFor(1)
    for (let i = 0; i < 100 && t.seen.exits === 0; i++) await sleep(10)
    assert.equal(t.seen.exits, 1)
    c.close()
  })

  test('a 64 MiB line is accepted', async () => {
    const c = await Client.open(t.path)
    const script = 'x'.repeat(64 * 1024 * 1024 - 60)
    const line = JSON.stringify({ id: 1, method: 'eval', params: { script } })
    assert.ok(Buffer.byteLength(line) <= 64 * 1024 * 1024)
    c.write(line + '\n')
    const [reply] = await c.waitFor(1, 20_000)
    assert.deepEqual(reply, { jsonrpc: '2.0', id: 1, result: script.length })
    c.close()
  })

  test('a line over the limit gets one error reply and closes only that connection', async () => {
    const other = await Client.open(t.path)
    const c = await Client.open(t.path)
    c.send({ id: 1, method: 'eval', params: { script: 'before' } })
    const chunk = Buffer.alloc(1024 * 1024, 0x61)
    for (let i = 0; i < 130 && !c.closed; i++) {
      // The write callback fires once flushed, or with an error once the server hung up.
      await new Promise((resolve) => c.socket.write(chunk, resolve))
    }
    await c.waitClosed()
    assert.equal(c.replies.length, 2)
    assert.deepEqual(c.replies[0], { jsonrpc: '2.0', id: 1, result: 6 })
    assert.deepEqual(c.replies[1], {
      jsonrpc: '2.0',
      id: null,
      error: {
        code: 1,
        message: 'Line too long',
        data: {
          details:
            'A line may hold at most 134217728 bytes (128 MiB); the connection is closed',
        },
      },
    })
    other.send({ id: 1, method: 'eval', params: { script: 'still here' } })
    assert.deepEqual((await other.waitFor(1))[0].result, 10)
    other.close()
  })
})

describe('socket file handling', () => {
  test('replaces a stale socket, creates the directory and sets mode 0660', async () => {
    const { dir, cleanup } = tempDir()
    const path = join(dir, 'a', 'b', 'service.sock')
    const log = captureLogger()
    const options = { socketPath: path, handlers: fixtureHandlers(), log }
    const first = await createRpcServer(options)
    assert.equal(statSync(path).mode & 0o777, 0o660)
    // A second server over a socket file left behind (the first still holds it here).
    const second = await createRpcServer(options)
    const c = await Client.open(path)
    c.send({ id: 1, method: 'eval', params: { script: 'x' } })
    assert.equal((await c.waitFor(1))[0].result, 1)
    assert.equal(second.connections, 1)
    await second.close()
    await c.waitClosed()
    assert.equal(existsSync(path), false)
    await first.close()
    assert.deepEqual(log.lines, [
      `info Listening on ${path}`,
      `info Listening on ${path}`,
    ])
    cleanup()
  })

  test('refuses to delete a path that is not a socket', async () => {
    const { dir, cleanup } = tempDir()
    mkdirSync(join(dir, 'rpc'))
    const path = join(dir, 'rpc', 'service.sock')
    writeFileSync(path, 'precious')
    await assert.rejects(
      createRpcServer({
        socketPath: path,
        handlers: fixtureHandlers(),
        log: captureLogger(),
      }),
      {
        message: `Cannot listen on ${path}: the path exists and is not a socket; remove it first`,
      },
    )
    cleanup()
  })
})
