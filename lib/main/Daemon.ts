/// <reference types="node" />
import type { Effects } from '../effects'
import { SdkError } from '../errors'
import type { SubContainer } from '../subcontainer'
import type { SDKManifest } from '../types'
import { reportUnhandled } from '../util'
import { CommandController } from './CommandController'
import type { DaemonCommandType, DaemonExit } from './commandTypes'
import { restartLoop } from './daemonLoop'
import type { LoopHost, RunHandle } from './daemonLoop'

/** Options of `stop()` and `term()`: the first signal and the wait before SIGKILL. */
type TermOptions = {
  signal?: NodeJS.Signals | undefined
  timeout?: number | undefined
}

/** Called after each exit of a daemon's command; `exit` is given by this SDK's daemons. */
type ExitListener = (success: boolean, exit?: DaemonExit) => void

interface DaemonState extends LoopHost {
  listeners: ExitListener[]
  abort: AbortController | null
  loop: Promise<void> | null
  release: (() => Promise<void>) | null
  stopping: Promise<void> | null
  terming: Promise<void> | null
  terminated: boolean
  detached: boolean
  lastExit: DaemonExit | null
}

const states = new WeakMap<object, DaemonState>()

function stateOf(daemon: object): DaemonState {
  const state = states.get(daemon)
  if (state === undefined) {
    throw new SdkError(
      'DAEMON_INVALID',
      'this Daemon was not constructed; create it with Daemon.of()(effects, subcontainer, exec)',
    )
  }
  return state
}

/** Wraps a controller of any SDK copy as the loop's run handle. */
function handleOf(controller: CommandController<never, never>): RunHandle {
  const own = controller as Partial<CommandController<never, never>>
  return {
    result:
      typeof own.result === 'function'
        ? () => controller.result()
        : () =>
            controller.wait().then(
              () => ({ exitCode: 0, signal: null, lastLines: [], error: null }),
              (error: unknown) => ({
                exitCode: null,
                signal: null,
                lastLines: [],
                error,
              }),
            ),
    term: (options) => controller.term(options),
  }
}

/** Checks `exec` has a command or a function before anything runs. */
function checkExec(exec: unknown): void {
  const e = exec as { fn?: unknown; command?: unknown } | null
  const ok =
    typeof e === 'object' &&
    e !== null &&
    (typeof e.fn === 'function' || e.command !== undefined)
  if (!ok) {
    throw new SdkError(
      'DAEMON_INVALID',
      `exec must be { command, ... } or { fn, ... }, got ${String(exec)}; pass e.g. { command: ['nginx'] }`,
      { details: { field: 'exec' } },
    )
  }
}

/** Terminates `daemon` when `effects`' context leaves, unless it is detached by then. */
function termOnLeave(effects: Effects, daemon: Daemon<never, never>): void {
  if (!effects.isInContext) return
  effects.onLeaveContext(() => {
    if (stateOf(daemon).detached) return
    daemon.term().catch((error) => reportUnhandled('Daemon.term', error))
  })
}

/**
 * A long-running command that is restarted whenever it exits: at once the first time, then
 * 1 s longer per exit in a row, at most 30 s (a run of 30 s or more resets the wait). It
 * holds its subcontainer while started; {@link Daemon.stop} pauses it, {@link Daemon.term}
 * also destroys the subcontainer. It ends with its effects' context unless detached.
 */
export class Daemon<
  Manifest extends SDKManifest,
  C extends SubContainer<Manifest> | null = SubContainer<Manifest> | null,
