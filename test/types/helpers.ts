/**
 * Type-level assertion helpers for the compile-only tests in this folder.
 *
 * @example
 * ```ts
 * type _ = Expect<Equal<ValidateExVer<'1.0:0'>, unknown>>
 * ```
 */

/** `true` when `A` and `B` are the same type (not merely mutually assignable). */
export type Equal<A, B> =
  (<Probe>() => Probe extends A ? 1 : 2) extends <Probe>() => Probe extends B
    ? 1
    : 2
    ? true
    : false

/** Compiles only when its argument is `true`. */
export type Expect<Condition extends true> = Condition
