/// <reference types="node" />
import type { ChildProcess } from 'node:child_process'
import type { Effects } from '../effects'
import { SdkError } from '../errors'
import type { SubContainer } from '../subcontainer'
import { signalProcessGroup } from '../subcontainer'
import type { SDKManifest } from '../types'
import { checkMs, DEFAULT_SIGTERM_TIMEOUT, resolveCommand } from './commandLine'
import { forwardOutput, outputTail } from './commandOutput'
import type { OutputTail } from './commandOutput'
import type {
  DaemonCommandType,
  DaemonExit,
  ExecCommandOptions,
} from './commandTypes'

export { DEFAULT_SIGTERM_TIMEOUT } from './commandLine'

/** The internal state of one {@link CommandController}; not part of the public API. */
export interface CommandRun {
  /** Resolves with how the command ended; never rejects. */
  readonly outcome: Promise<DaemonExit>
  /** Aborted when the command is asked to stop (the `fn` form watches it). */
  readonly abort: AbortController
  /** The command's process once spawned. */
  child: ChildProcess | null
  /** Its last output lines. */
  readonly tail: OutputTail
  /** Set once `outcome` has resolved. */
  done: boolean
}

const runs = new WeakMap<object, CommandRun>()

function runOf(controller: object): CommandRun {
  const run = runs.get(controller)
  if (run === undefined) {
    throw new SdkError(
      'DAEMON_INVALID',
      'this CommandController was not made by CommandController.of(); create it with CommandController.of()(effects, subcontainer, exec)',
    )
  }
  return run
}

/** Whether an exit counts as clean: code 0, code 143 (128 + SIGTERM) or death by SIGTERM. */
export function isCleanExit(exit: DaemonExit): boolean {
  return (
    exit.error === null &&
    (exit.exitCode === 0 || exit.exitCode === 143 || exit.signal === 'SIGTERM')
  )
}

/** `exit code 3`, `signal SIGKILL` or the error's message, for failure reports. */
export function describeExit(exit: DaemonExit): string {
  if (exit.error !== null) {
    const error = exit.error as { message?: unknown }
    return `error: ${typeof error?.message === 'string' ? error.message : String(exit.error)}`
  }
  if (exit.signal !== null) return `signal ${exit.signal}`
  return `exit code ${String(exit.exitCode)}`
}

/**
 * Resolves when `child` has exited, then SIGKILLs what is left of its process group (a
 * command's background processes do not outlive it) and waits briefly for its output.
 */
function exitOf(child: ChildProcess, run: CommandRun): Promise<DaemonExit> {
  const result = (
    exitCode: number | null,
    signal: NodeJS.Signals | null,
    error: unknown,
  ): DaemonExit => ({ exitCode, signal, lastLines: run.tail.lines(), error })
  if (child.pid === undefined) {
    return Promise.resolve(
      result(null, null, new Error('the command could not be started')),
    )
  }
  return new Promise((resolve) => {
    const closed = new Promise<void>((done) => child.once('close', done))
    child.once('error', (error) => resolve(result(null, null, error)))
    const onExit = (
      code: number | null,
      signal: NodeJS.Signals | null,
    ): void => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL')
      } catch {
        // The group is already empty.
      }
      let timer: NodeJS.Timeout | undefined
      const flushed = new Promise<void>((done) => {
        timer = setTimeout(done, 200)
      })
      void Promise.race([closed, flushed]).then(() => {
        clearTimeout(timer)
        resolve(result(code, signal, null))
      })
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      onExit(child.exitCode, child.signalCode)
    } else child.once('exit', onExit)
  })
}

