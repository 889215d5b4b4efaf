/*
 * Run as a child process by exit.test.ts (with SUBCONTAINER_EXIT_FIXTURE=1): makes
 * subcontainers of every kind with real processes in them, leaves their context, waits for
 * the teardown, closes the simulator and returns. It never calls process.exit: the parent
 * checks that the process ends by itself, i.e. nothing (timer, process, socket) is left.
 */
import { join } from 'node:path'
import { Mounts, SubContainer } from '../../lib/subcontainer'
import type { Lab, TestManifest } from './helpers'
import { lab, pidFrom, until } from './helpers'

/** What the parent checks. */
interface Report {
  created: number
  destroyed: number
  folders: string[]
  pids: (number | undefined)[]
}

async function run(l: Lab): Promise<Report> {
  const effects = l.effects('main')
  const image = { imageId: 'main' } as const
  const mounts = Mounts.of<TestManifest>().mountVolume({
    volumeId: 'main',
    subpath: null,
    mountpoint: '/data',
    readonly: false,
  })
  const lazy = SubContainer.of<TestManifest>(effects, image, mounts, 'lazy')
  await lazy.execFail(['true'])
  const eager = await SubContainer.eager<TestManifest>(
    effects,
    image,
    null,
    'eager',
  )
  const spawned = await eager.spawn(
    ['sh', '-c', 'echo $$ > spawned.pid; exec sleep 60'],
    { stdio: 'ignore' },
  )
  const launched = await lazy.launch([
    'sh',
    '-c',
    'echo $$ > launched.pid; exec sleep 60',
  ])
  SubContainer.of<TestManifest>(effects, image, null, 'unused')
  await SubContainer.withTemp(effects, image, null, 'temp', (sub) =>
    sub.exec(['true']),
  )
  const pids = [
    spawned.pid,
    launched.pid,
    await pidFrom(eager.subpath('/app/spawned.pid')),
    await pidFrom(join(await lazy.rootfs, 'app/launched.pid')),
  ]
  l.leave('main')
  await until(() => l.created() === l.destroyed(), 'the teardown', 10_000)
  return {
    created: l.created(),
    destroyed: l.destroyed(),
    folders: l.folders(),
    pids,
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

if (require.main === module && process.env.SUBCONTAINER_EXIT_FIXTURE === '1') {
  scenario().catch((error: unknown) => {
    process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`)
    process.exitCode = 1
  })
}
