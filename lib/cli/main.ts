import { runCli } from './runCli'

/**
 * The process entry of `bin/start-sdk.js`: runs the CLI on `argv` with the console streams
 * and exits with its code.
 */
export function runMain(argv: readonly string[] = process.argv.slice(2)): void {
  const output = {
    out: (line: string) => void process.stdout.write(`${line}\n`),
    err: (line: string) => void process.stderr.write(`${line}\n`),
  }
  runCli(argv, output).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      output.err(`start-sdk: ${String(error)}`)
      process.exitCode = 1
    },
  )
}
