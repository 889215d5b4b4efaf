/** `T` with every property optional at every depth; defined next to `z.deepPartial`. */
export type { DeepPartial } from '../z'

/** `T` with the `readonly` modifiers of its own properties removed. */
export type DeepWritable<T> = { -readonly [K in keyof T]: T[K] }

/** `T` with every property `readonly` at every depth. */
export type DeepReadonly<T> = { readonly [K in keyof T]: DeepReadonly<T[K]> }

/** `T` itself, or a version of it that is `readonly` at every depth: inputs accept both. */
export type AllowReadonly<T> =
  | T
  | { readonly [K in keyof T]: AllowReadonly<T[K]> }

declare const affine: unique symbol

/**
 * A brand: `T & Affine<'Backups'>` is a `T` that only code holding the brand can produce, so
 * two structurally equal types stay apart.
 */
export type Affine<A> = { [affine]: A }

/** `A` itself, or `never` when `A` is `any` (keeps `any` from slipping through a generic). */
export type NoAny<A> = { [affine]: string } extends A
  ? keyof { [affine]: string } extends keyof A
    ? never
    : A
  : A
