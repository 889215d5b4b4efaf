import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { HostSimulator, ServiceDriver } from '../../lib/testing'

const MAIN = join(__dirname, '..', '..', 'lib', 'runtime', 'main.js')

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
  return {
    build: async () => {
      await effects.setHealth({ id: 'main', name: 'Main', result: 'success', message: 'ready' })
      return { term: async () => { await effects.clearBindings({ except: [] }) } }
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
  const sim = await HostSimulator.start({ rpcDir, packageId: 'hello', root })
  const child = spawn(
    process.execPath,
    [MAIN, '--rpc-dir', rpcDir, '--package', entry],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, STARTOS_ROOT: root, STARTOS_ENVIRONMENT: 'prod' },
    },
  )
  let output = ''
  child.stdout.on('data', (c: Buffer) => (output += c))
  child.stderr.on('data', (c: Buffer) => (output += c))
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', resolve),
  )
  try {
    await until(() => existsSync(join(rpcDir, 'service.sock')), 'service.sock')
    const driver = await ServiceDriver.connect(join(rpcDir, 'service.sock'))

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

    assert.equal(await driver.exit('1.0.0:0'), null)
    assert.equal(await exited, 0)
    const last = sim.calls('set-data-version').at(-1)?.params as {
      version: string
    }
    assert.equal(last.version, '1.0.0:0')
    await driver.close()
  } catch (e) {
    throw new Error(
      `${(e as Error).message}\n--- runtime output ---\n${output}`,
      { cause: e },
    )
  } finally {
    child.kill('SIGKILL')
    await sim.close()
    rmSync(root, { recursive: true, force: true })
  }
})
