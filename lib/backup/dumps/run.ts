import type { ExecResult, SubContainer } from '../../subcontainer'
import type { CommandOptions } from '../../subcontainer'
import type { SDKManifest } from '../../types'
import { failed, tail } from '../problems'

/** How long one tool run inside a dump subcontainer may take (dumps of large databases included). */
export const TOOL_TIMEOUT_MS: number = 6 * 60 * 60 * 1000

/**
 * Runs `command` in `sub`; throws `BACKUP_FAILED` naming `step` with the exit code and last
 * error lines unless it exits 0.
 */
export async function run<M extends SDKManifest>(
  sub: SubContainer<M>,
  step: string,
  command: string[],
  options: CommandOptions & { input?: string } = {},
): Promise<ExecResult> {
  const result = await sub.exec(command, options, TOOL_TIMEOUT_MS)
  if (result.exitCode !== 0) {
    const lines = tail(String(result.stderr)) || tail(String(result.stdout))
    throw failed(
      step,
      `\`${command[0]}\` ${result.exitCode === null ? `was killed by ${result.exitSignal}` : `exited with code ${result.exitCode}`}${lines === '' ? '' : `:\n${lines}`}`,
      { command, exitCode: result.exitCode, stderr: lines },
    )
  }
  return result
}

/** The first of `programs` found on the subcontainer's PATH; throws naming them all when none is. */
export async function pick<M extends SDKManifest>(
  sub: SubContainer<M>,
  step: string,
  programs: readonly string[],
): Promise<string> {
  const script =
    'for p in "$@"; do command -v "$p" >/dev/null 2>&1 && { echo "$p"; exit 0; }; done; exit 1'
  const result = await sub.exec(
    ['sh', '-c', script, 'sh', ...programs],
    { user: 'root' },
    10_000,
  )
  const found = String(result.stdout).trim()
  if (result.exitCode !== 0 || found === '') {
    throw failed(
      step,
      `none of ${programs.join(', ')} is on the image's PATH; use an image that has them (or add their folder to PATH)`,
      { programs },
    )
  }
  return found
}
