/**
 * A command as an argument vector: a string runs through the shell (`['sh', '-c', command]`),
 * an array is returned as it is.
 *
 * @example
 * ```ts
 * splitCommand('echo hello') // ['sh', '-c', 'echo hello']
 * splitCommand(['node', 'index.js']) // ['node', 'index.js']
 * ```
 */
export const splitCommand = (
  command: string | readonly [string, ...string[]],
): string[] => {
  if (Array.isArray(command)) return command as string[]
  return ['sh', '-c', command as string]
}
