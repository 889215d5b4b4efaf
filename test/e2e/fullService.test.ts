import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer, connect } from 'node:net'
import { join } from 'node:path'
import { test } from 'node:test'
import { HostSimulator, spawnRuntime } from '../../lib/testing'
import { stagePackage, startSdk } from '../cli/helpers'
import { processesUnder } from '../subcontainer/helpers'

const REPO = join(__dirname, '..', '..', '..')
/** The compiled example package, as the runtime would load it. */
const ENTRY = join(
  __dirname,
  '..',
  '..',
  'examples',
  'full-service',
  'startos',
  'index.js',
)
/** The example's image contents (the Dockerfile copies this folder to `/`). */
const IMAGE = join(REPO, 'examples', 'full-service', 'images', 'main')
const HEALTH_IDS = ['app', 'db', 'metrics', 'p2p', 'timestamps']

type Form = {
  eventId: string
  spec: Record<string, { type: string } & Record<string, unknown>>
  value: unknown
}
type Result = {
  title: string
  result: { type: string; value: unknown }
}

test('full-service on the simulator: install seeds, daemons start in order, actions, backup/restore, down migration', async () => {
  for (const port of [PORTS.ui, PORTS.db, ...PORTS.p2p])
    await assertPortFree(port)
  const root = mkdtempSync(join(tmpdir(), 'start-sdk-full-'))
  const rpcDir = join(root, 'media/startos/rpc')
  const volume = (id: string): string => join(root, 'media/startos/volumes', id)
  const read = (id: string, file: string): string =>
    readFileSync(join(volume(id), file), 'utf8')
  mkdirSync(rpcDir, { recursive: true })
  const sim = await HostSimulator.start({
    rpcDir,
    packageId: 'full-service',
    root,
  })
  sim.addImage('main', IMAGE)
  sim.addPackage({ id: 'bitcoind', version: '28.0.0:0', running: true })
  let runtime = await spawnRuntime(sim, { packageEntry: ENTRY })
  let passed = false
  try {
    // Install: files seeded, every init step published its part.
    await runtime.driver.init('install')
    const state = sim.state()
    assert.equal(state.dataVersion, '1.2.0:0')
    const store = JSON.parse(read('main', 'store.json')) as {
      adminPassword: string
      timestamps: unknown
    }
    assert.match(store.adminPassword, /^[A-Za-z0-9]{24}$/)
    assert.deepEqual(store.timestamps, { enabled: true, minConfirmations: 1 })
    assert.match(read('main', 'config.yaml'), /title: My Notes/)
    assert.match(read('main', 'metrics.toml'), /interval_seconds = 15/)
    assert.deepEqual([...state.actions.keys()].sort(), [
      'configure',
      'reset-password',
      'stats',
    ])
    assert.equal(state.actions.get('stats')?.access, 'dependent')
    assert.ok(
      state.tasks.has('full-service:configure'),
      'install asks to review the settings',
    )
    assert.deepEqual([...state.interfaces.keys()].sort(), ['api', 'ui'])
    assert.equal(
      state.interfaces.get('api')?.addressInfo.suffix,
      '/api?format=json',
    )
    assert.equal(
      state.hosts.get('gossip')?.ranges.get(PORTS.p2p[0])?.iface?.id,
      'p2p',
    )
    assert.deepEqual(state.dependencies, [
      {
        id: 'bitcoind',
        kind: 'running',
        versionRange: '>=27.0.0:0',
        healthChecks: ['rpc'],
      },
    ])

    // Main: every daemon and the standalone check become healthy, each after what it requires.
    sim.clearCalls()
    await runtime.driver.start()
    sim.markStarted()
    await until(
      () =>
        HEALTH_IDS.every((id) => sim.state().health[id]?.result === 'success'),
      'every health check to succeed',
      20_000,
      () => JSON.stringify(sim.state().health) + runtime.output(),
    )
    const health = sim
      .calls('set-health')
      .map((c) => c.params as { id: string; result: string })
    const first = (id: string, result: string): number =>
      health.findIndex((h) => h.id === id && h.result === result)
    for (const [entry, required] of [
      ['app', 'db'],
      ['p2p', 'db'],
      ['metrics', 'app'],
      ['timestamps', 'app'],
    ]) {
      assert.ok(first(entry, 'waiting') >= 0, `${entry} waits for ${required}`)
      assert.ok(
        first(required, 'success') < first(entry, 'success'),
        `${required} is ready before ${entry}`,
      )
    }
    assert.equal(sim.state().health['app']?.name, 'Web interface')
    assert.equal(await askDb('ADD buy milk'), 'OK')
    assert.match(readFileSync(join(volume('db'), 'schema'), 'utf8'), /^2/)

    // Actions: one that asks the running service, then the settings form with its defaults.
    const stats = (await runtime.driver.execute('/actions/stats/run', {
      input: {},
    })) as Result
    assert.equal(stats.title, 'My Notes')
    assert.equal((stats.result.value as { value: string }[])[0]!.value, '1')
    await runtime.driver.stop()
    sim.markStopped()
    await until(
      () => processesOf(root).length === 1,
      'the daemons to stop (only the runtime left)',
      10_000,
    )

    const form = (await runtime.driver.execute('/actions/configure/getInput', {
      prefill: null,
    })) as Form
    const defaults = formDefaults(form.spec, form.value)
    assert.equal(defaults['title'], 'My Notes')
    assert.deepEqual(defaults['storage'], {
      selection: 'local',
      value: { path: 'attachments' },
    })
    const configBefore = read('main', 'config.yaml')
    await runtime.driver.execute(
      '/actions/configure/run',
      { input: defaults },
      undefined,
      form.eventId,
    )
    assert.equal(
      read('main', 'config.yaml'),
      configBefore,
      'the defaults are what the files hold',
    )

    const again = (await runtime.driver.execute('/actions/configure/getInput', {
      prefill: null,
    })) as Form
    const changed = {
      ...formDefaults(again.spec, again.value),
      title: 'Field Notes',
      features: ['search'],
      webhooks: [
        {
          url: 'https://hooks.example.com/n',
          events: ['created', 'deleted'],
          secret: null,
        },
      ],
      storage: {
        selection: 's3',
        value: {
          endpoint: 'https://s3.example.com',
          bucket: 'notes',
          accessKey: 'AK',
          secretKey: 'SK',
        },
      },
      metrics: { enabled: true, interval: 60 },
      timestamps: false,
    }
    await runtime.driver.execute(
      '/actions/configure/run',
      { input: changed },
      undefined,
      again.eventId,
    )
    const yaml = read('main', 'config.yaml')
    assert.match(yaml, /title: Field Notes/)
    assert.match(yaml, /kind: s3/)
    assert.match(yaml, /features:\n\s+- search\n(?!\s+- markdown)/)
    assert.match(read('main', 'metrics.toml'), /interval_seconds = 60/)
    assert.equal(
      JSON.parse(read('main', 'store.json')).timestamps.enabled,
      false,
    )
    await until(
      () => sim.state().dependencies.length === 0,
      'dependencies to follow the store',
      5_000,
    )

    const reset = (await runtime.driver.execute('/actions/reset-password/run', {
      input: {},
    })) as Result
    const password = reset.result.value as string
    assert.equal(JSON.parse(read('main', 'store.json')).adminPassword, password)

    // Backup, damage, restore: both volumes come back byte for byte (the exporter's temp file
    // is excluded from backups and never left behind).
    await runtime.driver.execute('/backup/create', null)
    const backedUp = {
      main: snapshot(volume('main')),
      db: snapshot(volume('db')),
    }
    assert.ok('notes.jsonl' in backedUp.db && 'store.json' in backedUp.main)
    // A restore is a fresh container whose init runs with kind 'restore'.
    await runtime.kill()
    rmSync(join(volume('db'), 'notes.jsonl'))
    writeFileSync(join(volume('main'), 'config.yaml'), 'server: {}\n')
    writeFileSync(join(volume('main'), 'stray.txt'), 'not in the backup')
    runtime = await spawnRuntime(sim, { packageEntry: ENTRY })
    await runtime.driver.init('restore')
    assert.deepEqual(
      { main: snapshot(volume('main')), db: snapshot(volume('db')) },
      backedUp,
    )

    // Downgrade to 1.1.0: uninit runs 1.2.0's down migration, then the runtime exits.
    await runtime.driver.exit('1.1.0:0')
    assert.equal(await runtime.exited, 0)
    assert.equal(sim.state().dataVersion, '1.1.0:0')
    assert.equal(existsSync(join(volume('main'), 'metrics.toml')), false)

    // And back up to 1.2.0: the up migration recreates metrics.toml with its defaults.
    await runtime.kill()
    runtime = await spawnRuntime(sim, { packageEntry: ENTRY })
    await runtime.driver.init('update')
    assert.equal(sim.state().dataVersion, '1.2.0:0')
    assert.match(read('main', 'metrics.toml'), /interval_seconds = 15/)
    passed = true
  } finally {
    await runtime.kill()
    await sim.close()
    const left = await settle(root)
    rmSync(root, { recursive: true, force: true })
    // After a failure the leftovers are killed but the first error is the one reported.
    if (passed) assert.deepEqual(left, [], 'no process of the run is left')
  }
})

