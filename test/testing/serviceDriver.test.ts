import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import {
  ServiceDriver,
  ServiceDriverError,
  driverActions,
} from '../../lib/testing'
import { sleep, tempDir } from './helpers'

/** A fake runtime: answers each request from `answer`, in reverse arrival order per batch. */
function fakeRuntime(path: string, seen: any[]): Promise<Server> {
  const server = createServer((socket) => {
    socket.setEncoding('utf8')
    let text = ''
    socket.on('data', (chunk: string) => {
      text += chunk
      const lines = text.split('\n')
      text = lines.pop() ?? ''
      for (const line of lines) {
        const msg = JSON.parse(line)
        seen.push(msg)
        if (!('id' in msg)) continue
        const reply =
          msg.params?.procedure === '/actions/bad/run'
            ? {
                code: 1,
                message: 'Action bad not found',
                data: { details: 'x' },
              }
            : null
        const delay = msg.params?.procedure === '/actions/slow/run' ? 40 : 0
        setTimeout(() => {
          const out = reply
            ? { jsonrpc: '2.0', id: msg.id, error: reply }
            : {
                jsonrpc: '2.0',
                id: msg.id,
                result: { echo: msg.method, params: msg.params },
              }
          socket.write(JSON.stringify(out) + '\n')
        }, delay)
      }
    })
  })
  return new Promise((resolve) => server.listen(path, () => resolve(server)))
}

describe('ServiceDriver', () => {
  let dir: string
  let cleanup: () => void
  let server: Server
  let driver: ServiceDriver
  const seen: any[] = []
  before(async () => {
    ;({ dir, cleanup } = tempDir())
    server = await fakeRuntime(join(dir, 'service.sock'), seen)
    driver = await ServiceDriver.connect(join(dir, 'service.sock'))
  })
  after(async () => {
    await driver.close()
    await new Promise((resolve) => server.close(resolve))
    cleanup()
  })

  test('sends init/start/stop/execute/exit with host-like ids and params', async () => {
    const init: any = await driver.init('install')
    assert.equal(init.echo, 'init')
    assert.match(init.params.id, /^[A-Z2-7]{32}$/)
    assert.equal(init.params.kind, 'install')
    assert.deepEqual(((await driver.start()) as any).params, {})
    assert.deepEqual(((await driver.stop()) as any).params, {})
    const run: any = await driver.execute(
      '/actions/go/run',
      { input: { a: 1 } },
      500,
    )
    assert.deepEqual(
      { ...run.params, id: 'ID' },
      {
        id: 'ID',
        procedure: '/actions/go/run',
        input: { input: { a: 1 } },
        timeout: 500,
      },
    )
    assert.notEqual(run.params.id, init.params.id)
    assert.equal(
      ((await driver.exit('1.0.0:0')) as any).params.target,
      '1.0.0:0',
    )
    assert.ok(seen.every((m) => !('jsonrpc' in m)))
    assert.deepEqual(
      seen.map((m) => m.id),
      [0, 1, 2, 3, 4],
    )
  })

  test('matches out-of-order replies by id and rejects with the error object', async () => {
    const slow = driver.execute('/actions/slow/run', { input: {} })
    const fast = driver.execute('/actions/fast/run', { input: {} })
    const order: string[] = []
    await Promise.all([
      slow.then(() => order.push('slow')),
      fast.then(() => order.push('fast')),
    ])
    assert.deepEqual(order, ['fast', 'slow'])
    await assert.rejects(
      driver.execute('/actions/bad/run', { input: {} }),
      (e: unknown) => {
        assert.ok(e instanceof ServiceDriverError)
        assert.equal(e.code, 1)
        assert.equal(e.message, 'Action bad not found')
        assert.deepEqual(e.data, { details: 'x' })
        return true
      },
    )
  })

  test('callback is a notification without id; driverActions routes actions', async () => {
    const before = seen.length
    await driver.callback(7, [{ a: 1 }])
    await sleep(20)
    assert.deepEqual(seen[before], {
      method: 'callback',
      params: { id: 7, args: [{ a: 1 }] },
    })
    const actions = driverActions(driver)
    const input: any = await actions.getInput('cfg', null)
    assert.equal(input.params.procedure, '/actions/cfg/getInput')
    assert.deepEqual(input.params.input, { prefill: null })
    assert.equal(input.params.timeout, 30000)
  })

  test('pending requests reject when the connection closes', async () => {
    const other = await ServiceDriver.connect(join(dir, 'service.sock'))
    const p = other.execute('/actions/slow/run', { input: {} })
    await other.close()
    await assert.rejects(p, /closed/)
    await assert.rejects(other.start(), /closed/)
  })
})
