/** `thrown` as an `Error`: itself when it is one, else an `Error` with its text. */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown))
}
