/**
 * The soak run: examples/full-service in one runtime process on one simulator, through N
 * start → ready → stop cycles, checking after every stop that nothing the cycle created is
 * left behind. Shared by `bench/soak.ts` (200 cycles, a report) and `test/soak` (a short run
 * under `npm test`).
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HostSimulator, spawnRuntime } from '../../lib/testing'
import type { RuntimeHandle } from '../../lib/testing'
import {
  activeResources,
  connectEval,
  commandLine,
  describe,
  fdCount,
  fdTargets,
  heapAfterGcKb,
  portFree,
  resourceDiff,
  rssKb,
  runProcesses,
} from './probes'
import type { EvalClient } from './probes'

const REPO = join(__dirname, '..', '..', '..')
/** The compiled example package (next to this file in the build folder). */
const STARTOS = join(__dirname, '..', '..', 'examples', 'full-service')
const IMAGE = join(REPO, 'examples', 'full-service', 'images', 'main')
/** Every health check of the example: its four daemons with `ready` and one standalone. */
export const HEALTH_IDS = ['app', 'db', 'metrics', 'p2p', 'timestamps']
/** The example's own ports (examples/full-service/startos/utils.ts). */
export const EXAMPLE_PORTS: Ports = { ui: 47300, db: 47301, p2p: 47310 }

/** The example's listening ports; gossip uses `p2p` and `p2p + 1`. */
export interface Ports {
  ui: number
  db: number
  p2p: number
}

/** Options of {@link runSoak}. */
export interface SoakOptions {
  cycles: number
  /**
   * `example`: the example as built, on its fixed ports 47300–47311. `shifted`: the same
   * bundle loaded through an entry that first sets the port constants of its `utils` module
   * to a free block elsewhere, so the run never touches the ports test/e2e uses.
   */
  ports: 'example' | 'shifted'
  /**
   * When a started service counts as up: `health`, every health check `success`; `running`,
   * a process of each of the four daemons exists (health checks still in flight at stop).
   */
  ready: 'health' | 'running'
  /** The cycle whose RSS is the reference for the memory rule (default 10). */
  rssFrom?: number
  /** How long one start may take to become ready, in ms (default 30 000). */
  readyTimeoutMs?: number
  /** How long after a stop the run may take to release everything, in ms (default 3 000). */
  settleMs?: number
  /** Called after each cycle (progress output). */
  onCycle?: (row: CycleRow) => void
}

/** What one cycle measured, after its stop had settled. */
export interface CycleRow {
  cycle: number
  /** From the `start` request to ready (see {@link SoakOptions.ready}). */
  readyMs: number
  /** Processes of the run (daemons, launchers) seen running just before `stop`. */
  daemonsUp: number
  /** Round trip of the `stop` request. */
  stopMs: number
  /** Processes of the run still there when `stop` replied, and after settling. */
  leftAtReply: number
  left: number[]
  /** Successful `subcontainer.create-fs` / `destroy-fs` so far, and folders on disk. */
  created: number
  destroyed: number
  folders: number
  fds: number
  /** Kinds of active resources that differ from the baseline (`+1 Timeout`). */
  resources: string[]
  /** Effect calls the runtime made after `stop` replied, by method. */
  lateCalls: string[]
  /** Example ports still bound after settling. */
  portsHeld: number[]
  rssKb: number
  /** Heap after a full GC: measured only at the RSS reference cycle and the last one. */
  heapKb: number | null
  /** What was left (processes, descriptors), when something was. */
  detail: string
}

/** The outcome of a run: every row, the baselines and every broken rule. */
export interface SoakReport {
  cycles: number
  ports: Ports
  /** Runtime descriptors and resources after `init`, before any start. */
  cold: { fds: number; resources: Record<string, number>; rssKb: number }
  /** The same after the first cycle: what every later stop must come back to. */
  baseline: { fds: number; resources: Record<string, number> }
  rows: CycleRow[]
  /** Seconds of the whole run, init included. */
  seconds: number
  rss: { from: number; fromKb: number; lastKb: number; limitKb: number }
  problems: string[]
}

/** The memory rule: RSS at the last cycle ≤ RSS at the reference cycle × 1.2 + 5 MiB. */
export function rssLimitKb(fromKb: number): number {
  return Math.round(fromKb * 1.2 + 5 * 1024)
}

async function pickPorts(mode: SoakOptions['ports']): Promise<Ports> {
  const free = async (p: Ports): Promise<boolean> =>
    (await portFree(p.ui)) &&
    (await portFree(p.db)) &&
    (await portFree(p.p2p)) &&
    (await portFree(p.p2p + 1))
  if (mode === 'example') {
    if (await free(EXAMPLE_PORTS)) return EXAMPLE_PORTS
    throw new Error(
      'Ports 47300, 47301, 47310 and 47311 are in use: the full-service example needs them free; stop what listens on them or run with shifted ports',
    )
  }
  for (let base = 47400; base < 48400; base += 20) {
    const ports = { ui: base, db: base + 1, p2p: base + 10 }
    if (await free(ports)) return ports
  }
  throw new Error('No free block of ports between 47400 and 48400')
}

