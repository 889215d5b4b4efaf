import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import {
  MAX_BIND_PORT_RANGE_SIZE,
  MultiHost,
  createInterface,
  createRangeInterface,
  getOwnHost,
  setupInterfaces,
  setupServiceInterfaces,
} from '../../lib/host'
import type { HostRig } from './helpers'
import { hostRig } from './helpers'

let rig: HostRig
before(async () => {
  rig = await hostRig()
})
after(() => rig.close())

const ui = {
  name: 'Web UI',
  id: 'ui',
  description: 'The web interface',
  type: 'ui' as const,
  masked: false,
  schemeOverride: null,
  username: null,
  path: '',
  query: {},
}

test('bindPort binds on the host; the export lands under bindings[port].interfaces', async () => {
  const effects = rig.effects()
  const origin = await MultiHost.of(effects, 'main').bindPort(80, {
    protocol: 'http',
    preferredExternalPort: 41080,
  })
  await origin.export([
    createInterface(effects, ui),
    createInterface(effects, {
      ...ui,
      id: 'admin',
      path: '/admin',
      type: 'api',
    }),
  ])
  const host = await getOwnHost(effects, 'main').once()
  assert.ok(host)
  const binding = host.bindings[80]
  assert.equal(binding.net.assignedPort, 41080)
  assert.equal(typeof binding.net.assignedSslPort, 'number')
  assert.deepEqual(binding.options.secure, null)
  assert.equal(binding.options.addSsl?.preferredExternalPort, 443)
  assert.deepEqual(Object.keys(binding.interfaces).sort(), ['admin', 'ui'])
  const admin = binding.interfaces.admin
  assert.equal(admin.type, 'api')
  assert.equal(admin.addressInfo.suffix, '/admin')
  // The simulator grants the preferred 443, which URLs then leave out.
  assert.equal(binding.net.assignedSslPort, 443)
  assert.deepEqual(admin.addressInfo.nonLocal.format(), [
    'http://startos-sim.local:41080/admin',
    'https://startos-sim.local/admin',
  ])
  assert.deepEqual(admin.addressInfo.bridge.format(), [
    'http://127.0.0.1:41080/admin',
    'https://127.0.0.1/admin',
  ])
  assert.deepEqual(
    binding.interfaces.ui.addressInfo
      .filter({ kind: 'localhost', exclude: { kind: 'bridge' } })
      .format(),
    ['http://127.0.0.1:41080', 'https://127.0.0.1'],
  )
})

test('bindPortRange: 1 and 501 ports refused before any effect, 2 and 500 bound', async () => {
  const effects = rig.effects()
  const host = MultiHost.of(effects, 'ranges')
  rig.sim.clearCalls()
  for (const numberOfPorts of [1, 501, 0, 2.5]) {
    await assert.rejects(
      host.bindPortRange({
        internalStartPort: 20000,
        externalStartPort: 30000,
        numberOfPorts,
      }),
      (e: unknown) =>
        isSdkError(e) &&
        e.message.startsWith(
          `Expected \`numberOfPorts\` to be an integer from 2 to ${MAX_BIND_PORT_RANGE_SIZE}, got \`${numberOfPorts}\` (number); use bindPort for a single port`,
        ),
    )
  }
  await assert.rejects(
    host.bindPortRange({
      internalStartPort: 1024,
      externalStartPort: 30000,
      numberOfPorts: 2,
    }),
    /`internalStartPort` to be an integer from 1025 to 65534, got `1024`/,
  )
  await assert.rejects(
    host.bindPortRange({
      internalStartPort: 2000,
      externalStartPort: 65500,
      numberOfPorts: 100,
    }),
    /`externalStartPort` to be an integer from 1025 to 65436, got `65500`.*end by 65535/,
  )
  assert.deepEqual(rig.sim.calls('bind-range'), [])
  const two = await host.bindPortRange({
    internalStartPort: 20000,
    externalStartPort: 30000,
    numberOfPorts: 2,
  })
  const full = await host.bindPortRange({
    internalStartPort: 21000,
    externalStartPort: 31000,
    numberOfPorts: 500,
  })
  assert.deepEqual(
    [two.internalStartPort, two.externalStartPort, two.numberOfPorts],
    [20000, 30000, 2],
  )
  const info = await getOwnHost(effects, 'ranges').once()
  assert.equal(info?.bindingRanges[20000].numberOfPorts, 2)
  assert.equal(info?.bindingRanges[21000].numberOfPorts, 500)
  assert.equal(info?.bindingRanges[21000].externalStartPort, 31000)
  await full.export(
    createRangeInterface(effects, {
      id: 'rtp',
      name: 'RTP',
      description: 'Media',
    }),
  )
  await two.export(
    createRangeInterface(effects, {
      id: 'zmq',
      name: 'ZMQ',
      description: 'Notifications',
      scheme: 'tcp',
    }),
  )
  const exported = await getOwnHost(effects, 'ranges').once()
  assert.deepEqual(exported?.bindingRanges[21000].interface, {
    id: 'rtp',
    name: 'RTP',
    description: 'Media',
    scheme: null,
  })
  assert.equal(exported?.bindingRanges[20000].interface?.scheme, 'tcp')
  await assert.rejects(
    two.export(
      createRangeInterface(effects, {
        id: 'again',
        name: 'A',
        description: 'B',
      }),
    ),
    /Port range 20000 of host `ranges` already exported its interface: a range has exactly one/,
  )
  assert.equal(rig.sim.calls('export-range-service-interface').length, 2)
})

