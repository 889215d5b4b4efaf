import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { HostSimulator } from '../../lib/testing'
import { FakeServiceSock, RawClient, sleep, tempDir } from './helpers'

describe('callbacks to service.sock', () => {
  let dir: string
  let cleanup: () => void
  let sim: HostSimulator
  let client: RawClient
  let runtime: FakeServiceSock
  before(async () => {
    ;({ dir, cleanup } = tempDir())
    const rpcDir = join(dir, 'rpc')
    sim = await HostSimulator.start({
      rpcDir,
      packageId: 'hello',
      root: join(dir, 'root'),
    })
    runtime = await FakeServiceSock.listen(join(rpcDir, 'service.sock'))
    client = await RawClient.open(sim.socketPath)
  })
  after(async () => {
    client.close()
    await sim.close()
    await runtime.close()
    cleanup()
  })

  const health = (result: string) =>
    client.call('set-health', { id: 'web', name: 'Web', result, message: 'm' })

  test('fires once, with the new value, as a notification without id', async () => {
    await client.call('get-status', { callback: 1 })
    assert.deepEqual(sim.callbackIds(), [1])
    await client.call('get-os-ip')
    await sleep(20)
    assert.equal(runtime.lines.length, 0, 'nothing changed, nothing sent')
    await health('starting')
    const [line] = await runtime.waitCount(1)
    assert.deepEqual(Object.keys(line).sort(), ['method', 'params'])
    assert.equal(line.method, 'callback')
    assert.equal(line.params.id, 1)
    assert.deepEqual(line.params.args[0].health.web, {
      name: 'Web',
      result: 'starting',
      message: 'm',
    })
    await health('success')
    await sleep(30)
    assert.equal(runtime.lines.length, 1, 'one-shot')
    assert.deepEqual(sim.callbackIds(), [])
  })

  test('watches host info, interfaces, manifests, smtp, gateway and certificates', async () => {
    runtime.lines.length = 0
    sim.addPackage({ id: 'db' })
    await client.call('get-host-info', { hostId: 'main', callback: 10 })
    await client.call('list-service-interfaces', { callback: 11 })
    await client.call('get-service-manifest', { packageId: 'db', callback: 12 })
    await client.call('get-system-smtp', { callback: 13 })
    await client.call('get-outbound-gateway', { callback: 14 })
    await client.call('get-ssl-certificate', { hostnames: ['a'], callback: 15 })
    await client.call('get-status', { packageId: 'db', callback: 16 })
    await client.call('get-container-ip', { callback: 17 })
    assert.deepEqual(sim.callbackIds(), [10, 11, 12, 13, 14, 15, 16])
    await client.call('bind', {
      id: 'main',
      internalPort: 80,
      preferredExternalPort: 8080,
      addSsl: null,
      secure: null,
    })
    sim.updateManifest('db', { version: '2.0.0:0' })
    const smtp = {
      host: 'mail',
      port: 25,
      from: 'a@b',
      username: 'u',
      password: null,
      security: 'tls' as const,
    }
    sim.setSmtp(smtp)
    sim.setOutboundGateway('eth0')
    sim.rotateCertificates()
    sim.markStarted('db')
    await runtime.waitCount(6)
    await sleep(20)
    const byId = new Map(
      runtime.lines.map((l) => [l.params.id, l.params.args[0]]),
    )
    assert.deepEqual(
      [...byId.keys()].sort((a, b) => a - b),
      [10, 12, 13, 14, 15, 16],
    )
    assert.equal(byId.get(10).bindings[80].net.assignedPort, 8080)
    assert.equal(byId.get(12).version, '2.0.0:0')
    assert.deepEqual(byId.get(13), smtp)
    assert.equal(byId.get(14), 'eth0')
    assert.equal(byId.get(15).length, 3)
    assert.equal(typeof byId.get(16).started, 'string')
    assert.deepEqual(sim.callbackIds(), [11])
    await client.call('export-service-interface', {
      id: 'ui',
      name: 'UI',
      description: '',
      masked: false,
      type: 'ui',
      addressInfo: {
        username: null,
        hostId: 'main',
        internalPort: 80,
        scheme: 'http',
        sslScheme: null,
        suffix: '',
      },
    })
    await runtime.waitCount(7)
    assert.deepEqual(Object.keys(runtime.lines[6].params.args[0]), ['ui'])
    assert.equal(sim.sentCallbacks().length, 8)
  })

  test('clear-callbacks removes ids with only / except', async () => {
    for (const id of [20, 21, 22, 23]) {
      await client.call('get-data-version')
      await client.call('get-system-smtp', { callback: id })
    }
    await client.call('clear-callbacks', { only: [20] })
    assert.deepEqual(sim.callbackIds(), [21, 22, 23])
    await client.call('clear-callbacks', { except: [22] })
    assert.deepEqual(sim.callbackIds(), [22])
    const bad = await client.call('clear-callbacks', { only: ['x'] })
    assert.equal(bad.error?.code, 12)
    const before = runtime.lines.length
    sim.setSmtp(null)
    await runtime.waitCount(before + 1)
    await sleep(20)
    assert.equal(runtime.lines.length, before + 1)
    assert.equal(runtime.lines[before].params.id, 22)
  })

  test('a missing runtime loses the notification but never breaks the simulator', async () => {
    const { dir: other, cleanup: done } = tempDir()
    const lonely = await HostSimulator.start({
      rpcDir: join(other, 'rpc'),
      packageId: 'x',
    })
    await lonely.call('get-outbound-gateway', { callback: 1 })
    lonely.setOutboundGateway('wg0')
    await sleep(20)
    assert.equal(lonely.sentCallbacks().length, 1)
    assert.equal(await lonely.call('get-outbound-gateway', {}), 'wg0')
    await lonely.close()
    done()
  })
})
