/// <reference types="node" />
import type { ChildProcess } from 'node:child_process'
import type { SubContainer } from '../../subcontainer'
import { signalProcessGroup } from '../../subcontainer'
import type { SDKManifest } from '../../types'
import { failed, tail } from '../problems'

/** How long a server gets to stop after SIGTERM before it is SIGKILLed. */
export const STOP_GRACE_MS = 30_000
/** How long to wait after SIGKILL before reporting that a server would not die. */
const KILL_WAIT_MS = 5_000
/** Pause between readiness probes. */
const PROBE_INTERVAL_MS = 250

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

/** What starting a throwaway database server needs. */
export interface ServerSpec {
  /** Names the server in messages, e.g. `PostgreSQL`. */
  readonly label: string
  /** The command running the server in the foreground. */
  readonly command: string[]
  /** The system user it runs as. */
  readonly user: string
  /** Extra environment. */
  readonly env?: Record<string, string>
  /** Inside the subcontainer: the file holding the server's pid on its first line. */
  readonly pidFile: string
  /** Resolves `true` once the server accepts connections. */
  readonly ready: () => Promise<boolean>
  /** Milliseconds `ready` may take to come true. */
  readonly readyTimeout: number
  /** The config field named when the wait expires. */
  readonly readyField: string
}

/** A running throwaway server: stop it in every outcome. */
export interface RunningServer {
  /** Stops the server (SIGTERM, SIGKILL after a grace period); never leaves it running. */
  stop(): Promise<void>
  /** The server's recent output, for messages. */
  log(): string
}

interface Exit {
  code: number | null
  signal: string | null
}

/** Whether process `pid` in the subcontainer is still running (a zombie counts as exited). */
async function alive<M extends SDKManifest>(
  sub: SubContainer<M>,
  pid: number,
): Promise<boolean> {
  const script =
    's=$(cat /proc/$1/stat 2>/dev/null) || exit 1; case "${s##*) }" in Z*|X*) exit 1;; esac; exit 0'
  const result = await sub.exec(
    ['sh', '-c', script, 'sh', String(pid)],
    { user: 'root' },
    10_000,
  )
  return result.exitCode === 0
}

/** The pid the server wrote, or `null` when the file is missing or unreadable. */
async function readPid<M extends SDKManifest>(
  sub: SubContainer<M>,
  pidFile: string,
): Promise<number | null> {
  const result = await sub.exec(
    ['head', '-n', '1', pidFile],
    { user: 'root' },
    10_000,
  )
  const pid = Number(String(result.stdout).trim())
  return result.exitCode === 0 && Number.isSafeInteger(pid) && pid > 1
    ? pid
    : null
}

/** Resolves when `exited` resolves or `ms` pass; says which. */
function within(exited: Promise<Exit>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)
    void exited.then(() => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

/**
 * Starts a database server in `sub` and waits until it accepts connections. Throws
 * `BACKUP_FAILED` (after stopping it) when it exits first or `readyTimeout` passes.
 */
export async function startServer<M extends SDKManifest>(
  sub: SubContainer<M>,
  spec: ServerSpec,
): Promise<RunningServer> {
  const child = await sub.spawn(spec.command, {
    user: spec.user,
    env: spec.env,
    stdio: 'pipe',
  })
  let output = ''
  const collect = (text: string): void => {
    output = (output + text).slice(-16_384)
  }
  child.stdout?.setEncoding('utf8')
  child.stdout?.on('data', collect)
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', collect)
  let exit: Exit | null = null
  const exited = new Promise<Exit>((resolve) => {
    child.once('error', (error) => {
      exit = { code: null, signal: error.message }
      resolve(exit)
    })
    child.once('close', (code, signal) => {
      exit = { code, signal }
      resolve(exit)
    })
  })

  const stop = async (): Promise<void> => {
    if (exit !== null) return
    const pid = await readPid(sub, spec.pidFile).catch(() => null)
    const isAlive = async (): Promise<boolean> =>
      exit === null &&
      (pid === null || (await alive(sub, pid).catch(() => false)))
    const waitGone = async (ms: number): Promise<boolean> => {
      const deadline = Date.now() + ms
      while (Date.now() < deadline) {
        if (!(await isAlive())) return true
        await within(exited, Math.min(500, Math.max(0, deadline - Date.now())))
      }
      return !(await isAlive())
    }
    if (pid !== null)
      await sub
        .exec(['kill', '-TERM', String(pid)], { user: 'root' }, 10_000)
        .catch(() => undefined)
    signalProcessGroup(child, 'SIGTERM')
    if (await waitGone(STOP_GRACE_MS)) {
      signalProcessGroup(child, 'SIGKILL')
      await within(exited, KILL_WAIT_MS)
      return
    }
    if (pid !== null)
      await sub
        .exec(['kill', '-KILL', String(pid)], { user: 'root' }, 10_000)
        .catch(() => undefined)
    signalProcessGroup(child, 'SIGKILL')
    if (!(await waitGone(KILL_WAIT_MS))) {
      throw failed(
        `Stopping the temporary ${spec.label} server`,
        `it was still running ${(STOP_GRACE_MS + KILL_WAIT_MS) / 1000} s after SIGTERM and SIGKILL`,
        { pid },
      )
    }
  }

  const deadline = Date.now() + spec.readyTimeout
  try {
    for (;;) {
      if (exit !== null) {
        const e = exit as Exit
        throw failed(
          `Starting the temporary ${spec.label} server`,
          `it exited (${e.code === null ? `signal ${e.signal}` : `code ${e.code}`}) before accepting connections${
            tail(output) === '' ? '' : `:\n${tail(output, 10)}`
          }`,
          { exitCode: e.code, signal: e.signal },
        )
      }
      if (await spec.ready()) break
      if (Date.now() >= deadline) {
        throw failed(
          `Starting the temporary ${spec.label} server`,
          `it did not accept connections within ${spec.readyTimeout} ms (\`${spec.readyField}\`); raise \`${spec.readyField}\` for a large or recovering database${
            tail(output) === '' ? '' : `. Its last output:\n${tail(output, 10)}`
          }`,
          { readyTimeout: spec.readyTimeout },
        )
      }
      await within(
        exited,
        Math.min(PROBE_INTERVAL_MS, Math.max(0, deadline - Date.now())),
      )
    }
  } catch (error) {
    await stop().catch(() => undefined)
    throw error
  }
  return { stop, log: () => output }
}