/** Starts `exec`'s command in `subcontainer`, wired to `run`; SIGTERMs it if already aborted. */
async function spawnIn<M extends SDKManifest>(
  subcontainer: SubContainer<M>,
  exec: ExecCommandOptions,
  run: CommandRun,
): Promise<ChildProcess> {
  const argv = await resolveCommand(exec.command, String(subcontainer.imageId))
  const options = { env: exec.env, cwd: exec.cwd, user: exec.user }
  const child = exec.runAsInit
    ? await subcontainer.launch(argv, options)
    : await subcontainer.spawn(argv, { ...options, stdio: 'pipe' })
  run.child = child
  forwardOutput(child.stdout, 'stdout', exec.onStdout, run.tail)
  forwardOutput(child.stderr, 'stderr', exec.onStderr, run.tail)
  if (run.abort.signal.aborted) signalProcessGroup(child, 'SIGTERM')
  return child
}

function needsSubcontainer(): SdkError {
  return new SdkError(
    'DAEMON_INVALID',
    'exec.command needs a subcontainer, got null; pass a SubContainer, or use exec.fn for a JavaScript daemon',
    { details: { field: 'subcontainer' } },
  )
}

/** The `fn` form: runs `fn`, then the command it returns, if any. */
async function runFn<M extends SDKManifest>(
  subcontainer: SubContainer<M> | null,
  fn: (
    subcontainer: never,
    abort: AbortSignal,
  ) => Promise<ExecCommandOptions | null>,
  run: CommandRun,
): Promise<DaemonExit> {
  const failed = (error: unknown): DaemonExit => ({
    exitCode: null,
    signal: null,
    lastLines: run.tail.lines(),
    error,
  })
  let next: ExecCommandOptions | null
  try {
    next = await fn(subcontainer as never, run.abort.signal)
  } catch (error) {
    return failed(error)
  }
  if (next === null || next === undefined || run.abort.signal.aborted) {
    return {
      exitCode: 0,
      signal: null,
      lastLines: run.tail.lines(),
      error: null,
    }
  }
  if (subcontainer === null) return failed(needsSubcontainer())
  let child: ChildProcess
  try {
    child = await spawnIn(subcontainer, next, run)
  } catch (error) {
    return failed(error)
  }
  return exitOf(child, run)
}

/**
 * One run of a daemon's command (or JavaScript function): start it with
 * {@link CommandController.of}, then {@link CommandController.wait} for it or
 * {@link CommandController.term} it. The command runs in a process group of its own, so
 * signals reach everything it started. A `Daemon` restarts these; it is rarely used alone.
 */
export class CommandController<
  Manifest extends SDKManifest,
  C extends SubContainer<Manifest> | null,
