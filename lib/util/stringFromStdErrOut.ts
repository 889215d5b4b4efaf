/**
 * `stdout` when `stderr` is empty; otherwise a promise rejected with the `stderr` text itself
 * (a string, not an `Error`).
 *
 * @example
 * ```ts
 * const text = await stringFromStdErrOut(await sub.exec(['cat', '/etc/hostname']))
 * ```
 */
export async function stringFromStdErrOut(x: {
  stdout: string
  stderr: string
}): Promise<string> {
  if (x.stderr) throw x.stderr
  return x.stdout
}
