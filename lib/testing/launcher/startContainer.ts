/**
 * A `start-container` stand-in for the simulator: the subcommands the SDK runs
 * (`subcontainer launch`, `subcontainer exec`, `bind-mount`) without root, namespaces or
 * id-mapping. Commands run on the host with their working directory inside the
 * subcontainer's root filesystem; `--user` is accepted and ignored; `bind-mount` becomes a
 * symlink. Invoked as a program through the shim {@link installLauncher} writes.
 */
import { spawn } from 'node:child_process'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs'
import { constants } from 'node:os'
import { dirname, join } from 'node:path'

/** The options `subcontainer launch|exec` take before the root filesystem. */
export interface RunOptions {
  envFile: string | null
  env: Record<string, string>
  user: string | null
  workdir: string
  rootfs: string
  command: string[]
}

/** Parses `[--env-file=F] [--user=U] [--workdir=W] [--env=K=V]… <rootfs> [command…]`. */
export function parseRunArgs(args: readonly string[]): RunOptions {
  const options: RunOptions = {
    envFile: null,
    env: {},
    user: null,
    workdir: '/',
    rootfs: '',
    command: [],
  }
  let i = 0
  for (; i < args.length && args[i].startsWith('--'); i++) {
    const [flag, ...rest] = args[i].split('=')
    const value = rest.join('=')
    if (flag === '--env-file') options.envFile = value
    else if (flag === '--user') options.user = value
    else if (flag === '--workdir') options.workdir = value
    else if (flag === '--env') {
      const eq = value.indexOf('=')
      if (eq <= 0)
        throw new Error(
          `Expected --env=KEY=VALUE, got ${JSON.stringify(args[i])}`,
        )
      options.env[value.slice(0, eq)] = value.slice(eq + 1)
    } else
      throw new Error(
        `Unknown option ${JSON.stringify(flag)} for start-container subcontainer`,
      )
  }
  options.rootfs = args[i] ?? ''
  if (options.rootfs === '')
    throw new Error(
      'Expected the subcontainer root filesystem after the options',
    )
  options.command = args.slice(i + 1)
  return options
}

/** Reads `KEY=VALUE` lines (blank lines and `#` comments skipped); a missing file is empty. */
export function readEnvFile(path: string | null): Record<string, string> {
  if (path === null || !existsSync(path)) return {}
  const env: Record<string, string> = {}
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const eq = line.indexOf('=')
    if (line.trim() === '' || line.startsWith('#') || eq <= 0) continue
    env[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return env
}

/** Runs `options.command` with its environment and working directory; resolves its exit code. */
function run(options: RunOptions, leader: boolean): Promise<number> {
  if (leader) mkdirSync(join(options.rootfs, 'proc/1'), { recursive: true })
  if (options.command.length === 0) {
    // A bare leader only keeps the subcontainer "running" until it is killed.
    return new Promise(() => setInterval(() => {}, 1 << 30))
  }
  const cwd = join(options.rootfs, options.workdir)
  const child = spawn(options.command[0], options.command.slice(1), {
    cwd: existsSync(cwd) ? cwd : options.rootfs,
    env: { ...process.env, ...readEnvFile(options.envFile), ...options.env },
    stdio: 'inherit',
  })
  for (const signal of [
    'SIGTERM',
    'SIGINT',
    'SIGHUP',
    'SIGQUIT',
    'SIGUSR1',
    'SIGUSR2',
  ] as const) {
    process.on(signal, () => child.kill(signal))
  }
  return new Promise((resolve) => {
    child.on('error', (error) => {
      process.stderr.write(
        `start-container: cannot run ${options.command[0]}: ${error.message}\n`,
      )
      resolve(127)
    })
    child.on('exit', (code, signal) =>
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)),
    )
  })
}

/** `bind-mount --source S --target T [--recursive] [--file] [--idmap a:b:n]…` as a symlink. */
function bindMount(args: readonly string[]): number {
  let source = ''
  let target = ''
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--source') source = args[++i] ?? ''
    else if (args[i] === '--target') target = args[++i] ?? ''
    else if (args[i] === '--idmap') i++
    else if (args[i] !== '--recursive' && args[i] !== '--file') {
      throw new Error(
        `Unknown option ${JSON.stringify(args[i])} for start-container bind-mount`,
      )
    }
  }
  if (source === '' || target === '')
    throw new Error('bind-mount needs --source and --target')
  if (existsSync(target) || isLink(target))
    rmSync(target, { recursive: true, force: true })
  mkdirSync(dirname(target), { recursive: true })
  symlinkSync(source, target)
  return 0
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}

/** Runs one `start-container` invocation; resolves the process exit code. */
export async function startContainer(argv: readonly string[]): Promise<number> {
  const [first, second, ...rest] = argv
  if (first === 'subcontainer' && (second === 'launch' || second === 'exec')) {
    return run(parseRunArgs(rest), second === 'launch')
  }
  if (first === 'bind-mount') return bindMount(argv.slice(1))
  throw new Error(
    `start-container (simulator) supports "subcontainer launch", "subcontainer exec" and "bind-mount", got ${JSON.stringify(argv.slice(0, 2).join(' '))}`,
  )
}

if (require.main === module) {
  startContainer(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`start-container: ${error.message}\n`)
      process.exit(2)
    },
  )
}
