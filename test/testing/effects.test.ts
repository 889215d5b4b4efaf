import assert from 'node:assert/strict'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { rig } from './helpers'
import type { Rig } from './helpers'

const bindParams = (internalPort: number, extra: object = {}) => ({
  id: 'main',
  internalPort,
  preferredExternalPort: internalPort,
  addSsl: null,
  secure: null,
  stack: 'at here',
  ...extra,
})

describe('effects', () => {
  let t: Rig
  let desired: unknown[] = []
  before(async () => {
    t = await rig({
      portRange: [41000, 41009],
      onDesiredStatus: (id, d) => desired.push([id, d]),
    })
  })
  after(() => t.stop())
  const ok = async (method: string, params: object = {}) => {
    const reply = await t.client.call(method, params)
    assert.equal(
      reply.error,
      undefined,
      `${method}: ${JSON.stringify(reply.error)}`,
    )
    return reply.result
  }
  const err = async (method: string, params: object = {}) => {
    const reply = await t.client.call(method, params)
    assert.ok(reply.error, `${method} should fail`)
    return reply.error!
  }

  test('status, health, restart/shutdown and set-main-status', async () => {
    assert.deepEqual(await ok('get-status'), {
      health: {},
      error: null,
      started: null,
      desired: { main: 'stopped' },
    })
    await ok('set-health', {
      id: 'web',
      name: 'Web',
      result: 'loading',
      message: 'wait',
    })
    const e = await err('set-health', {
      id: 'web',
      name: 'Web',
      result: 'failure',
      message: null,
    })
    assert.equal(
      e.data.details,
      'Expected `message` to be a string, got `null` (null)',
    )
    t.sim.markStarted()
    const status = await ok('get-status', { packageId: 'hello' })
    assert.deepEqual(status.health, {
      web: { name: 'Web', result: 'loading', message: 'wait' },
    })
    assert.equal(typeof status.started, 'string')
    await ok('restart')
    assert.deepEqual((await ok('get-status')).desired, {
      main: 'restarting',
      restartAgain: false,
    })
    await ok('shutdown')
    assert.deepEqual(desired, [
      ['hello', { main: 'restarting', restartAgain: false }],
      ['hello', { main: 'stopped' }],
    ])
    await ok('set-main-status', { status: 'stopped' })
    const stopped = await ok('get-status')
    assert.equal(stopped.started, null)
    assert.deepEqual(stopped.health, {})
    assert.equal(await ok('get-status', { packageId: 'missing' }), null)
  })

  test('data version', async () => {
    assert.equal(await ok('get-data-version'), null)
    await ok('set-data-version', { version: '1.2.3:0', eventId: 'X' })
    assert.equal(await ok('get-data-version'), '1.2.3:0')
    await ok('set-data-version', { version: null })
    assert.equal(await ok('get-data-version'), null)
  })

  test('bind allocates unique ports, keeps them on rebind, honours addSsl', async () => {
    await ok('bind', bindParams(80, { preferredExternalPort: 41000 }))
    await ok('bind', bindParams(81, { preferredExternalPort: 41000 }))
    const ssl = {
      preferredExternalPort: 41000,
      addXForwardedHeaders: false,
      alpn: null,
      auth: null,
    }
    await ok(
      'bind',
      bindParams(82, { preferredExternalPort: 41005, addSsl: ssl }),
    )
    const f80 = await ok('get-service-port-forward', {
      hostId: 'main',
      internalPort: 80,
    })
    const f81 = await ok('get-service-port-forward', {
      hostId: 'main',
      internalPort: 81,
    })
    const f82 = await ok('get-service-port-forward', {
      hostId: 'main',
      internalPort: 82,
    })
    assert.deepEqual(f80, { assignedPort: 41000, assignedSslPort: null })
    assert.deepEqual(f81, { assignedPort: 41001, assignedSslPort: null })
    assert.deepEqual(f82, { assignedPort: 41005, assignedSslPort: 41002 })
    await ok('bind', bindParams(81, { preferredExternalPort: 41000 }))
    assert.deepEqual(
      await ok('get-service-port-forward', {
        hostId: 'main',
        internalPort: 81,
      }),
      f81,
    )
    const missing = await err('get-service-port-forward', {
      hostId: 'main',
      internalPort: 9,
    })
    assert.equal(missing.code, 6)
    const badPort = await err('bind', bindParams(0))
    assert.equal(badPort.code, 12)
    assert.match(badPort.data.details, /`internalPort`/)
  })

  test('bind-range: 1–500 ports, free external ranges only', async () => {
    const range = (n: number, start = 30000, internal = 5000) => ({
      id: 'rng',
      internalStartPort: internal,
      externalStartPort: start,
      numberOfPorts: n,
    })
    const tooMany = await err('bind-range', range(501))
    assert.equal(tooMany.code, 38)
    assert.equal(
      tooMany.data.details,
      'numberOfPorts must be from 1 to 500, got 501',
    )
    assert.equal((await err('bind-range', range(0))).code, 38)
    assert.equal((await err('bind-range', range(1.5))).code, 12)
    await ok('bind-range', range(500))
    await ok('bind-range', range(500))
    const clash = await err('bind-range', range(2, 30499, 6000))
    assert.match(clash.data.details, /30499 of 30499-30500 is already in use/)
    await ok('bind-range', range(2, 30500, 6000))
    const host = await ok('get-host-info', { hostId: 'rng', callback: null })
    assert.equal(host.bindingRanges[5000].numberOfPorts, 500)
    assert.equal(host.bindingRanges[6000].externalStartPort, 30500)
  })

  test('host info, clear-bindings, ips and gateway', async () => {
    await ok('export-service-interface', {
      id: 'ui',
      name: 'UI',
      description: 'web',
      masked: false,
      type: 'ui',
      addressInfo: {
        username: null,
        hostId: 'main',
        internalPort: 80,
        scheme: 'http',
        sslScheme: 'https',
        suffix: '',
      },
    })
    const host = await ok('get-host-info', { hostId: 'main' })
    assert.deepEqual(Object.keys(host).sort(), [
      'bindingRanges',
      'bindings',
      'portForwards',
      'privateDomains',
      'publicDomains',
    ])
    const b80 = host.bindings[80]
    assert.equal(b80.enabled, true)
    assert.deepEqual(b80.net, { assignedPort: 41000, assignedSslPort: null })
    assert.deepEqual(Object.keys(b80.interfaces), ['ui'])
    assert.deepEqual(b80.addresses.available[0], {
      ssl: false,
      public: false,
      hostname: '127.0.0.1',
      port: 41000,
      metadata: { kind: 'ipv4', gateway: 'lo' },
    })
    assert.equal(await ok('get-host-info', { hostId: 'nope' }), null)
    await ok('clear-bindings', { except: [{ id: 'main', internalPort: 80 }] })
    const after = await ok('get-host-info', { hostId: 'main' })
    assert.equal(after.bindings[80].enabled, true)
    assert.equal(after.bindings[81].enabled, false)
    assert.deepEqual(after.bindings[81].addresses.available, [])
    assert.equal(await ok('get-container-ip'), '127.0.0.1')
    assert.equal(await ok('get-container-ip', { packageId: 'ghost' }), null)
    assert.equal(await ok('get-os-ip'), '127.0.0.1')
    assert.equal(await ok('get-outbound-gateway', { callback: null }), 'lo')
  })

  test('service interfaces', async () => {
    const ui = await ok('get-service-interface', { serviceInterfaceId: 'ui' })
    assert.equal(ui.addressInfo.scheme, 'http')
    assert.deepEqual(Object.keys(await ok('list-service-interfaces')), ['ui'])
    const noRange = await err('export-range-service-interface', {
      hostId: 'main',
      internalStartPort: 1,
      id: 'r',
      name: 'R',
      description: '',
      scheme: null,
    })
    assert.equal(noRange.code, 6)
    await ok('export-range-service-interface', {
      hostId: 'rng',
      internalStartPort: 5000,
      id: 'r',
      name: 'R',
      description: '',
      scheme: null,
    })
    const host = await ok('get-host-info', { hostId: 'rng' })
    assert.equal(host.bindingRanges[5000].interface.id, 'r')
    await ok('clear-service-interfaces', { except: [] })
    assert.deepEqual(await ok('list-service-interfaces'), {})
    assert.equal(
      await ok('get-service-interface', { serviceInterfaceId: 'ui' }),
      null,
    )
    assert.equal(
      (await ok('get-host-info', { hostId: 'rng' })).bindingRanges[5000]
        .interface,
      null,
    )
  })

  test('actions and tasks', async () => {
    const metadata = {
      name: 'Reset',
      description: 'Reset it',
      warning: null,
      visibility: 'enabled',
      allowedStatuses: 'any',
      hasInput: false,
      group: null,
    }
    await ok('action.export', { id: 'reset', metadata })
    await ok('action.export', { id: 'other', metadata })
    assert.equal(
      (
        await err('action.export', {
          id: 'x',
          metadata: { ...metadata, hasInput: 1 },
        })
      ).data.details,
      'Expected `metadata.hasInput` to be a boolean, got `1` (number)',
    )
    await ok('action.clear', { except: ['reset'] })
    assert.deepEqual([...t.sim.state().actions.keys()], ['reset'])
    await ok('action.create-task', {
      replayId: 'r1',
      packageId: 'db',
      actionId: 'config',
      severity: 'critical',
      reason: 'set it',
    })
    await ok('action.create-task', {
      replayId: 'r2',
      packageId: 'db',
      actionId: 'b',
      severity: 'optional',
    })
    assert.equal(
      (
        await err('action.create-task', {
          replayId: 'r3',
          packageId: 'db',
          actionId: 'b',
          severity: 'huge',
        })
      ).code,
      12,
    )
    await ok('action.clear-tasks', { only: ['r2'] })
    assert.deepEqual([...t.sim.state().tasks.keys()], ['r1'])
    assert.equal(
      await ok('action.get-input', { packageId: 'ghost', actionId: 'a' }),
      null,
    )
    assert.equal(await ok('action.run', { actionId: 'reset', input: {} }), null)
  })

  test('dependencies, installed packages, manifests, mount', async () => {
    t.sim.addPackage({
      id: 'db',
      version: '15.0.0:1',
      running: true,
      manifest: { title: 'DB', satisfies: ['15.0.0'] },
    })
    t.sim.state('db').health.up = {
      name: 'Up',
      result: 'success',
      message: null,
    }
    t.sim.state('db').health.other = {
      name: 'O',
      result: 'failure',
      message: 'x',
    }
    const deps = [
      { kind: 'running', id: 'db', healthChecks: ['up'], versionRange: '>=15' },
      { kind: 'exists', id: 'ghost', versionRange: '*' },
    ]
    await ok('set-dependencies', { dependencies: deps })
    assert.deepEqual(await ok('get-dependencies'), deps)
    const badDep = await err('set-dependencies', {
      dependencies: [{ kind: 'running', id: 'db', versionRange: '*' }],
    })
    assert.equal(
      badDep.data.details,
      'Expected `dependencies[0].healthChecks` to be an array of strings, got `undefined` (undefined)',
    )
    const [db, ghost] = await ok('check-dependencies', {})
    assert.deepEqual(db, {
      packageId: 'db',
      title: 'DB',
      installedVersion: '15.0.0:1',
      satisfies: ['15.0.0'],
      isRunning: true,
      tasks: {
        r1: {
          task: {
            packageId: 'db',
            actionId: 'config',
            severity: 'critical',
            reason: 'set it',
          },
          active: true,
        },
      },
      healthChecks: { up: { name: 'Up', result: 'success', message: null } },
    })
    assert.equal(ghost.installedVersion, null)
    assert.equal(
      (await ok('check-dependencies', { packageIds: ['ghost'] })).length,
      1,
    )
    assert.deepEqual(await ok('get-installed-packages'), ['db', 'hello'])
    assert.equal(
      (await ok('get-service-manifest', { packageId: 'db', callback: null }))
        .version,
      '15.0.0:1',
    )
    assert.equal(
      (await err('get-service-manifest', { packageId: 'ghost' })).code,
      6,
    )
    const target = {
      packageId: 'db',
      volumeId: 'main',
      subpath: null,
      readonly: true,
      idmap: [],
    }
    assert.equal(
      await ok('mount', { location: '/media/db', target }),
      '/media/db',
    )
    assert.deepEqual(t.sim.state().mounts, [{ location: '/media/db', target }])
  })

  test('notifications, progress, smtp, certificates, plugin urls', async () => {
    await ok('notification.create', {
      level: 'info',
      title: 'Hi',
      message: 'there',
    })
    assert.equal(
      (
        await err('notification.create', {
          level: 'loud',
          title: '',
          message: '',
        })
      ).code,
      12,
    )
    assert.deepEqual(
      t.sim.state().notifications.map((n) => [n.level, n.title, n.data]),
      [['info', 'Hi', null]],
    )
    await ok('set-init-progress', {
      progress: { done: 1, total: 2, units: 'steps' },
    })
    await ok('set-backup-progress', { progress: true })
    assert.deepEqual(t.sim.state().initProgress, [
      { done: 1, total: 2, units: 'steps' },
    ])
    assert.deepEqual(t.sim.state().backupProgress, [true])
    assert.equal(await ok('get-system-smtp', { callback: null }), null)
    const chain = await ok('get-ssl-certificate', {
      hostnames: ['b', 'a'],
      callback: null,
    })
    assert.equal(chain.length, 3)
    assert.match(
      chain[0],
      /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/,
    )
    assert.deepEqual(
      await ok('get-ssl-certificate', { hostnames: ['a', 'b'] }),
      chain,
    )
    assert.notDeepEqual(
      await ok('get-ssl-certificate', {
        hostnames: ['a'],
        algorithm: 'ed25519',
      }),
      chain,
    )
    const key = await ok('get-ssl-key', { hostnames: ['a', 'b'] })
    assert.match(key, /^-----BEGIN PRIVATE KEY-----\n/)
    assert.match(Buffer.from(key.split('\n')[1], 'base64').toString(), /FAKE/)
    await ok('plugin.url.register', { tableAction: 'urls' })
    const info = {
      packageId: 'x',
      hostId: 'h',
      internalPort: 80,
      ssl: false,
      public: false,
      hostname: 'a.b',
      port: 80,
      info: null,
    }
    await ok('plugin.url.export-url', {
      hostnameInfo: info,
      removeAction: null,
      overflowActions: [],
    })
    await ok('plugin.url.export-url', {
      hostnameInfo: info,
      removeAction: null,
      overflowActions: [],
    })
    await ok('plugin.url.export-url', {
      hostnameInfo: { ...info, port: 81 },
      removeAction: null,
      overflowActions: [],
    })
    assert.equal(t.sim.state().pluginUrls.length, 2)
    await ok('plugin.url.clear-urls', { except: [info] })
    assert.deepEqual(t.sim.state().pluginUrls, [info])
    assert.equal(t.sim.state().pluginTableAction, 'urls')
  })

  test('subcontainer create-fs copies a registered image; destroy-fs removes it', async () => {
    const image = join(t.dir, 'image')
    mkdirSync(join(image, 'etc'), { recursive: true })
    writeFileSync(join(image, 'etc', 'os-release'), 'ID=sim\n')
    t.sim.addImage('main', image)
    t.sim.addImage('empty')
    const [path, guid] = await ok('subcontainer.create-fs', {
      imageId: 'main',
      name: 'web',
    })
    assert.match(guid, /^[a-z2-7]{32}$/)
    assert.equal(path, join(t.dir, 'root', 'media/startos/subcontainers', guid))
    assert.equal(readFileSync(join(path, 'etc/os-release'), 'utf8'), 'ID=sim\n')
    const [emptyPath] = await ok('subcontainer.create-fs', {
      imageId: 'empty',
      name: null,
    })
    assert.ok(existsSync(emptyPath))
    assert.equal(
      (await err('subcontainer.create-fs', { imageId: 'nope', name: null }))
        .code,
      6,
    )
    await ok('subcontainer.destroy-fs', { guid })
    assert.equal(existsSync(path), false)
    assert.equal((await err('subcontainer.destroy-fs', { guid })).code, 6)
  })
})
