/**
 * Type helpers of the `utils` namespace. Types only.
 */

/**
 * An intersection shown as one object type (arrays pass through), for readable hovers.
 *
 * @example
 * ```ts
 * type Merged = FlattenIntersection<{ a: 1 } & { b: 2 }> // { a: 1; b: 2 }
 * ```
 */
export type FlattenIntersection<T> =
  T extends ArrayLike<any>
    ? T
    : T extends object
      ? {} & { [P in keyof T]: T[P] }
      : T

/** Short for {@link FlattenIntersection}. */
export type _<T> = FlattenIntersection<T>

/** An object with string keys and values of unknown type. */
export type StringObject = Record<string, unknown>

/** An error shape StartOS recognises: a message, or a numeric code with its message. */
export type KnownError =
  | { error: string }
  | { errorCode: [number, string] | readonly [number, string] }

type Upper =
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E'
  | 'F'
  | 'G'
  | 'H'
  | 'I'
  | 'J'
  | 'K'
  | 'L'
  | 'M'
  | 'N'
  | 'O'
  | 'P'
  | 'Q'
  | 'R'
  | 'S'
  | 'T'
  | 'U'
  | 'V'
  | 'W'
  | 'X'
  | 'Y'
  | 'Z'
type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9'

/** One character of a kebab-case name, given the character before it. */
type KebabChar<C extends string, Prev extends string> = C extends Upper
  ? `-${Lowercase<C>}`
  : C extends Digit
    ? Prev extends Upper | Digit
      ? C
      : `-${C}`
    : C

/** Walks the rest of the name one character at a time (tail-recursive). */
type KebabRest<
  S extends string,
  Prev extends string,
  Done extends string,
> = S extends `${infer C}${infer Rest}`
  ? KebabRest<Rest, C, `${Done}${KebabChar<C, Prev>}`>
  : Done

/**
 * A camelCase or PascalCase name in kebab-case: each capital letter becomes `-` and its
 * lowercase, and a run of digits after a lowercase letter is set off by `-`.
 *
 * @example
 * ```ts
 * type A = ToKebab<'getServiceInterface'> // 'get-service-interface'
 * type B = ToKebab<'FooBar'> // 'foo-bar'
 * ```
 */
export type ToKebab<S extends string> = S extends `${infer C}${infer Rest}`
  ? KebabRest<Rest, C, Lowercase<C>>
  : S
