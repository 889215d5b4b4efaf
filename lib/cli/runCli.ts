import { parseArgs, USAGE, UsageError } from './args'
import { checkPackage } from './checkCommand'
import type { CliOutput } from './report'
import { runPackage } from './runCommand'

/**
 * Runs `start-sdk` with `argv` (the arguments after the script), writing to `output`;
 * resolves with the exit code: 0 success, 1 a failed check or run, 2 a bad command line.
 */
export async function runCli(
  argv: readonly string[],
  output: CliOutput,
  cwd: string = process.cwd(),
): Promise<number> {
  try {
    const cmd = parseArgs(argv, cwd)
    switch (cmd.command) {
      case 'help':
        output.out(USAGE)
        return 0
      case 'check':
        return await checkPackage({ dir: cmd.dir, strict: cmd.strict, output })
      case 'run':
        return await runPackage({
          dir: cmd.dir,
          healthTimeoutMs: cmd.healthTimeoutMs,
          images: cmd.images,
          output,
        })
    }
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(error.message)
      return 2
    }
    output.err(
      `start-sdk: ${error instanceof Error ? error.message : String(error)}`,
    )
    return 1
  }
}
