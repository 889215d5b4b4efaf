import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { HostSimulator } from './hostSimulator'
import { installLauncher } from './launcher/install'
import { ServiceDriver } from './serviceDriver'

/** Options of {@link spawnRuntime}. */
export interface SpawnRuntimeOptions {
  /** The package bundle (`javascript/index.js` of a built package). */
  packageEntry: string
  /** Extra environment for the runtime process. */
  env?: Record<string, string>
  /** How long to wait for `service.sock`, in ms (default 10 000). */
  timeoutMs?: number
}

/** A runtime process started against a simulator, with a driver connected to it. */
export interface RuntimeHandle {
  readonly process: ChildProcess
  readonly driver: ServiceDriver
  /** Resolves with the exit code when the process ends. */
  readonly exited: Promise<number | null>
  /** Everything the runtime printed so far. */
  output(): string
  /** Kills the process (SIGKILL) and closes the driver. */
  kill(): Promise<void>
}

/**
 * Starts this SDK's runtime (`start-sdk-runtime`) as a child process wired to `sim`: its
 * rpc dir, `STARTOS_ROOT` = `sim.root`, and the simulator's `start-container` stand-in first
 * on `PATH`, so subcontainers and daemons run as real (unisolated) processes.
 */
export async function spawnRuntime(
  sim: HostSimulator,
  options: SpawnRuntimeOptions,
): Promise<RuntimeHandle> {
  const rpcDir = dirname(sim.socketPath)
  const binDir = join(sim.root, 'sim-bin')
  installLauncher(binDir, { isolation: sim.isolation })
  const main = join(__dirname, '..', 'runtime', 'main.js')
  const child = spawn(
    process.execPath,
    [main, '--rpc-dir', rpcDir, '--package', options.packageEntry],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...options.env,
        STARTOS_ROOT: sim.root,
        PATH: `${binDir}:${process.env.PATH ?? ''}`,
      },
    },
  )
  let printed = ''
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk))
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk))
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', resolve),
  )
  const socket = join(rpcDir, 'service.sock')
  const deadline = Date.now() + (options.timeoutMs ?? 10_000)
  while (!existsSync(socket) || !/Listening on/.test(printed)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(
        `The runtime did not start listening on ${socket}; it printed:\n${printed}`,
      )
    }
    await new Promise((r) => setTimeout(r, 20))
  }
  const driver = await ServiceDriver.connect(socket)
  return {
    process: child,
    driver,
    exited,
    output: () => printed,
    kill: async () => {
      child.kill('SIGKILL')
      await driver.close()
    },
  }
}
