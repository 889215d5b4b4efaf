/**
 * A `start-container` stand-in for the simulator: the subcommands the SDK runs
 * (`subcontainer launch`, `subcontainer exec`, `bind-mount`). By default without root,
 * namespaces or id-mapping: commands run on the host with their working directory inside the
 * subcontainer's root filesystem, `--user` is accepted and ignored, and `bind-mount` becomes
 * a symlink. With `START_CONTAINER_ISOLATION=chroot` (root only) see `chrootRun.ts`.
 * Invoked as a program through the shim {@link installLauncher} writes.
 */
import { spawn } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, rmSync, symlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { BindArgs, RunOptions } from './args'
import { parseBindArgs, parseRunArgs, readEnvFile } from './args'
import { chrootBind, chrootExec, chrootLeader } from './chrootRun'
import { ISOLATION_ENV } from './isolation'
import { forwardAndWait } from './processes'

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
  return forwardAndWait(child, options.command[0])
}

/** `bind-mount` as a symlink at the target (whatever was there is replaced). */
function bindMount(bind: BindArgs): number {
  const { source, target } = bind
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
  const chroot = process.env[ISOLATION_ENV] === 'chroot'
  const [first, second, ...rest] = argv
  if (first === 'subcontainer' && (second === 'launch' || second === 'exec')) {
    const options = parseRunArgs(rest)
    if (!chroot) return run(options, second === 'launch')
    return second === 'launch' ? chrootLeader(options) : chrootExec(options)
  }
  if (first === 'bind-mount') {
    const bind = parseBindArgs(argv.slice(1))
    return chroot ? chrootBind(bind) : bindMount(bind)
  }
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
