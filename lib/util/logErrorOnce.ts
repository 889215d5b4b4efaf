const logged = new WeakSet<object>()

/**
 * Writes `err` to the service log (`console.error`), once per error object: the same object
 * passed again is not logged again. Values that are not objects are logged every time.
 *
 * @example
 * ```ts
 * promise.catch(logErrorOnce)
 * ```
 */
export function logErrorOnce(err: unknown): void {
  if (typeof err === 'object' && err !== null) {
    if (logged.has(err)) return
    logged.add(err)
  } else if (typeof err === 'function') {
    if (logged.has(err)) return
    logged.add(err)
  }
  console.error(err)
}
