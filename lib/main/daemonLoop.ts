/// <reference types="node" />
import type { DaemonExit } from './commandTypes'
import { isCleanExit } from './CommandController'

/** Backoff added per consecutive exit: the n-th restart in a row waits (n - 1) s. */
export const BACKOFF_STEP_MS = 1_000
/** The longest wait between two restarts. */
export const BACKOFF_MAX_MS = 30_000
/** A run at least this long resets the backoff: the next restart is immediate again. */
export const STABLE_RUN_MS = 30_000

/** What the restart loop needs of one run of the command. */
export interface RunHandle {
  /** How it ended. */
  result(): Promise<DaemonExit>
  /** Stops it. */
  term(options?: {
    signal?: NodeJS.Signals | undefined
    timeout?: number | undefined
  }): Promise<void>
}

/** What the loop reads and writes of its daemon. */
export interface LoopHost {
  /** Starts one run. */
  start(): Promise<RunHandle>
  /** The run in progress, for `stop()` to terminate. */
  current: RunHandle | null
  /** The options `stop()` was called with, applied to a run that starts late. */
  termOptions:
    | { signal?: NodeJS.Signals | undefined; timeout?: number | undefined }
    | undefined
  /** Called after each run that ended on its own. */
  exited(success: boolean, exit: DaemonExit): void
  /** Reports a run that could not start. */
  report(error: unknown): void
  /** A oneshot ends the loop after a clean exit. */
  readonly oneshot: boolean
}

/** Waits `ms`, or less if `signal` aborts; leaves no timer or listener behind. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })
}

/** The wait before the restart following `streak` consecutive exits (0 for the first). */
export function backoffMs(streak: number): number {
  return Math.min(Math.max(0, streak) * BACKOFF_STEP_MS, BACKOFF_MAX_MS)
}

/**
 * Runs the command again and again until `signal` aborts: each exit is reported, then the
 * next run waits {@link backoffMs}. A oneshot stops after its first clean exit.
 */
export async function restartLoop(
  host: LoopHost,
  signal: AbortSignal,
): Promise<void> {
  let streak = 0
  while (!signal.aborted) {
    const began = Date.now()
    let exit: DaemonExit
    try {
      const run = await host.start()
      host.current = run
      if (signal.aborted) {
        await run.term(host.termOptions)
        host.current = null
        return
      }
      exit = await run.result()
      host.current = null
    } catch (error) {
      host.current = null
      if (signal.aborted) return
      host.report(error)
      exit = { exitCode: null, signal: null, lastLines: [], error }
    }
    if (signal.aborted) return
    const success = isCleanExit(exit)
    host.exited(success, exit)
    if (success && host.oneshot) return
    if (Date.now() - began >= STABLE_RUN_MS) streak = 0
    await pause(backoffMs(streak), signal)
    streak++
  }
}