/** Waits up to 5 s for every process of the run to end; kills and returns what is left. */
async function settle(root: string): Promise<number[]> {
  try {
    await until(() => processesOf(root).length === 0, 'no process left', 5_000)
    return []
  } catch {
    return killAll(root)
  }
}

/** The ports the full-service example listens on (examples/full-service/startos/utils.ts). */
const PORTS = { ui: 47300, db: 47301, p2p: [47310, 47311] }

/** Resolves when `port` can be bound on loopback (nothing else uses it), else rejects. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', () =>
      reject(
        new Error(
          `Port ${port} is in use: the full-service example needs it free; stop what listens on it`,
        ),
      ),
    )
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()))
  })
}

/** Sends one line to the example's database and resolves its one-line answer. */
function askDb(line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(PORTS.db, '127.0.0.1')
    let answer = ''
    socket.on('data', (chunk) => {
      answer += chunk
      if (answer.endsWith('\n')) {
        socket.end()
        resolve(answer.trim())
      }
    })
    socket.on('error', reject)
    socket.write(line + '\n')
  })
}

/**
 * Processes of one run: whose command line mentions `root` (launchers, the runtime) or whose
 * working directory is inside it (the daemons, which run with their cwd in a subcontainer).
 */
function processesOf(root: string): number[] {
  const pids = new Set(processesUnder(root))
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const state = stat.slice(
        stat.lastIndexOf(')') + 2,
        stat.lastIndexOf(')') + 3,
      )
      if (state === 'Z') continue
      if (readlinkSync(`/proc/${entry}/cwd`).startsWith(root))
        pids.add(Number(entry))
    } catch {
      // Gone, or not ours to inspect.
    }
  }
  return [...pids]
}

