/**
 * Run by leak.test.ts as `node leakFixture.js run`: builds a Daemons chain (a daemon polled
 * by the default trigger, a crash-looping daemon in its backoff, a oneshot), leaves the
 * context, prints what is left, closes the lab and must then exit on its own: any timer,
 * socket or process left behind keeps it alive. Without arguments (as Node's test runner
 * runs every file) it does nothing.
 */
import { Daemons } from '../../lib/main'
import { processesUnder } from '../subcontainer/helpers'
import type { TestManifest } from './helpers'
import { eventually, mainLab, sleep } from './helpers'

async function main(): Promise<void> {
  const l = await mainLab()
  const effects = l.effects('main')
  await Daemons.of<TestManifest>({ effects })
    .addOneshot('init', {
      subcontainer: l.sub(effects, 'init'),
      exec: { command: 'true' },
      requires: [],
    })
    .addDaemon('app', {
      subcontainer: l.sub(effects, 'app'),
      exec: { command: 'exec sleep 300' },
      ready: {
        display: 'App',
        fn: () => ({ result: 'failure', message: 'never ready' }),
      },
      requires: ['init'],
    })
    .addDaemon('crashy', {
      subcontainer: l.sub(effects, 'crashy'),
      exec: { command: 'exit 1' },
      ready: {
        display: null,
        fn: () => ({ result: 'success', message: null }),
      },
      requires: [],
    })
    .build()
  await eventually(() => l.created() === 3, 'three subcontainers')
  await sleep(1_500)
  l.leave('main')
  await eventually(
    () => l.destroyed() === l.created(),
    'every subcontainer destroyed',
  )
  await eventually(() => processesUnder(l.root).length === 0, 'no process')
  process.stdout.write(
    `${JSON.stringify({
      created: l.created(),
      destroyed: l.destroyed(),
      folders: l.folders().length,
      processes: processesUnder(l.root).length,
    })}\n`,
  )
  await l.close()
}

if (process.argv[2] === 'run') {
  main().catch((error: unknown) => {
    process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`)
    process.exitCode = 1
  })
}