/** The package entry: the example itself, or a shim that moves its ports first. */
function entryFor(root: string, ports: Ports): string {
  const index = join(STARTOS, 'startos', 'index.js')
  if (ports === EXAMPLE_PORTS) return index
  const shim = join(root, 'soak-entry.js')
  writeFileSync(
    shim,
    [
      `'use strict'`,
      `const utils = require(${JSON.stringify(join(STARTOS, 'startos', 'utils.js'))})`,
      `utils.uiPort = ${ports.ui}`,
      `utils.dbPort = ${ports.db}`,
      `utils.p2pPort = ${ports.p2p}`,
      `module.exports = require(${JSON.stringify(index)})`,
      '',
    ].join('\n'),
  )
  return shim
}

/**
 * Each daemon's own process (not its launcher, whose command line also carries the command):
 * the command line starts with the program main.ts gives it.
 */
const DAEMON_COMMANDS = [
  /^node \S*\/db\.js/,
  /^node \S*\/server\.js/,
  /^node \S*\/p2p\.js/,
  /^sh -c while :/,
]

/** Whether a process of each of the example's four daemons is among `pids`. */
function daemonsRunning(pids: readonly number[]): boolean {
  const commands = pids.map(commandLine)
  return DAEMON_COMMANDS.every((re) => commands.some((c) => re.test(c)))
}

/** Polls `check` every 20 ms for up to `ms`; resolves whether it came true. */
async function within(ms: number, check: () => boolean): Promise<boolean> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) return false
    await new Promise((r) => setTimeout(r, 20))
  }
  return true
}

/** What the simulator recorded since the last look, then forgotten (memory stays flat). */
function drain(sim: HostSimulator): { created: number; destroyed: number } {
  const ok = (method: string): number =>
    sim.calls(method).filter((c) => c.error === undefined).length
  const out = {
    created: ok('subcontainer.create-fs'),
    destroyed: ok('subcontainer.destroy-fs'),
  }
  sim.clearCalls()
  return out
}

/** Runs the soak and returns its report; throws only when the run cannot go on. */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const began = Date.now()
  const ports = await pickPorts(options.ports)
  const root = mkdtempSync(join(tmpdir(), 'start-sdk-soak-'))
  const rpcDir = join(root, 'media/startos/rpc')
  mkdirSync(rpcDir, { recursive: true })
  const sim = await HostSimulator.start({
    rpcDir,
    packageId: 'full-service',
    root,
  })
  sim.addImage('main', IMAGE)
  sim.addPackage({ id: 'bitcoind', version: '28.0.0:0', running: true })
  let runtime: RuntimeHandle | undefined
  let probe: EvalClient | undefined
  try {
    runtime = await spawnRuntime(sim, {
      packageEntry: entryFor(root, ports),
      env: { STARTOS_ENVIRONMENT: 'dev' },
    })
    probe = await connectEval(join(rpcDir, 'service.sock'))
    await runtime.driver.init('install')
    const cycle = cycleRunner(sim, runtime, probe, root, ports, options)
    return await soakLoop(cycle, runtime, probe, options, ports, began)
  } finally {
    probe?.close()
    await runtime?.kill()
    await sim.close()
    await within(5_000, () =>
      runtime === undefined
        ? true
        : runProcesses(root, runtime.process.pid!).length === 0,
    )
    if (runtime !== undefined)
      for (const pid of runProcesses(root, runtime.process.pid!))
        process.kill(pid, 'SIGKILL')
    rmSync(root, { recursive: true, force: true })
  }
}

type Cycle = (
  n: number,
  baseline: SoakReport['baseline'] | undefined,
) => Promise<CycleRow>

async function soakLoop(
  cycle: Cycle,
  runtime: RuntimeHandle,
  probe: EvalClient,
  options: SoakOptions,
  ports: Ports,
  began: number,
): Promise<SoakReport> {
  const pid = runtime.process.pid!
  const cold = {
    fds: fdCount(pid),
    resources: await activeResources(probe),
    rssKb: rssKb(pid),
  }
  const rows: CycleRow[] = []
  let baseline: SoakReport['baseline'] | undefined
  for (let n = 1; n <= options.cycles; n++) {
    const row = await cycle(n, baseline)
    baseline ??= { fds: row.fds, resources: await activeResources(probe) }
    rows.push(row)
    options.onCycle?.(row)
  }
  const from = Math.min(options.rssFrom ?? 10, options.cycles)
  const fromKb = rows[from - 1]!.rssKb
  const lastKb = rows[rows.length - 1]!.rssKb
  const rss = { from, fromKb, lastKb, limitKb: rssLimitKb(fromKb) }
  const problems = rows.flatMap((row) => rowProblems(row, baseline!))
  if (lastKb > rss.limitKb)
    problems.push(
      `RSS grew: ${lastKb} KiB at cycle ${options.cycles} > ${rss.limitKb} KiB (${fromKb} KiB at cycle ${from} × 1.2 + 5 MiB)`,
    )
  return {
    cycles: options.cycles,
    ports,
    cold,
    baseline: baseline!,
    rows,
    seconds: (Date.now() - began) / 1000,
    rss,
    problems,
  }
}

