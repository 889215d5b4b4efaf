/**
 * Soak: examples/full-service through many start → ready → stop cycles in one runtime
 * process, checking after every stop that no daemon process, subcontainer, file descriptor,
 * libuv handle or timer of the cycle is left, and that memory stays flat. A report with a
 * verdict: exits 0 on PASS, 1 on FAIL, 2 on bad arguments.
 *
 *   npm run soak [-- --cycles=N --ready=running|health --ports=example|shifted]
 *
 * Defaults: 200 cycles; `running` (a started service counts as up once a process of each of
 * its four daemons runs: measured, waiting for every health check to pass takes ~4.1 s a
 * cycle, ~14 min for 200, over the ~12 min budget; `running` takes ~3.6 s, ~12 min); the
 * example's own ports 47300–47311.
 */
import { runSoak } from '../test/soak/harness'
import type { SoakOptions } from '../test/soak/harness'
import { formatReport } from '../test/soak/report'

/** The command-line options, checked. */
function parseArgs(argv: readonly string[]): SoakOptions {
  const options: SoakOptions = {
    cycles: 200,
    ready: 'running',
    ports: 'example',
  }
  for (const arg of argv) {
    const [key, value = ''] = arg.replace(/^--/, '').split('=', 2)
    if (key === 'cycles' && /^[1-9]\d*$/.test(value)) {
      options.cycles = Number(value)
    } else if (key === 'ready' && (value === 'running' || value === 'health')) {
      options.ready = value
    } else if (
      key === 'ports' &&
      (value === 'example' || value === 'shifted')
    ) {
      options.ports = value
    } else {
      throw new Error(
        `Unknown or invalid option \`${arg}\`: expected --cycles=<positive integer>, --ready=running|health or --ports=example|shifted`,
      )
    }
  }
  return options
}

async function main(): Promise<void> {
  let options: SoakOptions
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (e) {
    process.stderr.write(
      `${(e as Error).message}\nusage: node .build/bench/soak.js [--cycles=200] [--ready=running|health] [--ports=example|shifted]\n`,
    )
    process.exitCode = 2
    return
  }
  const began = Date.now()
  const report = await runSoak({
    ...options,
    onCycle: (row) => {
      if (row.cycle % 10 === 0 || row.cycle === options.cycles)
        process.stderr.write(
          `cycle ${row.cycle}/${options.cycles} (${((Date.now() - began) / 1000).toFixed(0)} s): ready ${row.readyMs} ms, fds ${row.fds}, RSS ${(row.rssKb / 1024).toFixed(1)} MiB\n`,
        )
    },
  })
  process.stdout.write(formatReport(report, options.ready) + '\n')
  process.exitCode = report.problems.length === 0 ? 0 : 1
}

main().catch((e: unknown) => {
  process.stderr.write(`soak: ${(e as Error).stack ?? String(e)}\n`)
  process.exitCode = 1
})
