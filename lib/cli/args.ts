import { resolve } from 'node:path'

/** A parsed command line. */
export type CliCommand =
  | { command: 'check'; dir: string; strict: boolean }
  | {
      command: 'run'
      dir: string
      healthTimeoutMs: number
      images: Record<string, string>
    }
  | { command: 'help' }

/** The usage text `--help` and a bad command line print. */
export const USAGE: string = [
  'Usage: start-sdk <command> [dir] [options]',
  '',
  'Commands:',
  '  check [dir]   validate a package without StartOS: manifest, exports, exver literals,',
  '                version graph, interfaces and actions (after a simulated init)',
  '  run [dir]     run the package on a simulated StartOS: install, init, start, health,',
  '                actions, backup, stop, restore, update, uninstall',
  '',
  'Options:',
  '  --strict                 (check) count warnings as errors',
  '  --health-timeout <s>     (run) seconds to wait for health checks (default 60)',
  '  --image <id>=<dir>       (run) use <dir> as image <id>; its bin folders go first on PATH,',
  "                           so the daemons' commands can run on this machine",
  '  -h, --help               show this text',
  '',
  '[dir] is the package directory holding startos/index.ts (default: the current one).',
].join('\n')

/** A command line `parseArgs` refused, with what to type instead. */
export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n\n${USAGE}`)
    this.name = 'UsageError'
  }
}

/** Parses `argv` (without `node` and the script); throws {@link UsageError}. */
export function parseArgs(argv: readonly string[], cwd: string): CliCommand {
  const positional: string[] = []
  let strict = false
  let healthTimeoutMs = 60_000
  const images: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '-h' || arg === '--help') return { command: 'help' }
    if (arg === '--strict') strict = true
    else if (arg === '--health-timeout') {
      const value = Number(argv[++i])
      if (!Number.isFinite(value) || value <= 0)
        throw new UsageError(
          `--health-timeout needs a positive number of seconds, got ${JSON.stringify(argv[i] ?? '')}`,
        )
      healthTimeoutMs = value * 1000
    } else if (arg === '--image') {
      const m = /^([^=]+)=(.+)$/.exec(argv[++i] ?? '')
      if (m === null)
        throw new UsageError(
          `--image needs <id>=<dir>, got ${JSON.stringify(argv[i] ?? '')}`,
        )
      images[m[1]!] = resolve(cwd, m[2]!)
    } else if (arg.startsWith('-'))
      throw new UsageError(`Unknown option ${arg}`)
    else positional.push(arg)
  }
  const [command, dir = '.', ...rest] = positional
  if (rest.length > 0)
    throw new UsageError(`Unexpected argument ${JSON.stringify(rest[0])}`)
  if (command === 'check') return { command, dir: resolve(cwd, dir), strict }
  if (command === 'run')
    return { command, dir: resolve(cwd, dir), healthTimeoutMs, images }
  if (command === undefined) return { command: 'help' }
  throw new UsageError(
    `Unknown command ${JSON.stringify(command)}: use check or run`,
  )
}