/** Every rule one settled cycle breaks, each naming the cycle and what was left. */
export function rowProblems(
  row: CycleRow,
  baseline: SoakReport['baseline'],
): string[] {
  const at = `cycle ${row.cycle}`
  const out: string[] = []
  if (row.left.length > 0)
    out.push(`${at}: ${row.left.length} process(es) left after stop`)
  if (row.created !== row.destroyed || row.folders !== 0)
    out.push(
      `${at}: subcontainers created ${row.created}, destroyed ${row.destroyed}, ${row.folders} folder(s) left`,
    )
  if (row.fds > baseline.fds)
    out.push(`${at}: ${row.fds} descriptors open, baseline ${baseline.fds}`)
  if (row.resources.some((r) => r.startsWith('+')))
    out.push(`${at}: active resources above baseline: ${row.resources}`)
  if (row.lateCalls.length > 0)
    out.push(`${at}: effect calls after stop replied: ${row.lateCalls}`)
  if (row.portsHeld.length > 0)
    out.push(`${at}: ports still bound after stop: ${row.portsHeld}`)
  return out
}

function cycleRunner(
  sim: HostSimulator,
  runtime: RuntimeHandle,
  probe: EvalClient,
  root: string,
  ports: Ports,
  options: SoakOptions,
): Cycle {
  const pid = runtime.process.pid!
  const rssFrom = Math.min(options.rssFrom ?? 10, options.cycles)
  const folders = join(root, 'media/startos/subcontainers')
  const all = [ports.ui, ports.db, ports.p2p, ports.p2p + 1]
  const totals = { created: 0, destroyed: 0 }
  const count = (): void => {
    const seen = drain(sim)
    totals.created += seen.created
    totals.destroyed += seen.destroyed
  }
  return async (n, baseline) => {
    const started = Date.now()
    await runtime.driver.start()
    sim.markStarted()
    const timeout = options.readyTimeoutMs ?? 30_000
    const ready = await within(timeout, () =>
      options.ready === 'health'
        ? HEALTH_IDS.every((id) => sim.state().health[id]?.result === 'success')
        : daemonsRunning(runProcesses(root, pid)),
    )
    if (!ready)
      throw new Error(
        `Cycle ${n}: not ready (${options.ready}) within ${timeout} ms; health: ${JSON.stringify(sim.state().health)}; processes: ${describe(runProcesses(root, pid))}\n${runtime.output().slice(-4_000)}`,
      )
    const readyMs = Date.now() - started
    const daemonsUp = runProcesses(root, pid).length
    const stopping = Date.now()
    await runtime.driver.stop()
    sim.markStopped()
    const stopMs = Date.now() - stopping
    const leftAtReply = runProcesses(root, pid).length
    count()
    const settleMs = options.settleMs ?? 3_000
    await within(
      settleMs,
      () =>
        runProcesses(root, pid).length === 0 &&
        (baseline === undefined || fdCount(pid) <= baseline.fds),
    )
    const held: number[] = []
    for (const port of all) if (!(await portFree(port))) held.push(port)
    const late = sim.calls().map((c) => c.method)
    count()
    let resources = baseline
      ? resourceDiff(baseline.resources, await activeResources(probe))
      : []
    if (resources.some((r) => r.startsWith('+'))) {
      // A timer may be between its callback and its clearing: look once more.
      await new Promise((r) => setTimeout(r, settleMs))
      resources = resourceDiff(
        baseline!.resources,
        await activeResources(probe),
      )
    }
    const left = runProcesses(root, pid)
    const row: CycleRow = {
      cycle: n,
      readyMs,
      daemonsUp,
      stopMs,
      leftAtReply,
      left,
      created: totals.created,
      destroyed: totals.destroyed,
      folders: listDir(folders).length,
      fds: fdCount(pid),
      resources,
      lateCalls: [...new Set(late)],
      portsHeld: held,
      rssKb: rssKb(pid),
      heapKb:
        n === rssFrom || n === options.cycles
          ? await heapAfterGcKb(probe)
          : null,
      detail: '',
    }
    if (left.length > 0 || (baseline && row.fds > baseline.fds))
      row.detail = `left: ${describe(left)}; fds: ${fdTargets(pid).join(' ')}`
    return row
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}
