/**
 * The builders handed to `InputSpec.add(tools => …)`, with the form's own type bound as the
 * `OuterType` of every `dynamic…` builder (so `prefill` is typed). Types only.
 */
import type { z } from '../z'
import type { DynamicListTextParams, List } from './List'
import type {
  DynamicColorParams,
  DynamicDatetimeParams,
  DynamicMultiselectParams,
  DynamicNumberParams,
  DynamicSelectParams,
  DynamicTextareaParams,
  DynamicTextParams,
  DynamicToggleParams,
  DynamicTriStateParams,
  FileParams,
} from './params'
import type {
  AsRequired,
  FileInfo,
  LazyBuild,
  UnionRes,
  UnionResStaticValidatedAs,
} from './types'
import type { DynamicUnionParams, VariantsRecord } from './unionParams'
import type { Value } from './Value'

/** A record of fields typed from a form's value type. */
export type InputSpecOf<A extends Record<string, any>> = {
  [K in keyof A]: Value<A[K]>
}

/** `Value`'s factories, the `dynamic…` ones bound to the form type `OuterType`. */
export interface BoundValue<OuterType> {
  toggle: typeof Value.toggle
  triState: typeof Value.triState
  text: typeof Value.text
  textarea: typeof Value.textarea
  number: typeof Value.number
  color: typeof Value.color
  datetime: typeof Value.datetime
  select: typeof Value.select
  multiselect: typeof Value.multiselect
  object: typeof Value.object
  file: typeof Value.file
  list: typeof Value.list
  hidden: typeof Value.hidden
  union: typeof Value.union
  /** See `Value.dynamicToggle`. */
  dynamicToggle(
    a: LazyBuild<DynamicToggleParams, OuterType>,
  ): Value<boolean, boolean, OuterType>
  /** See `Value.dynamicTriState`. */
  dynamicTriState(
    a: LazyBuild<DynamicTriStateParams, OuterType>,
  ): Value<boolean | null, boolean | null, OuterType>
  /** See `Value.dynamicText`. */
  dynamicText<Required extends boolean>(
    getA: LazyBuild<DynamicTextParams<Required>, OuterType>,
  ): Value<AsRequired<string, Required>, string | null, OuterType>
  /** See `Value.dynamicTextarea`. */
  dynamicTextarea<Required extends boolean>(
    getA: LazyBuild<DynamicTextareaParams<Required>, OuterType>,
  ): Value<AsRequired<string, Required>, string | null, OuterType>
  /** See `Value.dynamicNumber`. */
  dynamicNumber<Required extends boolean>(
    getA: LazyBuild<DynamicNumberParams<Required>, OuterType>,
  ): Value<AsRequired<number, Required>, number | null, OuterType>
  /** See `Value.dynamicColor`. */
  dynamicColor<Required extends boolean>(
    getA: LazyBuild<DynamicColorParams<Required>, OuterType>,
  ): Value<AsRequired<string, Required>, string | null, OuterType>
  /** See `Value.dynamicDatetime`. */
  dynamicDatetime<Required extends boolean>(
    getA: LazyBuild<DynamicDatetimeParams<Required>, OuterType>,
  ): Value<AsRequired<string, Required>, string | null, OuterType>
  /** See `Value.dynamicSelect`. */
  dynamicSelect<Values extends Record<string, string>>(
    getA: LazyBuild<DynamicSelectParams<Values>, OuterType>,
  ): Value<keyof Values & string, keyof Values & string, OuterType>
  /** See `Value.dynamicMultiselect`. */
  dynamicMultiselect<Values extends Record<string, string>>(
    getA: LazyBuild<DynamicMultiselectParams<Values>, OuterType>,
  ): Value<(keyof Values & string)[], (keyof Values & string)[], OuterType>
  /** See `Value.dynamicFile`. */
  dynamicFile<Required extends boolean>(
    a: LazyBuild<FileParams<Required>, OuterType>,
  ): Value<AsRequired<FileInfo, Required>, FileInfo | null, OuterType>
  /** See `Value.dynamicUnion`. */
  dynamicUnion<VariantValues extends VariantsRecord>(
    getA: LazyBuild<DynamicUnionParams<VariantValues>, OuterType>,
  ): Value<UnionRes<VariantValues>, UnionRes<VariantValues>, OuterType>
  /** See `Value.dynamicUnion`. */
  dynamicUnion<
    StaticVariantValues extends VariantsRecord,
    VariantValues extends StaticVariantValues,
  >(
    getA: LazyBuild<DynamicUnionParams<VariantValues>, OuterType>,
    validator: z.ZodType<UnionResStaticValidatedAs<StaticVariantValues>>,
  ): Value<
    UnionRes<VariantValues>,
    UnionResStaticValidatedAs<StaticVariantValues>,
    OuterType
  >
  /** See `Value.dynamicHidden`. */
  dynamicHidden<T>(
    getParser: LazyBuild<z.ZodType<T>, OuterType>,
  ): Value<T, T, OuterType>
}

/** `List`'s factories, `dynamicText` bound to the form type `OuterType`. */
export interface BoundList<OuterType> {
  text: typeof List.text
  obj: typeof List.obj
  /** See `List.dynamicText`. */
  dynamicText(
    getA: LazyBuild<DynamicListTextParams, OuterType>,
  ): List<string[], string[], OuterType>
}
