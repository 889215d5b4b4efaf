import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { HostSimulator, spawnRuntime } from '../../lib/testing'

/** The compiled example package (examples/hello-world), as the runtime would load it. */
const ENTRY = join(
  __dirname,
  '..',
  '..',
  'examples',
  'hello-world',
  'startos',
  'index.js',
)

/** Every wire type the `config` form must contain (the Value kinds). */
const KINDS = [
  'toggle',
  'triState',
  'text',
  'textarea',
  'number',
  'color',
  'datetime',
  'select',
  'multiselect',
  'object',
  'file',
  'union',
  'list',
  'hidden',
]

const VALID = {
  enabled: false,
  tristate: true,
  name: 'web',
  password: 'hunter2hunter2',
  motd: null,
  threads: 8,
  color: null,
  since: '2026-11-23',
  mode: 'safe',
  features: ['a', 'c'],
  advanced: { timeout: 10 },
  certificate: null,
  backend: {
    selection: 'postgres',
    value: { url: 'postgres://db', pool: null },
  },
  aliases: ['www'],
  peers: [{ host: 'a.onion', port: 9735 }],
  hostname: 'web.local',
  region: 'us',
  dynToggle: true,
  dynTriState: null,
  dynTextarea: null,
  dynNumber: 2,
  dynColor: null,
  dynDatetime: null,
  dynMultiselect: ['x'],
  dynFile: null,
  dynUnion: { selection: 'sqlite', value: { path: 'other.db' } },
}

test('the example package runs on the simulator: init publishes actions and a task; config goes getInput → run', async () => {
  const root = mkdtempSync(join(tmpdir(), 'start-sdk-example-'))
  const rpcDir = join(root, 'media/startos/rpc')
  mkdirSync(rpcDir, { recursive: true })
  const sim = await HostSimulator.start({
    rpcDir,
    packageId: 'hello-world',
    root,
  })
  const runtime = await spawnRuntime(sim, { packageEntry: ENTRY })
  const driver = runtime.driver
  try {
    await driver.init('install')
    const published = sim.state().actions
    assert.deepEqual([...published.keys()].sort(), ['config', 'hello'])
    assert.equal(published.get('config')?.access, 'user')
    assert.equal(published.get('config')?.hasInput, true)
    assert.equal(published.get('config')?.group, 'Settings')
    assert.equal(published.get('hello')?.access, 'public')
    assert.equal(published.get('hello')?.allowedStatuses, 'only-running')
    assert.deepEqual(sim.state().tasks.get('hello-world:config')?.task.input, {
      kind: 'partial',
      accept: [{ mode: 'safe' }],
      set: { mode: 'safe' },
    })

    const form = (await driver.execute('/actions/config/getInput', {
      prefill: null,
    })) as {
      eventId: string
      spec: Record<string, { type: string }>
      value: Record<string, unknown>
    }
    const types = new Set(Object.values(form.spec).map((s) => s.type))
    for (const kind of KINDS)
      assert.ok(types.has(kind), `form has a ${kind} field`)
    assert.deepEqual(form.value, { name: 'world', threads: 8 })
    assert.equal(
      (form.spec['hostname'] as unknown as { default: string }).default,
      'hello.local',
    )

    const result = (await driver.execute(
      '/actions/config/run',
      { input: VALID },
      undefined,
      form.eventId,
    )) as {
      version: string
      message: string
      result: { value: { value: string }[] }
    }
    assert.equal(result.message, 'name=web threads=8 backend=postgres')
    const echoed = JSON.parse(result.result.value[0]!.value) as Record<
      string,
      unknown
    >
    assert.deepEqual(echoed['backend'], VALID.backend)
    assert.deepEqual(echoed['peers'], VALID.peers)
    assert.deepEqual(echoed['dynUnion'], VALID.dynUnion)
    assert.deepEqual(echoed['dynMultiselect'], ['x'])

    const again = (await driver.execute('/actions/config/getInput', {
      prefill: null,
    })) as {
      eventId: string
    }
    await assert.rejects(
      driver.execute(
        '/actions/config/run',
        { input: { ...VALID, name: 5, threads: 'many', mode: 'turbo' } },
        undefined,
        again.eventId,
      ),
      (e: Error) => {
        assert.match(e.message, /Invalid input for action "config"/)
        assert.match(e.message, /name: /)
        assert.match(e.message, /threads: /)
        assert.match(e.message, /mode: /)
        return true
      },
    )

    const hi = (await driver.execute('/actions/hello/run', { input: {} })) as {
      title: string
    }
    assert.equal(hi.title, 'Hello')
  } finally {
    await runtime.kill()
    await sim.close()
    rmSync(root, { recursive: true, force: true })
  }
})
