/// <reference types="node" />
import type { HealthCheckResult, Trigger } from '../health'
import type { SubContainer } from '../subcontainer'
import type { CommandType, SDKManifest } from '../types'

/**
 * When a daemon or health check counts as ready, and how it is shown in StartOS.
 *
 * @example
 * ```ts
 * const ready: Ready = {
 *   display: 'Web interface',
 *   fn: () => checkPortListening(effects, 8080, { successMessage: 'up', errorMessage: 'down' }),
 * }
 * ```
 */
export type Ready = {
  /** The name shown in the StartOS UI; `null` keeps the check hidden (no `setHealth` is sent). */
  display: string | null
  /** Runs the check; a thrown `{ message }` (as `runHealthScript` throws) becomes a failure. */
  fn: () => Promise<HealthCheckResult> | HealthCheckResult
  /** Milliseconds after each start during which a `failure` is shown as `starting` (default 10000). */
  gracePeriod?: number
  /** When to run `fn` (default `defaultTrigger`: every second until healthy, then every 30 s). */
  trigger?: Trigger
  /**
   * Once this check has succeeded, how many non-success results in a row (a crash counts as
   * one) pause the entries that require it (default 3). Until its first success, any result
   * other than `success` keeps them waiting. Not in the reference SDK.
   */
  failuresBeforePause?: number
}

/** A command a daemon runs inside its subcontainer, with its environment and output hooks. */
export type ExecCommandOptions = {
  /** A shell line (run with `sh -c`), an argument list, or `new UseEntrypoint(...)`. */
  command: CommandType
  /** Milliseconds between SIGTERM and SIGKILL when the daemon is stopped (default 60000). */
  sigtermTimeout?: number
  /** Run the command as the subcontainer's init process (`launch`) instead of beside it. */
  runAsInit?: boolean
  /** Variables added to the image's environment; `undefined` values are left out. */
  env?:
    | {
        [variable in string]?: string
      }
    | undefined
  /** Working directory inside the subcontainer (default: the image's, else `/`). */
  cwd?: string | undefined
  /** User to run as (default: the image's, else `root`). */
  user?: string | undefined
  /** Receives each chunk the command writes to stdout (else it goes to the service log). */
  onStdout?: (chunk: Buffer | string | any) => void
  /** Receives each chunk the command writes to stderr (else it goes to the service log). */
  onStderr?: (chunk: Buffer | string | any) => void
}

/**
 * A daemon written in JavaScript: `fn` runs until it resolves (the daemon's exit) or
 * `abort` fires; it may resolve with a command, which is then run as the daemon.
 */
export type ExecFnOptions<
  Manifest extends SDKManifest,
  C extends SubContainer<Manifest> | null,
> = {
  /** The daemon's body; watch `abort` to stop when the daemon is stopped. */
  fn: (
    subcontainer: C,
    abort: AbortSignal,
  ) => Promise<C extends null ? null : ExecCommandOptions | null>
  /** Milliseconds between the abort and giving up on `fn` (or SIGKILL of its command). */
  sigtermTimeout?: number
}

/** What a daemon runs: a command (needs a subcontainer) or a JavaScript function. */
export type DaemonCommandType<
  Manifest extends SDKManifest,
  C extends SubContainer<Manifest> | null,
> = ExecFnOptions<Manifest, C> | (C extends null ? never : ExecCommandOptions)

/** How an exit of a daemon's command ended: its code or signal and its last output lines. */
export type DaemonExit = {
  /** The exit code, or `null` when it was killed by a signal or never started. */
  exitCode: number | null
  /** The signal that killed it, or `null`. */
  signal: NodeJS.Signals | null
  /** Up to the last 20 lines it wrote to stdout and stderr. */
  lastLines: string[]
  /** Why it could not run at all (a spawn or `fn` error), or `null`. */
  error: unknown
}
