import { deepEqual } from './deepEqual'

/**
 * Whether every argument is structurally equal to the others, by {@link deepEqual}'s rules
 * (plain objects and arrays compared deeply; a key holding `undefined` counts as absent). With
 * fewer than two arguments it is `true`.
 *
 * @example
 * ```ts
 * deepEqualAll({ a: 1 }, { a: 1 }, { a: 1 }) // true
 * deepEqualAll([1, 2], [2, 1]) // false
 * ```
 */
export function deepEqualAll(...args: unknown[]): boolean {
  for (let i = 1; i < args.length; i++)
    if (!deepEqual(args[0], args[i])) return false
  return true
}
