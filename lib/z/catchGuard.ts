import { z as zod } from 'zod'
import { deepLooseWith, withDef } from './deepLoose'

type Schema = zod.core.$ZodType
type CatchValue = (ctx: { input: unknown }) => unknown

/** A value a `.catch()` replaced: where it sat, and why the schema refused it. */
export interface ReplacedValue {
  readonly path: readonly PropertyKey[]
  readonly message: string
}

/** The outcome of {@link CatchGuard.parse}. */
export type GuardedParse<T> =
  | {
      readonly success: true
      readonly data: T
      readonly replaced: readonly ReplacedValue[]
    }
  | { readonly success: false; readonly error: zod.ZodError }

/**
 * A schema deep-loosened like `z.deepLoose`, which also tells when a `.catch()` threw away a
 * value that was present in the input (as opposed to filling in a missing one).
 */
export interface CatchGuard<T> {
  /** The loosened schema, `.catch()` behaviour unchanged. */
  readonly schema: zod.ZodType<T>
  /** Parses like `safeParse`, and lists the present values `.catch()` replaced. */
  parse(input: unknown): GuardedParse<T>
}

/**
 * Builds a {@link CatchGuard}. Fallbacks are counted while parsing; only when one fired on a
 * present value is the input parsed again by a twin schema whose `.catch()`es are plain
 * `.optional()`s, so zod itself names each refused field with its full path.
 */
export function guardCatches<T>(schema: zod.ZodType<T>): CatchGuard<T> {
  let fired = 0
  const counting = deepLooseWith(schema, (node, inner) => {
    const original = (node._zod.def as unknown as { catchValue: CatchValue })
      .catchValue
    const catchValue: CatchValue = (ctx) => {
      if (ctx.input !== undefined) fired++
      return original(ctx)
    }
    return withDef(node, { innerType: inner, catchValue })
  }) as zod.ZodType<T>
  let strict: zod.ZodType | undefined
  const explain = (input: unknown): ReplacedValue[] => {
    strict ??= deepLooseWith(schema, (_node, inner) =>
      zod.optional(inner as zod.ZodType),
    ) as zod.ZodType
    const result = strict.safeParse(input)
    if (result.success)
      return [{ path: [], message: 'a .catch() replaced a value in the input' }]
    return result.error.issues.map((issue) => ({
      path: issue.path,
      message: issue.message,
    }))
  }
  return {
    schema: counting,
    parse(input) {
      const before = fired
      const result = counting.safeParse(input)
      if (!result.success) return { success: false, error: result.error }
      const replaced = fired === before ? [] : explain(input)
      return { success: true, data: result.data, replaced }
    },
  }
}
