import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { MultiHost, getBridgeAddress } from '../../lib/host'
import {
  getContainerIp,
  getOutboundGateway,
  getServiceManifest,
  getSslCertificate,
  getStatus,
  getSystemSmtp,
} from '../../lib/reactive'
import type { HostRig } from './helpers'
import { hostRig, until } from './helpers'

let rig: HostRig
before(async () => {
  rig = await hostRig()
  rig.sim.addPackage({ id: 'tor', running: true })
  rig.sim.addPackage({ id: 'web', running: true })
})
after(() => rig.close())

test('getBridgeAddress resolves a dependency binding on the bridge, plain or TLS', async () => {
  const effects = rig.effects()
  await rig.sim.callAs('web', 'bind', {
    id: 'main',
    internalPort: 80,
    preferredExternalPort: 43080,
    addSsl: {
      preferredExternalPort: 43443,
      addXForwardedHeaders: true,
      alpn: null,
      auth: null,
    },
    secure: null,
  })
  const web = { hostId: 'main', packageId: 'web', internalPort: 80 }
  assert.equal(await getBridgeAddress(effects, web).once(), '127.0.0.1:43080')
  assert.equal(
    await getBridgeAddress(effects, { ...web, ssl: true }).once(),
    '127.0.0.1:43443',
  )
  assert.equal(
    await getBridgeAddress(effects, { ...web, ssl: false }).once(),
    '127.0.0.1:43080',
  )
  assert.equal(
    await getBridgeAddress(effects, { ...web, internalPort: 81 }).once(),
    null,
  )
  assert.equal(
    await getBridgeAddress(effects, { ...web, packageId: 'ghost' }).once(),
    null,
  )
})

test('getBridgeAddress falls back to <os ip>:<fallbackPort>, and const() follows the dependency', async () => {
  const r = rig.retrying()
  const socks = { hostId: 'tor', packageId: 'tor', internalPort: 9050 }
  assert.equal(
    await getBridgeAddress(r.effects, { ...socks, fallbackPort: 9050 }).const(),
    '127.0.0.1:9050',
  )
  assert.equal(await getBridgeAddress(r.effects, socks).once(), null)
  await rig.sim.callAs('tor', 'bind', {
    id: 'tor',
    internalPort: 9050,
    preferredExternalPort: 45050,
    addSsl: null,
    secure: { ssl: false },
  })
  await until(() => r.retries() === 1, 'constRetry when tor bound its port')
  assert.equal(
    await getBridgeAddress(r.effects, { ...socks, fallbackPort: 9050 }).once(),
    '127.0.0.1:45050',
  )
  r.leave()
})

test('getBridgeAddress sees this package bindings made through MultiHost', async () => {
  const effects = rig.effects()
  await MultiHost.of(effects, 'own').bindPort(8332, {
    protocol: null,
    preferredExternalPort: 48332,
    addSsl: null,
    secure: null,
  })
  assert.equal(
    await getBridgeAddress(effects, {
      hostId: 'own',
      internalPort: 8332,
    }).once(),
    '127.0.0.1:48332',
  )
})

test('getStatus, getSystemSmtp, getOutboundGateway, getSslCertificate and getServiceManifest follow the host', async () => {
  const effects = rig.effects()
  const abort = new AbortController()
  const latest: Record<string, unknown> = {}
  const follow = (name: string, values: AsyncGenerator<unknown, never>) => {
    void (async () => {
      try {
        for await (const value of values) latest[name] = value
      } catch {
        // ends with ABORTED
      }
    })()
  }
  follow(
    'started',
    watchOf(
      getStatus(effects, { packageId: 'web' }),
      (s) => s?.started !== null,
    ),
  )
  follow('smtp', getSystemSmtp(effects).watch(abort.signal))
  follow('gateway', getOutboundGateway(effects).watch(abort.signal))
  follow('cert', getSslCertificate(effects, ['a.local']).watch(abort.signal))
  follow(
    'title',
    getServiceManifest(effects, 'web', (m) => m?.title).watch(abort.signal),
  )
  await until(() => Object.keys(latest).length === 5, 'first values')
  assert.deepEqual(
    { ...latest, cert: undefined },
    { started: true, smtp: null, gateway: 'lo', cert: undefined, title: 'web' },
  )
  const firstCert = latest.cert as string[]
  assert.equal(firstCert.length, 3)

  rig.sim.markStopped('web')
  const smtp = {
    server: 'smtp.example.com',
    port: 587,
    from: 'a@example.com',
    login: 'a',
    password: null,
    security: 'starttls' as const,
  }
  rig.sim.setSmtp(smtp as never)
  rig.sim.setOutboundGateway('eth0')
  rig.sim.rotateCertificates()
  rig.sim.updateManifest('web', { title: 'Web Server' })
  await until(
    () =>
      latest.started === false &&
      latest.smtp !== null &&
      latest.gateway === 'eth0' &&
      latest.cert !== firstCert &&
      latest.title === 'Web Server',
    'every getter to see its change',
  )
  assert.deepEqual(latest.smtp, smtp)
  assert.notDeepEqual(latest.cert, firstCert)
  abort.abort()

  function watchOf<A, B>(
    watchable: { watch(signal?: AbortSignal): AsyncGenerator<A, never> },
    map: (a: A) => B,
  ): AsyncGenerator<B, never> {
    return (async function* () {
      for await (const value of watchable.watch(abort.signal)) yield map(value)
      throw new Error('unreachable')
    })()
  }
})

test('getContainerIp and getStatus read once, and getStatus of a missing package is null', async () => {
  const effects = rig.effects()
  assert.equal(await getContainerIp(effects).once(), '127.0.0.1')
  assert.equal(
    await getContainerIp(effects, { packageId: 'web' }).once(),
    '127.0.0.1',
  )
  assert.equal(await getStatus(effects, { packageId: 'ghost' }).once(), null)
  const own = await getStatus(effects).once()
  assert.deepEqual(own?.desired, { main: 'stopped' })
  assert.equal(
    await getServiceManifest(effects, 'tor', (m) => m?.id).once(),
    'tor',
  )
})
