/**
 * A promise that never resolves: it rejects with `Error(message)` once `ms` have passed.
 * Race it against a slow check (`Promise.race([check(), timeoutPromise(5000)])`). Its timer
 * runs to the end even when the race is won elsewhere, so prefer short timeouts.
 *
 * @param ms - Milliseconds before the rejection.
 * @param options.message - The error's message (default `'Timed out'`).
 */
export function timeoutPromise(
  ms: number,
  { message = 'Timed out' }: { message?: string | undefined } = {},
): Promise<never> {
  return new Promise<never>((_resolve, reject) => {
    setTimeout(() => reject(new Error(message)), ms)
  })
}
