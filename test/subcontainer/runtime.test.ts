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
import { HostSimulator, spawnRuntime } from '../../lib/testing'
import { childrenOf, pidFrom, reap, running, until } from './helpers'

/** A package bundle whose main runs subcontainers through this SDK's compiled code. */
function bundle(pids: string): string {
  const lib = join(__dirname, '../../lib/subcontainer/index.js')
  return `
const { Mounts, SubContainer } = require(${JSON.stringify(lib)})
const pids = ${JSON.stringify(pids)}
exports.manifest = { id: 'hello' }
exports.init = async () => {}
exports.uninit = async () => {}
exports.main = async ({ effects }) => {
  const mounts = Mounts.of().mountVolume({ volumeId: 'main', subpath: null, mountpoint: '/data', readonly: false })
  const daemon = SubContainer.of(effects, { imageId: 'main' }, mounts, 'daemon')
  await daemon.spawn(['sh', '-c', 'echo $$ > ' + pids + '/daemon.pid; exec sleep 60'], { stdio: 'ignore' })
  const side = await SubContainer.eager(effects, { imageId: 'main' }, null, 'side')
  await side.launch(['sh', '-c', 'echo $$ > ' + pids + '/init.pid; exec sleep 60'])
  await side.writeFile('/data/ready', 'yes')
  return { build: async () => ({ term: async () => {} }) }
}
`
}

test('in a real runtime, stopping the service tears down its subcontainers and their processes', async () => {
  const root = mkdtempSync(join(tmpdir(), 'start-sdk-subc-rt-'))
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
  const created = (): number => sim.calls('subcontainer.create-fs').length
  const destroyed = (): number => sim.calls('subcontainer.destroy-fs').length
  try {
    await runtime.driver.init('install')
    await runtime.driver.start()
    assert.equal(created(), 2)
    const daemon = await pidFrom(join(pids, 'daemon.pid'))
    const init = await pidFrom(join(pids, 'init.pid'))
    assert.ok(running(daemon) && running(init))
    const runtimePid = runtime.process.pid as number
    assert.ok(
      childrenOf(runtimePid).length >= 2,
      'start-container processes are the runtime’s children',
    )

    await runtime.driver.stop()
    await until(
      () => destroyed() === created(),
      'destroy-fs for every create-fs',
      10_000,
    )
    await until(
      () => !running(daemon) && !running(init),
      'the processes to die',
    )
    assert.deepEqual(childrenOf(runtimePid), [], 'no child process left')
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
