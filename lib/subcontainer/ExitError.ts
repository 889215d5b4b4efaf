/// <reference types="node" />
import { SdkError } from '../errors'
import { CODES } from './problems'

/** What an {@link ExitError} carries: how the command ended and what it printed. */
export type ExitResult = {
  exitCode: number | null
  exitSignal: NodeJS.Signals | null
  stdout: string | Buffer
  stderr: string | Buffer
}

/** The last non-empty lines of a command's error output, for a message. */
function tail(text: string | Buffer, lines = 5): string {
  const all = String(text).trimEnd().split('\n')
  return all.slice(-lines).join('\n')
}

/**
 * Thrown by `execFail` (and an exec result's `throw()`) when a command in a subcontainer
 * exits with a non-zero code or is killed by a signal. `result` holds the exit code or
 * signal and everything it printed.
 */
export class ExitError extends SdkError {
  /** The command line that failed. */
  readonly command: string
  /** How it ended and what it printed. */
  readonly result: ExitResult

  constructor(command: string, result: ExitResult) {
    const how =
      result.exitSignal !== null
        ? `was killed by ${result.exitSignal}`
        : `exited with code ${result.exitCode}`
    const printed = tail(result.stderr)
    super(
      CODES.exit,
      `Command ${command} ${how}${printed === '' ? ' and printed nothing on stderr' : `; stderr:\n${printed}`}`,
      {
        details: {
          command,
          exitCode: result.exitCode,
          exitSignal: result.exitSignal,
        },
      },
    )
    this.name = 'ExitError'
    this.command = command
    this.result = result
  }
}
