/// <reference types="node" />
/**
 * Run the image's own entrypoint (its `ENTRYPOINT` and `CMD`) instead of a command of the
 * package's: `new UseEntrypoint()` keeps the image's `CMD`, `new UseEntrypoint(['--flag'])`
 * replaces it.
 */
export class UseEntrypoint {
  /** Arguments that replace the image's `CMD` (the field name is the 2.0.9 wire spelling). */
  readonly overridCmd?: string[] | undefined
  /** Tells this object apart from a command line, also across two copies of the SDK. */
  readonly USE_ENTRYPOINT = 'USE_ENTRYPOINT'

  constructor(overridCmd?: string[] | undefined) {
    this.overridCmd = overridCmd
  }
}

/** Whether `command` asks for the image's entrypoint (works across SDK copies). */
export function isUseEntrypoint(
  command: CommandType,
): command is UseEntrypoint {
  return (
    typeof command === 'object' &&
    command !== null &&
    !Array.isArray(command) &&
    (command as { USE_ENTRYPOINT?: unknown }).USE_ENTRYPOINT ===
      'USE_ENTRYPOINT'
  )
}

/**
 * A command to run in a subcontainer: a shell line (run with `sh -c`), an argument list, or
 * the image's entrypoint.
 */
export type CommandType =
  | string
  | [string, ...string[]]
  | readonly [string, ...string[]]
  | UseEntrypoint

/** A running process a package started: wait for it, or stop it. */
export type DaemonReturned = {
  /** Resolves when the process has exited. */
  wait(): Promise<unknown>
  /** Sends `signal` (default SIGTERM); SIGKILL follows after `timeout` ms. */
  term(options?: { signal?: NodeJS.Signals; timeout?: number }): Promise<void>
}