test('a range overlapping a bound port is refused whole: nothing is half-allocated', async () => {
  const effects = rig.effects()
  const host = MultiHost.of(effects, 'overlap')
  await host.bindPort(8080, {
    protocol: null,
    preferredExternalPort: 40005,
    addSsl: null,
    secure: null,
  })
  const before = await getOwnHost(effects, 'overlap').once()
  assert.equal(before?.bindings[8080].net.assignedPort, 40005)
  await assert.rejects(
    host.bindPortRange({
      internalStartPort: 5000,
      externalStartPort: 40000,
      numberOfPorts: 10,
    }),
    /40005 of 40000-40009 is already in use/,
  )
  const afterFail = await getOwnHost(effects, 'overlap').once()
  assert.deepEqual(afterFail?.bindingRanges, {})
  // The ports before the collision were not kept: a range over them binds.
  await host.bindPortRange({
    internalStartPort: 5000,
    externalStartPort: 40000,
    numberOfPorts: 5,
  })
  // A single port inside the failed span is free too.
  await host.bindPort(8081, {
    protocol: null,
    preferredExternalPort: 40006,
    addSsl: null,
    secure: null,
  })
  const final = await getOwnHost(effects, 'overlap').once()
  assert.equal(final?.bindings[8081].net.assignedPort, 40006)
  assert.equal(final?.bindingRanges[5000].externalStartPort, 40000)
})

test('setupInterfaces keeps what it (re)creates and clears the rest', async () => {
  assert.equal(setupInterfaces, setupServiceInterfaces)
  const effects = rig.effects()
  const setup = (withAdmin: boolean) =>
    setupInterfaces(async ({ effects }) => {
      const main = MultiHost.of(effects, 'setup')
      const origin = await main.bindPort(80, { protocol: 'http' })
      const receipts = [
        await origin.export([createInterface(effects, { ...ui, id: 'web' })]),
      ]
      if (withAdmin) {
        const admin = await main.bindPort(81, { protocol: 'http' })
        receipts.push(
          await admin.export([
            createInterface(effects, { ...ui, id: 'admin' }),
          ]),
        )
        const range = await main.bindPortRange({
          internalStartPort: 6000,
          externalStartPort: 36000,
          numberOfPorts: 3,
        })
        await range.export(
          createRangeInterface(effects, {
            id: 'pool',
            name: 'Pool',
            description: 'd',
          }),
        )
      }
      return receipts
    })
  assert.equal(await setup(true)(effects), null)
  let host = await getOwnHost(effects, 'setup').once()
  assert.deepEqual(Object.keys(host?.bindings[81].interfaces ?? {}), ['admin'])
  assert.equal(host?.bindingRanges[6000].interface?.id, 'pool')
  const clear = rig.sim.calls('clear-bindings').at(-1)?.params as {
    except: unknown[]
  }
  assert.deepEqual(clear.except, [
    { id: 'setup', internalPort: 80 },
    { id: 'setup', internalPort: 81 },
    { id: 'setup', internalPort: 6000 },
  ])
  await setup(false)(effects)
  host = await getOwnHost(effects, 'setup').once()
  assert.equal(host?.bindings[80].enabled, true)
  assert.equal(host?.bindings[81].enabled, false)
  assert.deepEqual(host?.bindings[81].interfaces, {})
  assert.equal(host?.bindingRanges[6000].enabled, false)
  assert.equal(host?.bindingRanges[6000].interface, null)
  assert.deepEqual(Object.keys(host?.bindings[80].interfaces ?? {}), ['web'])
  assert.deepEqual(
    (
      rig.sim.calls('clear-service-interfaces').at(-1)?.params as {
        except: string[]
      }
    ).except,
    ['web'],
  )
})