> {
  /** The subcontainer it runs in (`null` for a JavaScript daemon); it owns its teardown. */
  readonly subcontainer: C
  /** Whether it stops restarting after a clean exit. */
  readonly oneshot: boolean

  /**
   * @internal Use {@link Daemon.of}. Takes over `subcontainer`'s teardown (detaches it from
   * its context); `startCommand` starts one run.
   */
  constructor(
    subcontainer: C,
    startCommand: () => Promise<CommandController<Manifest, C>>,
    oneshot = false,
  ) {
    this.subcontainer = subcontainer
    this.oneshot = oneshot
    const state: DaemonState = {
      start: async () =>
        handleOf(
          (await startCommand()) as unknown as CommandController<never, never>,
        ),
      current: null,
      termOptions: undefined,
      exited: (success, exit) => {
        state.lastExit = exit
        for (const listener of [...state.listeners]) {
          try {
            listener(success, exit)
          } catch (error) {
            reportUnhandled('Daemon.onExit listener', error)
          }
        }
      },
      report: (error) => reportUnhandled('Daemon (restarting)', error),
      oneshot,
      listeners: [],
      abort: null,
      loop: null,
      release: null,
      stopping: null,
      terming: null,
      terminated: false,
      detached: false,
      lastExit: null,
    }
    states.set(this, state)
    subcontainer?.detach()
  }

  /** Whether this is a {@link Oneshot} (not restarted after a clean exit). */
  isOneshot(): this is Oneshot<Manifest> {
    return this.oneshot
  }

  /**
   * Returns `(effects, subcontainer, exec) => Daemon`. The daemon is created stopped; call
   * `start()`. It is terminated when `effects`' context leaves unless {@link detach}ed.
   *
   * @example
   * ```ts
   * const web = Daemon.of<Manifest>()(effects, sub, { command: ['nginx', '-g', 'daemon off;'] })
   * await web.start()
   * ```
   */
  static of<Manifest extends SDKManifest>(): <
    C extends SubContainer<Manifest> | null,
  >(
    effects: Effects,
    subcontainer: C,
    exec: DaemonCommandType<Manifest, C>,
  ) => Daemon<Manifest, C> {
    return <C extends SubContainer<Manifest> | null>(
      effects: Effects,
      subcontainer: C,
      exec: DaemonCommandType<Manifest, C>,
    ): Daemon<Manifest, C> => {
      checkExec(exec)
      const daemon = new Daemon<Manifest, C>(subcontainer, () =>
        CommandController.of<Manifest, C>()(effects, subcontainer, exec),
      )
      termOnLeave(effects, daemon as unknown as Daemon<never, never>)
      return daemon
    }
  }

  /** Stops its context's exit from terminating it; the caller must `term()` it. Idempotent. */
  detach(): void {
    stateOf(this).detached = true
  }

  /**
   * Starts the restart loop and takes a hold on the subcontainer; a no-op while running.
   * Throws `DAEMON_INVALID` after {@link term}.
   */
  async start(): Promise<void> {
    const state = stateOf(this)
    if (state.stopping !== null) await state.stopping
    if (state.terminated) {
      throw new SdkError(
        'DAEMON_INVALID',
        'Daemon.start() after term(): term() destroyed its subcontainer; use stop() for a pause that start() can resume, or create a new Daemon',
      )
    }
    if (state.loop !== null) return
    state.release = this.subcontainer?.hold() ?? null
    const abort = new AbortController()
    state.abort = abort
    state.termOptions = undefined
    state.loop = restartLoop(state, abort.signal).catch((error) =>
      reportUnhandled('Daemon', error),
    )
  }

  /**
   * Pauses it: ends the restart loop, stops the command (signal, then SIGKILL after the
   * timeout) and releases the hold, keeping the subcontainer for a later `start()`.
   * Idempotent; concurrent calls share one promise.
   *
   * @param termOptions.signal - The first signal (default `SIGTERM`).
   * @param termOptions.timeout - Milliseconds before SIGKILL (default: `exec.sigtermTimeout`, else 60000).
   */
  stop(termOptions?: TermOptions): Promise<void> {
    const state = stateOf(this)
    if (state.stopping !== null) return state.stopping
    if (state.loop === null) return Promise.resolve()
    const loop = state.loop
    const stopping = (async () => {
      state.termOptions = termOptions
      state.abort?.abort()
      if (state.current !== null) await state.current.term(termOptions)
      await loop
      const release = state.release
      state.release = null
      await release?.()
    })().finally(() => {
      state.loop = null
      state.abort = null
      state.stopping = null
    })
    state.stopping = stopping
    return stopping
  }

  /**
   * Ends it for good: {@link stop}, then destroys the subcontainer (once its other holders
   * release it). Idempotent; concurrent calls share one promise.
   *
   * @param termOptions.signal - The first signal (default `SIGTERM`).
   * @param termOptions.timeout - Milliseconds before SIGKILL (default: `exec.sigtermTimeout`, else 60000).
   */
  term(termOptions?: TermOptions): Promise<void> {
    const state = stateOf(this)
    if (state.terming === null) {
      state.terminated = true
      state.terming = (async () => {
        await this.stop(termOptions)
        await this.subcontainer?.destroy()
      })()
    }
    return state.terming
  }

  /**
   * Calls `fn` after each exit of the command that it was not stopped for: `success` is
   * true for exit code 0 or 143 or death by SIGTERM; `exit` tells how it ended.
   */
  onExit(fn: ExitListener): void {
    stateOf(this).listeners.push(fn)
  }

  /** How the latest run ended, or `null` before any run ended. Not in the reference SDK. */
  lastExit(): DaemonExit | null {
    return stateOf(this).lastExit
  }
}

/**
 * A command that runs once to completion: restarted (with the daemon backoff) only while it
 * fails. A `Daemons` entry made with `addOneshot` is ready once it has exited 0.
 */
export class Oneshot<
  Manifest extends SDKManifest,
  C extends SubContainer<Manifest> | null = SubContainer<Manifest> | null,
> extends Daemon<Manifest, C> {
  /**
   * Returns `(effects, subcontainer, exec) => Oneshot`, created stopped.
   *
   * @example
   * ```ts
   * const migrate = Oneshot.of<Manifest>()(effects, sub, { command: 'app migrate' })
   * ```
   */
  static override of<Manifest extends SDKManifest>(): <
    C extends SubContainer<Manifest> | null,
  >(
    effects: Effects,
    subcontainer: C,
    exec: DaemonCommandType<Manifest, C>,
  ) => Oneshot<Manifest, C> {
    return <C extends SubContainer<Manifest> | null>(
      effects: Effects,
      subcontainer: C,
      exec: DaemonCommandType<Manifest, C>,
    ): Oneshot<Manifest, C> => {
      checkExec(exec)
      const oneshot = new Oneshot<Manifest, C>(
        subcontainer,
        () => CommandController.of<Manifest, C>()(effects, subcontainer, exec),
        true,
      )
      termOnLeave(effects, oneshot as unknown as Daemon<never, never>)
      return oneshot
    }
  }
}
