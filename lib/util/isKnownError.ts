import type { KnownError } from './typeHelpers'

/**
 * Whether `e` is a {@link KnownError}: an object with an `error` or `error-code` key.
 *
 * @example
 * ```ts
 * isKnownError({ error: 'disk full' }) // true
 * ```
 */
export const isKnownError = (e: unknown): e is KnownError =>
  typeof e === 'object' && e !== null && ('error' in e || 'error-code' in e)
