/** The parameters of `Value.union` and `Value.dynamicUnion`. Types only. */
import type { Variants, VariantsRecord } from './Variants'

export type { VariantsRecord }

/** `Value.union`: the `variants` and the key chosen at first. */
export type UnionParams<VariantValues extends VariantsRecord> = {
  name: string
  description?: string | null
  warning?: string | null
  variants: Variants<VariantValues>
  default: keyof VariantValues & string
  immutable?: boolean
}

/**
 * What a `Value.dynamicUnion` builder returns; `disabled` may also list variant keys that
 * cannot be chosen.
 */
export type DynamicUnionParams<VariantValues extends VariantsRecord> = {
  name: string
  description?: string | null
  warning?: string | null
  variants: Variants<VariantValues>
  default: keyof VariantValues & string
  disabled: string[] | false | string
}
