/** Process helpers of the `start-container` stand-in. */
import { spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { accessSync, constants as fsConstants } from 'node:fs'
import { constants } from 'node:os'
import { delimiter, join } from 'node:path'

/** The signals the launcher passes on to the command it runs. */
export const FORWARDED_SIGNALS = [
  'SIGTERM',
  'SIGINT',
  'SIGHUP',
  'SIGQUIT',
  'SIGUSR1',
  'SIGUSR2',
] as const

/** The exit code a shell would report: the code, or 128 + the signal number. */
export function exitCodeOf(
  code: number | null,
  signal: NodeJS.Signals | null,
): number {
  return code ?? 128 + (signal ? constants.signals[signal] : 0)
}

/**
 * Forwards the launcher's signals to `child` and resolves its exit code (127 when it cannot
 * be started). The listeners are removed once it has exited.
 */
export function forwardAndWait(
  child: ChildProcess,
  what: string,
): Promise<number> {
  const handlers = FORWARDED_SIGNALS.map((signal) => {
    const handler = (): void => {
      try {
        child.kill(signal)
      } catch {
        // It exited in between.
      }
    }
    process.on(signal, handler)
    return [signal, handler] as const
  })
  const done = (): void => {
    for (const [signal, handler] of handlers) process.off(signal, handler)
  }
  return new Promise((resolve) => {
    child.on('error', (error) => {
      done()
      process.stderr.write(
        `start-container: cannot run ${what}: ${error.message}\n`,
      )
      resolve(127)
    })
    child.on('exit', (code, signal) => {
      done()
      resolve(exitCodeOf(code, signal))
    })
  })
}

/** The absolute path of program `name` on `PATH` (or the usual system folders), or `null`. */
export function findProgram(name: string): string | null {
  const dirs = [
    ...(process.env.PATH ?? '').split(delimiter),
    '/usr/local/sbin',
    '/usr/local/bin',
    '/usr/sbin',
    '/usr/bin',
    '/sbin',
    '/bin',
  ].filter((dir) => dir.startsWith('/'))
  for (const dir of dirs) {
    try {
      accessSync(join(dir, name), fsConstants.X_OK)
      return join(dir, name)
    } catch {
      // Not here.
    }
  }
  return null
}

/** Runs a program to the end; throws with its stderr when it fails. */
export function runChecked(program: string, args: readonly string[]): void {
  const result = spawnSync(program, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  if (result.error !== undefined) throw result.error
  if (result.status !== 0) {
    throw new Error(
      `${[program, ...args].join(' ')} failed (${result.status ?? result.signal}): ${result.stderr.trim()}`,
    )
  }
}
