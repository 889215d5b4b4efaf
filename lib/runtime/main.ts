/// <reference types="node" />
import { join } from 'node:path'
import { startosPaths } from '../paths'
import { createLifecycle } from './lifecycle'
import type { Lifecycle } from './lifecycle'
import { createLogger, isDevEnvironment } from './log'
import type { Logger } from './log'
import { describeThrown } from './rpcErrors'
import { createRpcServer } from './server'
import type { RpcServer } from './server'

/** What the command line chose. */
export interface RuntimeArgs {
  /** The directory holding `service.sock` (ours) and `host.sock` (the host's). */
  rpcDir: string
  /** The package bundle's entry, required on the first `init`. */
  packageEntry: string
}

/** A started runtime process. */
export interface RuntimeProcess {
  readonly server: RpcServer
  readonly lifecycle: Lifecycle
}

const USAGE = 'Usage: start-sdk-runtime [--rpc-dir DIR] [--package FILE]'

/** Reads `--rpc-dir DIR` and `--package FILE` (also `--flag=value`); defaults come from `startosPaths()`. */
export function parseArgs(argv: readonly string[]): RuntimeArgs {
  const paths = startosPaths()
  const args: RuntimeArgs = {
    rpcDir: paths.rpcDir,
    packageEntry: paths.packageEntry,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const eq = arg.indexOf('=')
    const flag = eq === -1 ? arg : arg.slice(0, eq)
    const key =
      flag === '--rpc-dir'
        ? 'rpcDir'
        : flag === '--package'
          ? 'packageEntry'
          : undefined
    if (key === undefined) {
      throw new Error(`Unknown argument: ${JSON.stringify(arg)}; ${USAGE}`)
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1)
    if (value === undefined || value === '') {
      throw new Error(`Missing value for ${flag}; ${USAGE}`)
    }
    args[key] = value
  }
  return args
}

function installProcessHandlers(log: Logger): void {
  process.on('unhandledRejection', (reason) => {
    if ((reason as { muteUnhandled?: unknown } | null)?.muteUnhandled) return
    log.error(`Unhandled rejection: ${describeThrown(reason)}`)
  })
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.on(signal, () => log.info(`Caught ${signal}`))
  }
}

/**
 * Starts the container runtime: installs the process handlers and listens on
 * `<rpc dir>/service.sock`. The package bundle is loaded by the first `init`, not here.
 */
export async function startRuntime(
  argv: readonly string[] = process.argv.slice(2),
  log: Logger = createLogger(),
): Promise<RuntimeProcess> {
  const args = parseArgs(argv)
  installProcessHandlers(log)
  const lifecycle = createLifecycle({
    log,
    hostSocket: join(args.rpcDir, 'host.sock'),
    packageEntry: args.packageEntry,
  })
  const server = await createRpcServer({
    socketPath: join(args.rpcDir, 'service.sock'),
    mode: 0o660,
    handlers: lifecycle.handlers,
    log,
    trace: isDevEnvironment(process.env.STARTOS_ENVIRONMENT),
  })
  return { server, lifecycle }
}

/** Runs the runtime as the process entry, exiting with status 1 when it cannot start. */
export function runMain(): void {
  const log = createLogger({
    level: isDevEnvironment(process.env.STARTOS_ENVIRONMENT) ? 'debug' : 'info',
  })
  startRuntime(process.argv.slice(2), log).catch((thrown: unknown) => {
    log.error(`Cannot start the runtime: ${describeThrown(thrown)}`)
    process.exit(1)
  })
}

if (require.main === module) runMain()
