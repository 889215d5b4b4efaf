/** Argument parsing of the `start-container` stand-in's subcommands. */
import { existsSync, readFileSync } from 'node:fs'

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

/** The options of `bind-mount`. */
export interface BindArgs {
  source: string
  target: string
  recursive: boolean
  file: boolean
  /** `from:to:range` id maps, accepted and not applied (no id mapping here). */
  idmap: string[]
}

/** Parses `--source S --target T [--recursive] [--file] [--idmap a:b:n]…`. */
export function parseBindArgs(args: readonly string[]): BindArgs {
  const bind: BindArgs = {
    source: '',
    target: '',
    recursive: false,
    file: false,
    idmap: [],
  }
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--source') bind.source = args[++i] ?? ''
    else if (args[i] === '--target') bind.target = args[++i] ?? ''
    else if (args[i] === '--idmap') bind.idmap.push(args[++i] ?? '')
    else if (args[i] === '--recursive') bind.recursive = true
    else if (args[i] === '--file') bind.file = true
    else
      throw new Error(
        `Unknown option ${JSON.stringify(args[i])} for start-container bind-mount`,
      )
  }
  if (bind.source === '' || bind.target === '')
    throw new Error('bind-mount needs --source and --target')
  return bind
}
