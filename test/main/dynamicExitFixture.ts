/*
 * Run as a child process by dynamicExit.test.ts (with DYNAMIC_EXIT_FIXTURE=1): builds a
 * Daemons.dynamic over a tenants file, reconciles twice, then leaves the context without
 * calling term(), waits for the teardown and closes the simulator. It never calls
 * process.exit: the parent checks that it ends by itself, i.e. that no timer, watcher,
 * process or socket is left behind.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Daemons } from '../../lib/main'
import type { Lab } from '../subcontainer/helpers'
import { lab, until } from '../subcontainer/helpers'
import { live, startsIn, tenants } from './dynamicHelpers'

/** What the parent checks. */
interface Report {
  created: number
  destroyed: number
  folders: string[]
  pids: number[]
}

async function run(l: Lab): Promise<Report> {
  const dir = join(l.root, 'tenants')
  mkdirSync(dir)
  const t = tenants(dir)
  await t.write([{ id: 'a' }, { id: 'b', requires: ['a'] }, { id: 'c' }])
  await Daemons.dynamic(l.effects('main'), t.builder).build()
  await until(() => live(t.events).size === 3, 'three daemons', 10_000)
  await t.write([
    { id: 'a', tag: 'v2' },
    { id: 'b', requires: ['a'] },
  ])
  await until(
    () => live(t.events).size === 2 && live(t.events).get('a')?.tag === 'v2',
    'the second reconcile',
    10_000,
  )
  l.leave('main')
  await until(() => live(t.events).size === 0, 'every daemon stopped', 10_000)
  await until(() => l.created() === l.destroyed(), 'the teardown', 10_000)
  return {
    created: l.created(),
    destroyed: l.destroyed(),
    folders: l.folders(),
    pids: startsIn(t.events).map((s) => s.pid),
  }
}

/** Runs the scenario; the lab is closed (and anything left running killed) even on failure. */
async function scenario(): Promise<void> {
  const l = await lab()
  let report: Report
  try {
    report = await run(l)
  } finally {
    await l.close()
  }
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

if (require.main === module && process.env.DYNAMIC_EXIT_FIXTURE === '1') {
  scenario().catch((error: unknown) => {
    process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`)
    process.exitCode = 1
  })
}
