import { SdkError } from '../errors'
import { checkDuration } from './result'
import type { HealthCheckResult } from './result'

/**
 * What {@link runHealthScript} needs of a subcontainer: its `execFail`, which runs a command
 * to its end (killing it after `timeoutMs`) and rejects unless it exits 0. Every
 * `SubContainer` fits; the type is structural so any copy of the SDK does.
 */
export type HealthScriptRunner = {
  execFail(
    command: string[],
    options?: undefined,
    timeoutMs?: number | null,
  ): Promise<{ stdout: string | Buffer }>
}

/**
 * Runs `runCommand` in `subcontainer`; exit code 0 is `success` with `message(stdout)`.
 * On a non-zero exit, an error, or no exit within `timeout`, it **throws** (rejects with) a
 * `{ result: 'failure', message: errorMessage }` object, which a health daemon reports as the
 * check's failure; the cause is logged with `console.warn`.
 *
 * @param runCommand - The command and its arguments, e.g. `['pg_isready', '-U', 'postgres']`.
 * @param subcontainer - Where to run it (any `SubContainer`).
 * @param options.timeout - Milliseconds before the command is killed (default 30000).
 * @param options.errorMessage - The failure message (default names the command).
 * @param options.message - Builds the success message from stdout (default: stdout, trimmed).
 */
export const runHealthScript = async (
  runCommand: string[],
  subcontainer: HealthScriptRunner,
  {
    timeout = 30_000,
    errorMessage = `${JSON.stringify(runCommand)} did not succeed`,
    message = (res: string) => res.trim(),
  }: {
    timeout?: number | undefined
    errorMessage?: string | undefined
    message?: ((res: string) => string) | undefined
  } = {},
): Promise<HealthCheckResult> => {
  if (
    !Array.isArray(runCommand) ||
    runCommand.length === 0 ||
    !runCommand.every((a) => typeof a === 'string')
  ) {
    throw new SdkError(
      'HEALTH_INVALID',
      `runHealthScript(runCommand) must be a non-empty array of strings, got ${JSON.stringify(runCommand)}; pass e.g. ['pg_isready']`,
      { details: { field: 'runCommand', value: runCommand } },
    )
  }
  checkDuration('runHealthScript(options.timeout)', timeout)
  let stdout: string
  try {
    const out = await subcontainer.execFail(runCommand, undefined, timeout)
    stdout = out.stdout.toString()
  } catch (e) {
    console.warn(`runHealthScript ${JSON.stringify(runCommand)} failed:`, e)
    const failure: HealthCheckResult = {
      result: 'failure',
      message: errorMessage,
    }
    throw failure
  }
  return { result: 'success', message: message(stdout) }
}