/** SIGKILLs what {@link processesOf} finds (cleanup after a failure); returns the pids. */
function killAll(root: string): number[] {
  const pids = processesOf(root)
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  return pids
}

/** Every regular file and symlink under `dir` with a hash of its content: relative path → hash. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (sub: string): void => {
    for (const name of readdirSync(join(dir, sub)).sort()) {
      const rel = sub === '' ? name : `${sub}/${name}`
      const full = join(dir, rel)
      const stat = lstatSync(full)
      if (stat.isDirectory()) walk(rel)
      else if (stat.isSymbolicLink()) out[rel] = `-> ${readlinkSync(full)}`
      else
        out[rel] = createHash('sha256').update(readFileSync(full)).digest('hex')
    }
  }
  if (existsSync(dir)) walk('')
  return out
}

type Spec = Record<string, { type: string } & Record<string, unknown>>

/**
 * The value a form shows before the user touches it: each field's default, with the
 * prefill `value` of `getInput` laid over it (as the StartOS UI does).
 */
function formDefaults(spec: Spec, prefill: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(spec)) {
    out[key] = fieldDefault(field)
  }
  return overlay(out, prefill) as Record<string, unknown>
}

function fieldDefault(
  field: { type: string } & Record<string, unknown>,
): unknown {
  switch (field.type) {
    case 'object':
      return formDefaults(field['spec'] as Spec, undefined)
    case 'union': {
      const selection = field['default'] as string
      const variants = field['variants'] as Record<string, { spec: Spec }>
      return {
        selection,
        value: formDefaults(variants[selection]!.spec, undefined),
      }
    }
    case 'file':
      return null
    case 'hidden':
      return undefined
    default:
      return field['default'] ?? null
  }
}

function overlay(base: unknown, top: unknown): unknown {
  if (top === undefined) return base
  if (
    typeof base !== 'object' ||
    base === null ||
    Array.isArray(base) ||
    typeof top !== 'object' ||
    top === null ||
    Array.isArray(top)
  )
    return top
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) }
  for (const [key, value] of Object.entries(top)) {
    out[key] = overlay(out[key], value)
  }
  return out
}

/** Polls `check` every 50 ms for up to `ms`; fails naming `what` and what `detail` says. */
async function until(
  check: () => boolean,
  what: string,
  ms: number,
  detail: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(
        `Timed out after ${ms} ms waiting for ${what}. ${detail()}`,
      )
    await new Promise((r) => setTimeout(r, 50))
  }
}

// In this file, not test/cli: the example's fixed ports must not be used by two test
// files at once.
test('start-sdk run walks full-service end to end: dependencies simulated, update through the version graph', async () => {
  const pkg = stagePackage(join(REPO, 'examples', 'full-service'))
  try {
    const run = await startSdk(
      ['run', pkg.dir, '--health-timeout', '60'],
      150_000,
    )
    assert.equal(run.code, 0, run.stdout + run.stderr)
    assert.match(run.stdout, /simulated: bitcoind \S+ \(running\)/)
    assert.match(run.stdout, /^health\s+ok\s.*5 health checks passing/m)
    assert.match(
      run.stdout,
      /^update\s+ok\s.*1\.2\.0:0 → 1\.1\.0:0 → 1\.2\.0:0/m,
    )
    assert.match(run.stdout, /start-sdk run: ok: 11 steps/)
  } finally {
    pkg.remove()
  }
})
