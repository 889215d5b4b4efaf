/**
 * `fn` wrapped to run at most once: the first call runs it and every later call returns that
 * first result. A call that throws is not remembered, so the next call runs `fn` again.
 *
 * @example
 * ```ts
 * const config = once(() => loadConfig())
 * config() // loads
 * config() // the same value, not loaded again
 * ```
 */
export function once<B>(fn: () => B): () => B {
  let done = false
  let result: B
  return (): B => {
    if (!done) {
      result = fn()
      done = true
    }
    return result
  }
}
