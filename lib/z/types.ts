import type * as zod from 'zod'

/** `T` with every property optional at every depth (tuples keep their positions). */
export type DeepPartial<T> = T extends [infer Head, ...infer Tail]
  ? [DeepPartial<Head>, ...DeepPartial<Tail>]
  : T extends {}
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T

/** The signature of `z.deepPartial`: a schema whose output is `DeepPartial` of the input's output. */
export type ZodDeepPartial = <T>(
  schema: zod.ZodType<T>,
) => zod.ZodType<DeepPartial<T>>

/** The signature of `z.deepLoose`: the same output type, with unknown keys kept at every depth. */
export type ZodDeepLoose = <T>(schema: zod.ZodType<T>) => zod.ZodType<T>
