import type { z } from '../z'
import { defineLazy, maker } from './lazy'
import type { Deferred } from './lazy'
import type { ValueSpecUnion } from './specTypes'
import type {
  InputSpecShape,
  LazyBuild,
  UnionRes,
  UnionResStaticValidatedAs,
} from './types'
import { unionValidator } from './validators'

/** The variants of a union field: key → display name and sub-form. */
export type VariantsRecord = {
  [K in string]: { name: string; spec: InputSpecShape<any, any> }
}

/**
 * The variants of a union field (`Value.union`): each key is a choice shown in a dropdown,
 * with the sub-form filled in when it is chosen.
 *
 * @example
 * ```ts
 * const pruning = Variants.of({
 *   disabled: { name: 'Disabled', spec: InputSpec.of({}) },
 *   automatic: {
 *     name: 'Automatic',
 *     spec: InputSpec.of({
 *       size: Value.number({ name: 'Max size', default: 550, required: true, integer: true }),
 *     }),
 *   },
 * })
 * ```
 */
export class Variants<
  VariantValues extends {
    [K in string]: { name: string; spec: InputSpecShape<any, any> }
  },
  OuterType = unknown,
> {
  /** Builds every variant's sub-form, and the validator of the resulting union. */
  build: LazyBuild<
    {
      spec: ValueSpecUnion['variants']
      validator: z.ZodType<UnionRes<VariantValues>>
    },
    OuterType
  >
  /** The union's validator from the variants' static validators (made on first read). */
  declare readonly validator: z.ZodType<
    UnionResStaticValidatedAs<VariantValues>
  >
  /** Type carrier for the union's value; `null` at run time. */
  readonly _TYPE: UnionRes<VariantValues> = null as never

  /**
   * Internal: use {@link Variants.of}. `validator` may be a function, called on first read.
   */
  constructor(
    build: LazyBuild<
      {
        spec: ValueSpecUnion['variants']
        validator: z.ZodType<UnionRes<VariantValues>>
      },
      OuterType
    >,
    validator: Deferred<z.ZodType<UnionResStaticValidatedAs<VariantValues>>>,
  ) {
    this.build = build
    defineLazy(this, 'validator', maker(validator))
  }

  /** The variants of a union field, from `{key: {name, spec}}`. */
  static of<
    VariantValues extends {
      [K in string]: { name: string; spec: InputSpecShape<any> }
    },
  >(a: VariantValues): Variants<VariantValues, unknown> {
    const entries = Object.entries(a)
    return new Variants<VariantValues, unknown>(
      async (options) => {
        const built = await Promise.all(
          entries.map(([, v]) => v.spec.build(options)),
        )
        const spec: ValueSpecUnion['variants'] = {}
        entries.forEach(([key, v], i) => {
          spec[key] = { name: v.name, spec: built[i].spec }
        })
        return {
          spec,
          validator: unionValidator(
            entries.map(([key], i) => [key, built[i].validator] as const),
          ) as z.ZodType<UnionRes<VariantValues>>,
        }
      },
      () =>
        unionValidator(
          entries.map(([key, v]) => [key, v.spec.validator] as const),
        ) as z.ZodType<UnionResStaticValidatedAs<VariantValues>>,
    )
  }
}
