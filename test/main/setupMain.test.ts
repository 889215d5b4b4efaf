import assert from 'node:assert/strict'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import { setupMain } from '../../lib/main'
import { HostSimulator, spawnRuntime } from '../../lib/testing'
import { pidFrom, reap, running, until } from '../subcontainer/helpers'

/** A package bundle whose main is a two-daemon chain built with this SDK's compiled code. */
function bundle(pids: string): string {
  const lib = (folder: string): string =>
    JSON.stringify(join(__dirname, `../../lib/${folder}/index.js`))
  return `
const { Daemons, setupMain } = require(${lib('main')})
const { SubContainer } = require(${lib('subcontainer')})
const { checkPortListening } = require(${lib('health')})
const pids = ${JSON.stringify(pids)}
exports.manifest = { id: 'hello' }
exports.init = async () => {}
exports.uninit = async () => {}
exports.main = setupMain(async ({ effects }) =>
  Daemons.of({ effects })
    .addDaemon('db', {
      subcontainer: SubContainer.of(effects, { imageId: 'main' }, null, 'db'),
      exec: { command: 'echo $$ > ' + pids + '/db.pid; exec sleep 300' },
      ready: { display: 'Database', fn: () => ({ result: 'success', message: 'db up' }) },
      requires: [],
    })
    .addDaemon('web', {
      subcontainer: SubContainer.of(effects, { imageId: 'main' }, null, 'web'),
      exec: { command: ['sh', '-c', 'echo $$ > ' + pids + '/web.pid; exec sleep 300'] },
      ready: { display: 'Web', fn: () => ({ result: 'success', message: 'web up' }) },
      requires: ['db'],
    }),
)
`
}

test('setupMain through the runtime: start runs the chain in order, stop tears it all down', async () => {
  const root = mkdtempSync(join(tmpdir(), 'start-sdk-main-rt-'))
  const rpcDir = join(root, 'media/startos/rpc')
  const pids = join(root, 'pids')
  mkdirSync(rpcDir, { recursive: true })
  mkdirSync(pids)
  const image = join(root, 'image')
  mkdirSync(image)
  const entry = join(root, 'index.js')
  writeFileSync(entry, bundle(pids))
  const sim = await HostSimulator.start({ rpcDir, packageId: 'hello', root })
  sim.addImage('main', image)
  const runtime = await spawnRuntime(sim, { packageEntry: entry })
  const health = (id: string): string[] =>
    sim
      .calls('set-health')
      .map((c) => c.params as { id: string; result: string })
      .filter((p) => p.id === id)
      .map((p) => p.result)
  try {
    await runtime.driver.init('install')
    await runtime.driver.start()
    const db = await pidFrom(join(pids, 'db.pid'))
    const web = await pidFrom(join(pids, 'web.pid'))
    await until(
      () => health('web').includes('success'),
      'web to report success',
    )
    assert.deepEqual(health('db').slice(0, 2), ['starting', 'success'])
    assert.equal(health('web')[0], 'waiting', 'web waited for db first')
    assert.ok(running(db) && running(web))
    await runtime.driver.stop()
    await until(() => !running(db) && !running(web), 'the daemons to stop')
    await until(
      () =>
        sim.calls('subcontainer.destroy-fs').length ===
        sim.calls('subcontainer.create-fs').length,
      'every subcontainer destroyed',
    )
    assert.equal(sim.calls('subcontainer.create-fs').length, 2)
    assert.deepEqual(readdirSync(join(root, 'media/startos/subcontainers')), [])
    await runtime.driver.exit(null)
    assert.equal(await runtime.exited, 0)
  } catch (e) {
    throw new Error(
      `${(e as Error).message}\n--- runtime output ---\n${runtime.output()}`,
      { cause: e },
    )
  } finally {
    await runtime.kill()
    reap(root)
    await sim.close()
    rmSync(root, { recursive: true, force: true })
  }
})

test('setupMain refuses a function that returns nothing buildable', async () => {
  const main = setupMain(async () => null as never)
  await assert.rejects(
    main({ effects: {} as never }),
    (e) =>
      isSdkError(e, 'DAEMON_INVALID') && /return sdk\.Daemons/.test(String(e)),
  )
})
