import { describe, it, after } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import { createSocket } from 'node:dgram'
import {
  closeSync,
  constants,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkPortListening } from '../../lib/health'
import { isSdkError } from '../../lib/errors'
import { contextEffects } from '../file/helpers'

const { effects, leave } = contextEffects('health-port')
after(leave)
const msgs = { successMessage: 'up', errorMessage: 'down' }

function listen(host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, host, () => resolve(server))
  })
}
function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()))
}
function portOf(server: Server): number {
  const address = server.address()
  assert.ok(address && typeof address === 'object')
  return address.port
}

/** A fake `/proc` under a temp dir, `$STARTOS_PROC_ROOT` pointing at it for `fn`. */
async function withProc<T>(
  tables: Record<string, string>,
  fn: (net: string) => Promise<T>,
): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'health-proc-'))
  const net = join(root, 'net')
  mkdirSync(net)
  for (const [name, text] of Object.entries(tables)) {
    writeFileSync(join(net, name), text)
  }
  const before = process.env.STARTOS_PROC_ROOT
  process.env.STARTOS_PROC_ROOT = root
  try {
    return await fn(net)
  } finally {
    if (before === undefined) delete process.env.STARTOS_PROC_ROOT
    else process.env.STARTOS_PROC_ROOT = before
    rmSync(root, { recursive: true, force: true })
  }
}

const HEADER =
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n'
const row = (n: number, local: string, remote: string, st: string) =>
  `  ${n}: ${local} ${remote} ${st} 00000000:00000000 00:00000000 00000000     0        0 1 1 0000000000000000 100 0 0 10 0\n`

describe('checkPortListening on the real /proc', () => {
  it('sees a TCP server on IPv4 loopback, and not once it has closed', async () => {
    const server = await listen('127.0.0.1')
    const port = portOf(server)
    assert.deepEqual(await checkPortListening(effects, port, msgs), {
      result: 'success',
      message: 'up',
    })
    await close(server)
    assert.deepEqual(await checkPortListening(effects, port, msgs), {
      result: 'failure',
      message: 'down',
    })
  })

  it('sees a TCP server on IPv6 loopback', async (t) => {
    const server = await listen('::1').catch(() => null)
    if (!server) return t.skip('no IPv6 loopback here')
    try {
      const r = await checkPortListening(effects, portOf(server), msgs)
      assert.equal(r.result, 'success')
    } finally {
      await close(server)
    }
  })

  it('sees a bound UDP socket', async () => {
    const socket = createSocket('udp4')
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
    const port = socket.address().port
    try {
      const r = await checkPortListening(effects, port, msgs)
      assert.equal(r.result, 'success')
    } finally {
      await new Promise<void>((resolve) => socket.close(resolve))
    }
  })
})

describe('checkPortListening on prepared tables', () => {
  it('matches only the local port of sockets in the listening state', async () => {
    const tcp =
      HEADER +
      row(0, '0100007F:1F90', '00000000:0000', '01') + // 8080 established
      row(1, '0100007F:D431', '0100007F:1F91', '0A') + // remote 8081, local 54321
      'garbage line without columns\n' +
      row(2, '00000000:zzzz', '00000000:0000', '0A') +
      row(3, '00000000:1F92', '00000000:0000', '0a') // 8082 listening, lower case
    const tcp6 =
      HEADER +
      row(
        0,
        '00000000000000000000000001000000:1F93',
        '0'.repeat(32) + ':0000',
        '0A',
      ) // 8083
    await withProc({ tcp, tcp6 }, async () => {
      const check = (port: number) =>
        checkPortListening(effects, port, msgs).then((r) => r.result)
      assert.equal(await check(8080), 'failure')
      assert.equal(await check(8081), 'failure')
      assert.equal(await check(54321), 'success')
      assert.equal(await check(8082), 'success')
      assert.equal(await check(8083), 'success')
    })
  })

  it('counts UDP sockets in state 07 and tolerates missing tables', async () => {
    const udp = HEADER + row(0, '00000000:0035', '00000000:0000', '07') // 53
    await withProc({ udp }, async () => {
      const r = await checkPortListening(effects, 53, msgs)
      assert.equal(r.result, 'success')
      const miss = await checkPortListening(effects, 54, msgs)
      assert.deepEqual(miss, { result: 'failure', message: 'down' })
    })
  })

  it('reports an unreadable table as the error message', async () => {
    await withProc({}, async (net) => {
      mkdirSync(join(net, 'tcp'))
      const r = await checkPortListening(effects, 80, msgs)
      assert.deepEqual(r, { result: 'failure', message: 'down' })
    })
  })

  it('gives up after the timeout with the timeout message', async () => {
    await withProc({}, async (net) => {
      const fifo = join(net, 'tcp')
      execFileSync('mkfifo', [fifo])
      try {
        const r = await checkPortListening(effects, 80, {
          ...msgs,
          timeout: 50,
        })
        assert.deepEqual(r, {
          result: 'failure',
          message: 'Timeout trying to check port 80',
        })
        const custom = await checkPortListening(effects, 80, {
          ...msgs,
          timeout: 20,
          timeoutMessage: 'slow',
        })
        assert.deepEqual(custom, { result: 'failure', message: 'slow' })
      } finally {
        // Unblock the readers still waiting on the fifo, so the process can exit.
        // Opening the write end fails with ENXIO once no reader is left.
        for (;;) {
          let fd: number
          try {
            fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK)
          } catch {
            break
          }
          closeSync(fd)
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
      }
    })
  })

  it('rejects a bad port or timeout, naming the field', async () => {
    for (const port of [0, 65536, 1.5, NaN]) {
      await assert.rejects(checkPortListening(effects, port, msgs), (e) => {
        assert.ok(isSdkError(e))
        assert.match(e.message, /checkPortListening\(port\).*1 to 65535/)
        return true
      })
    }
    await assert.rejects(
      checkPortListening(effects, 80, { ...msgs, timeout: -1 }),
      /options\.timeout/,
    )
  })
})