> {
  /** Resolves with `null` once the command has ended, however it ended. */
  readonly runningAnswer: Promise<null>
  /** Milliseconds {@link term} waits after its signal before SIGKILL. */
  readonly sigtermTimeout: number

  /** @internal Use {@link CommandController.of}. */
  constructor(run: CommandRun, sigtermTimeout: number) {
    runs.set(this, run)
    this.sigtermTimeout = sigtermTimeout
    this.runningAnswer = run.outcome.then(() => null)
  }

  /**
   * Returns `(effects, subcontainer, exec) => Promise<CommandController>`, which starts
   * `exec` (a string runs under `sh -c`; `runAsInit` replaces the subcontainer's init) and
   * resolves once it is running. Its output goes to `onStdout`/`onStderr`, else to the
   * service log; the last 20 lines are kept for {@link lastLines}.
   *
   * @example
   * ```ts
   * const run = await CommandController.of<Manifest, typeof sub>()(effects, sub, {
   *   command: ['sh', '-c', 'migrate && echo done'],
   * })
   * await run.wait({ timeout: 60_000 })
   * ```
   */
  static of<
    Manifest extends SDKManifest,
    C extends SubContainer<Manifest> | null,
  >(): (
    effects: Effects,
    subcontainer: C,
    exec: DaemonCommandType<Manifest, C>,
  ) => Promise<CommandController<Manifest, C>> {
    return async (_effects, subcontainer, exec) => {
      const sigtermTimeout = checkMs(
        'exec.sigtermTimeout',
        exec.sigtermTimeout ?? DEFAULT_SIGTERM_TIMEOUT,
      )
      const abort = new AbortController()
      let settle: (exit: DaemonExit) => void = () => undefined
      const run: CommandRun = {
        outcome: new Promise<DaemonExit>((resolve) => (settle = resolve)),
        abort,
        child: null,
        tail: outputTail(),
        done: false,
      }
      const finish = (exit: DaemonExit): void => {
        run.done = true
        settle(exit)
      }
      if ('fn' in exec && typeof exec.fn === 'function') {
        void runFn(subcontainer, exec.fn as never, run).then(finish)
      } else {
        if (subcontainer === null) throw needsSubcontainer()
        const child = await spawnIn(
          subcontainer,
          exec as ExecCommandOptions,
          run,
        )
        void exitOf(child, run).then(finish)
      }
      return new CommandController<Manifest, C>(run, sigtermTimeout)
    }
  }

  /**
   * Waits for the command to end; rejects with `DAEMON_FAILED` (its exit code or signal and
   * last output lines) unless it exited cleanly (0, 143 or SIGTERM).
   *
   * @param options.timeout - Milliseconds after which it is {@link term}inated (default: none).
   */
  async wait({
    timeout,
  }: { timeout?: number | undefined } = {}): Promise<void> {
    const run = runOf(this)
    let timer: NodeJS.Timeout | undefined
    if (timeout !== undefined) {
      checkMs('wait({ timeout })', timeout)
      timer = setTimeout(() => void this.term(), timeout)
    }
    let exit: DaemonExit
    try {
      exit = await run.outcome
    } finally {
      clearTimeout(timer)
    }
    if (isCleanExit(exit)) return
    throw new SdkError(
      'DAEMON_FAILED',
      `The command failed with ${describeExit(exit)}${exit.lastLines.length > 0 ? `: ${exit.lastLines.join('\n')}` : ''}`,
      {
        cause: exit.error ?? undefined,
        details: { exitCode: exit.exitCode, signal: exit.signal },
      },
    )
  }

  /**
   * Stops the command: sends `signal` to its whole process group (and aborts an `fn`),
   * SIGKILLs the group if it is still running after `timeout`, and resolves once it has
   * ended. Leaves the subcontainer alone.
   *
   * @param options.signal - The first signal (default `SIGTERM`).
   * @param options.timeout - Milliseconds before SIGKILL (default {@link sigtermTimeout}).
   */
  async term({
    signal = 'SIGTERM',
    timeout = this.sigtermTimeout,
  }: {
    signal?: NodeJS.Signals | undefined
    timeout?: number | undefined
  } = {}): Promise<void> {
    const run = runOf(this)
    checkMs('term({ timeout })', timeout)
    if (run.done) return
    run.abort.abort()
    if (run.child !== null) signalProcessGroup(run.child, signal)
    let timer: NodeJS.Timeout | undefined
    const gaveUp = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        if (run.child !== null) {
          signalProcessGroup(run.child, 'SIGKILL')
          void run.outcome.then(() => resolve())
        } else resolve()
      }, timeout)
    })
    try {
      await Promise.race([run.outcome, gaveUp])
    } finally {
      clearTimeout(timer)
    }
  }

  /** Up to the last 20 lines the command wrote to stdout and stderr. Not in the reference SDK. */
  lastLines(): string[] {
    return runOf(this).tail.lines()
  }

  /** Resolves with how the command ended (never rejects). Not in the reference SDK. */
  result(): Promise<DaemonExit> {
    return runOf(this).outcome
  }
}

/**
 * Returns `(effects, subcontainer, exec) => Promise<CommandController>`: runs one command
 * in a subcontainer without restarts, as {@link CommandController.of} does.
 */
export const runCommand = <Manifest extends SDKManifest>(): ((
  effects: Effects,
  subcontainer: SubContainer<Manifest, Effects>,
  exec: DaemonCommandType<Manifest, SubContainer<Manifest, Effects>>,
) => Promise<CommandController<Manifest, SubContainer<Manifest, Effects>>>) =>
  CommandController.of<Manifest, SubContainer<Manifest, Effects>>()
