import assert from 'node:assert/strict'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { HostSimulator, spawnRuntime } from '../../lib/testing'

/** A small package bundle, as `ncc` would emit it: plain CommonJS using effects. */
const BUNDLE = `
exports.manifest = { id: 'hello' }
exports.init = async ({ effects, kind }) => {
  await effects.setDataVersion({ version: '1.0.0:0' })
  await effects.bind({ id: 'ui', internalPort: 8080, preferredExternalPort: 8080, addSsl: null, secure: null })
  await effects.getStatus({
    callback: (status) =>
      effects.notification.create({ level: 'info', title: 'status', message: Object.keys(status.health).join(',') }),
  })
}
exports.main = async ({ effects }) => {
  effects.onLeaveContext(() => { effects.setHealth({ id: 'main', name: 'Main', result: 'disabled', message: null }) })
  const [rootfs, guid] = await effects.subcontainer.createFs({ imageId: 'main', name: 'daemon' })
  return {
    build: async () => {
      const script = "const fs = require('fs'); fs.writeFileSync('daemon.txt', fs.readFileSync('hello.txt', 'utf8') + ' ' + process.env.GREETING); setInterval(() => {}, 1000)"
      const daemon = require('child_process').spawn(
        'start-container',
        ['subcontainer', 'launch', '--workdir=/', '--env=GREETING=hi', rootfs, process.execPath, '-e', script],
        { stdio: 'ignore' },
      )
      await effects.setHealth({ id: 'main', name: 'Main', result: 'success', message: 'ready' })
      return {
        term: async () => {
          daemon.kill('SIGTERM')
          await new Promise((resolve) => daemon.on('exit', resolve))
          await effects.subcontainer.destroyFs({ guid })
          await effects.clearBindings({ except: [] })
        },
      }
    },
  }
}
exports.createBackup = async ({ effects }) => { await effects.setBackupProgress({ progress: true }) }
exports.actions = {
  get: (id) => id !== 'greet' ? undefined : {
    getInput: async ({ effects, prefill }) => ({ eventId: effects.eventId, spec: {}, value: prefill }),
    run: async ({ effects, input }) => {
      const port = await effects.getServicePortForward({ hostId: 'ui', internalPort: 8080 })
      return { version: '1', title: 'Hello', message: 'hello ' + input.name + ' on ' + port.assignedPort, result: null }
    },
  },
}
exports.uninit = async ({ effects, target }) => { await effects.setDataVersion({ version: target === null ? null : String(target) }) }
`

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 250; i++) {
    if (check()) return
    await new Promise((r) => setTimeout(r, 20))
  }
  assert.fail(`timed out waiting for ${what}`)
}

test('the simulator runs a real runtime process: init → start → actions → callback → stop → exit', async () => {
  const root = mkdtempSync(join(tmpdir(), 'start-sdk-e2e-'))
  const rpcDir = join(root, 'media/startos/rpc')
  mkdirSync(rpcDir, { recursive: true })
  const entry = join(root, 'index.js')
  writeFileSync(entry, BUNDLE)
  const image = join(root, 'image')
  mkdirSync(image)
  writeFileSync(join(image, 'hello.txt'), 'hello from the image')
  const sim = await HostSimulator.start({ rpcDir, packageId: 'hello', root })
  sim.addImage('main', image)
  const runtime = await spawnRuntime(sim, {
    packageEntry: entry,
    env: { STARTOS_ENVIRONMENT: 'prod' },
  })
  const driver = runtime.driver
  try {
    assert.equal(await driver.init('install'), null)
    assert.deepEqual(sim.calls('set-data-version')[0].params, {
      version: '1.0.0:0',
      eventId: (sim.calls('set-data-version')[0].params as { eventId: string })
        .eventId,
    })
    assert.equal(
      sim.callbackIds().length,
      1,
      'get-status registered its callback',
    )

    assert.equal(await driver.start(), null)
    const health = sim.calls('set-health').at(-1)?.params as { result: string }
    assert.equal(health.result, 'success')
    // The daemon is a real process in the subcontainer's rootfs, started through start-container.
    const rootfs = (
      sim.calls('subcontainer.create-fs')[0].result as [string, string]
    )[0]
    await until(
      () => existsSync(join(rootfs, 'daemon.txt')),
      'the daemon to write its file',
    )
    await until(
      () => readFileSync(join(rootfs, 'daemon.txt'), 'utf8') !== '',
      'the daemon output',
    )
    assert.equal(
      readFileSync(join(rootfs, 'daemon.txt'), 'utf8'),
      'hello from the image hi',
    )

    const input = await driver.execute('/actions/greet/getInput', {
      prefill: { name: 'x' },
    })
    assert.deepEqual((input as { value: unknown }).value, { name: 'x' })
    const run = (await driver.execute('/actions/greet/run', {
      input: { name: 'bob' },
    })) as {
      message: string
    }
    const port = (
      sim.calls('get-service-port-forward')[0].result as {
        assignedPort: number
      }
    ).assignedPort
    assert.equal(run.message, `hello bob on ${port}`)
    await assert.rejects(
      driver.execute('/actions/nope/run', { input: {} }),
      /Action nope not found/,
    )

    // set-health changed the status: the callback registered in init fired once, in the runtime.
    const note = await sim.waitFor('notification.create', undefined, 5_000)
    assert.equal((note.params as { message: string }).message, 'main')
    assert.equal(sim.callbackIds().length, 0, 'callbacks are one-shot')
    sim.markStarted()
    await new Promise((r) => setTimeout(r, 100))
    assert.equal(
      sim.calls('notification.create').length,
      1,
      'and fire only once',
    )

    assert.equal(await driver.stop(), null)
    assert.equal(
      (sim.calls('set-health').at(-1)?.params as { result: string }).result,
      'disabled',
    )
    assert.equal(sim.calls('clear-bindings').length, 1, 'term() ran')
    assert.equal(
      existsSync(rootfs),
      false,
      'the subcontainer was destroyed after its daemon stopped',
    )

    assert.equal(await driver.exit('1.0.0:0'), null)
    assert.equal(await runtime.exited, 0)
    const last = sim.calls('set-data-version').at(-1)?.params as {
      version: string
    }
    assert.equal(last.version, '1.0.0:0')
  } catch (e) {
    throw new Error(
      `${(e as Error).message}\n--- runtime output ---\n${runtime.output()}`,
      { cause: e },
    )
  } finally {
    await runtime.kill()
    await sim.close()
    rmSync(root, { recursive: true, force: true })
  }
})
