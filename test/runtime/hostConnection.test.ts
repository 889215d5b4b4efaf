import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import type { Socket } from 'node:net'
import { join } from 'node:path'
import { test } from 'node:test'
import { createHostClient, silentLogger } from '../../lib/runtime'
import { tempDir } from './helpers'

/** A host that holds requests until `n` arrived on a connection, then answers them in reverse. */
async function reversingHost(path: string, n: number) {
  const connections: Socket[] = []
  const server = createServer((socket) => {
    connections.push(socket)
    let buffered = ''
    const held: { id: number; method: string }[] = []
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      let nl: number
      while ((nl = buffered.indexOf('\n')) >= 0) {
        held.push(JSON.parse(buffered.slice(0, nl)))
        buffered = buffered.slice(nl + 1)
      }
      if (held.length < n) return
      for (const r of held.splice(0).reverse()) {
        socket.write(
          `${JSON.stringify({ jsonrpc: '2.0', id: r.id, result: r.method })}\n`,
        )
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(path, resolve))
  return { server, connections }
}

test('one persistent connection carries concurrent calls, answered out of order', async () => {
  const { dir, cleanup } = tempDir()
  const path = join(dir, 'host.sock')
  const { server, connections } = await reversingHost(path, 3)
  const client = createHostClient({ socketPath: path, log: silentLogger })
  try {
    const results = await Promise.all([
      client.call('get-os-ip', {}),
      client.call('get-data-version', {}),
      client.call('get-installed-packages', {}),
    ])
    assert.deepEqual(results, [
      'get-os-ip',
      'get-data-version',
      'get-installed-packages',
    ])
    assert.equal(connections.length, 1, 'all three calls shared one connection')
    // The host drops the connection: the next calls reconnect.
    connections[0].destroy()
    await new Promise((r) => setTimeout(r, 20))
    const again = await Promise.all([
      client.call('get-os-ip', {}),
      client.call('restart', {}),
      client.call('shutdown', {}),
    ])
    assert.deepEqual(again, ['get-os-ip', 'restart', 'shutdown'])
    assert.equal(connections.length, 2)
  } finally {
    client.close?.()
    server.close()
    cleanup()
  }
})

test('per-call mode opens one connection per call, as the upstream runtime does', async () => {
  const { dir, cleanup } = tempDir()
  const path = join(dir, 'host.sock')
  const { server, connections } = await reversingHost(path, 1)
  const client = createHostClient({
    socketPath: path,
    log: silentLogger,
    connection: 'per-call',
  })
  try {
    assert.equal(await client.call('get-os-ip', {}), 'get-os-ip')
    assert.equal(await client.call('restart', {}), 'restart')
    assert.equal(connections.length, 2)
  } finally {
    server.close()
    cleanup()
  }
})

test('closing the client rejects the calls still waiting', async () => {
  const { dir, cleanup } = tempDir()
  const path = join(dir, 'host.sock')
  const { server } = await reversingHost(path, 2)
  const client = createHostClient({ socketPath: path, log: silentLogger })
  try {
    const waiting = client.call('get-os-ip', {})
    await new Promise((r) => setTimeout(r, 20))
    client.close?.()
    await assert.rejects(waiting, {
      failure: 'transport',
      message: /the client was closed/,
    })
  } finally {
    server.close()
    cleanup()
  }
})
