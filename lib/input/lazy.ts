/**
 * Deferred construction: builders create their zod schemas on first use, so defining a form
 * (or importing the SMTP constants) costs a few allocations and nothing can fail at import.
 */

/** Calls `make` once, on the first call, and returns that result ever after. */
export function once<T>(make: () => T): () => T {
  let made = false
  let value: T
  return () => {
    if (!made) {
      value = make()
      made = true
    }
    return value
  }
}

/**
 * Defines `key` on `target` as an enumerable, read-only property computed by `make` on first
 * read (then stored as a plain data property).
 */
export function defineLazy<T extends object>(
  target: T,
  key: string,
  make: () => unknown,
): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = make()
      Object.defineProperty(target, key, {
        configurable: true,
        enumerable: true,
        writable: false,
        value,
      })
      return value
    },
  })
}

/** A value, or a function that makes it when first needed. */
export type Deferred<T> = T | (() => T)

/** Turns a {@link Deferred} into a maker (a ZodType is an object, never a function). */
export function maker<T>(source: Deferred<T>): () => T {
  return typeof source === 'function' ? (source as () => T) : () => source
}
