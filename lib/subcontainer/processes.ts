/// <reference types="node" />
import type * as ChildProcesses from 'node:child_process'
import type { ChildProcess, StdioOptions } from 'node:child_process'
import { START_CONTAINER } from './cli'

let loaded: typeof ChildProcesses | undefined

/** `node:child_process`, loaded on the first spawn: importing the SDK stays cheap. */
function childProcesses(): typeof ChildProcesses {
  return (loaded ??= require('node:child_process') as typeof ChildProcesses)
}

/**
 * Starts `start-container <args>` in a session of its own (`setsid`), so signalling its
 * process group reaches the command and everything it started, and nothing else.
 */
export function spawnGroup(
  args: readonly string[],
  stdio: StdioOptions,
): ChildProcess {
  return childProcesses().spawn(START_CONTAINER, args, {
    stdio,
    detached: true,
  })
}

/** Whether the process was started and has not exited yet. */
export function alive(child: ChildProcess): boolean {
  return (
    child.pid !== undefined &&
    child.exitCode === null &&
    child.signalCode === null
  )
}

/**
 * Sends `signal` to the process group `child` started (to `child` alone if that fails),
 * also after `child` itself has exited: what it left running in its group still gets it.
 */
export function signalProcessGroup(
  child: ChildProcess,
  signal: NodeJS.Signals,
): void {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {
      // It exited in between.
    }
  }
}

/** Sends `signal` to the process group `child` leads, while `child` is running. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (alive(child)) signalProcessGroup(child, signal)
}

/** Resolves once the process has exited, or at once if it never started or already ended. */
export function exited(child: ChildProcess): Promise<void> {
  if (!alive(child)) return Promise.resolve()
  return new Promise((resolve) => {
    const done = (): void => {
      child.off('exit', done)
      child.off('error', done)
      resolve()
    }
    child.on('exit', done)
    child.on('error', done)
  })
}

/** Resolves after `ms`, or when `until` settles first; leaves no timer behind. */
export function within(ms: number, until: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    until.then(
      () => {
        clearTimeout(timer)
        resolve()
      },
      () => {
        clearTimeout(timer)
        resolve()
      },
    )
  })
}

/**
 * Stops processes the way an init system does: SIGTERM to each process group, SIGKILL to
 * those still running after `graceMs`; resolves once all have exited.
 */
export async function stopGroups(
  children: readonly ChildProcess[],
  graceMs: number,
): Promise<void> {
  const running = children.filter(alive)
  if (running.length === 0) return
  for (const child of running) signalGroup(child, 'SIGTERM')
  const all = Promise.all(running.map(exited))
  await within(graceMs, all)
  for (const child of running) signalGroup(child, 'SIGKILL')
  await all
}

/** Waits `ms` without keeping anything else alive. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
