import type { DeepPartial } from '../types'
import { z } from '../z'
import { kinds } from './kinds'
import type { Kind } from './kinds'
import { defineLazy, maker, once } from './lazy'
import type { Deferred } from './lazy'
import type { List } from './List'
import type {
  ColorParams,
  DatetimeParams,
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
  MultiselectParams,
  NumberParams,
  ObjectParams,
  SelectParams,
  TextareaParams,
  TextParams,
  ToggleParams,
  TriStateParams,
} from './params'
import * as specs from './specs'
import type { RawParams } from './specs'
import type { ValueSpec } from './specTypes'
import type {
  AsRequired,
  FileInfo,
  InputSpecShape,
  LazyBuild,
  UnionRes,
  UnionResStaticValidatedAs,
} from './types'
import type {
  DynamicUnionParams,
  UnionParams,
  VariantsRecord,
} from './unionParams'

type ValueBuild<Type, OuterType> = LazyBuild<
  { spec: ValueSpec; validator: z.ZodType<Type> },
  OuterType
>
type AnyValue = Value<any, any, any>

const raw = (a: object): RawParams => a as RawParams

/** A field whose parameters are known now. */
function fixed(kind: Kind, a: object): AnyValue {
  const validator = once(() => kind.check(raw(a)))
  return new Value(
    () => ({ spec: kind.spec(raw(a)), validator: validator() }),
    validator,
  )
}

/** A field whose parameters come from `getA` each time the form is built. */
function dynamic(kind: Kind, getA: LazyBuild<object, any>): AnyValue {
  return new Value(async (options) => {
    const a = raw(await getA(options))
    return { spec: kind.spec(a), validator: kind.check(a) }
  }, kind.loose)
}

/**
 * One field of a form. The static factories create each kind (`Value.text`, `Value.select`,
 * `Value.union`…); each `dynamic…` twin computes its parameters when the form is built,
 * from the effects and the saved form. Put fields in a form with `InputSpec.of`.
 *
 * @example
 * ```ts
 * const spec = InputSpec.of({
 *   name: Value.text({ name: 'Name', required: true, default: null }),
 *   verbose: Value.toggle({ name: 'Verbose logging', default: false }),
 * })
 * ```
 */
export class Value<
  Type extends StaticValidatedAs,
  StaticValidatedAs = Type,
  OuterType = unknown,
> {
  /** Builds the field's wire spec and the validator of its value. */
  build: ValueBuild<Type, OuterType>
  /** The validator known without building (dynamic fields are widened); made on first read. */
  declare readonly validator: z.ZodType<StaticValidatedAs>
  /** Type carrier for the field's value; `null` at run time. */
  _TYPE: Type = null as never
  /** Type carrier for a partial value; `null` at run time. */
  _PARTIAL: DeepPartial<Type> = null as never
  /** Set on `Value.object` fields only: the sub-form, so `InputSpec.filter` can descend. */
  declare _objectSpec?: {
    inputSpec: InputSpecShape<any, any>
    params: { name: string; description?: string | null }
  }

  /** Internal: use the static factories. `validator` may be a function, called on first read. */
  constructor(
    build: ValueBuild<Type, OuterType>,
    validator: Deferred<z.ZodType<StaticValidatedAs>>,
  ) {
    this.build = build
    defineLazy(this, 'validator', maker(validator))
  }

  /** An on/off switch. */
  static toggle(a: ToggleParams): Value<boolean, boolean, unknown> {
    return fixed(kinds.toggle, a)
  }

  /** {@link Value.toggle}, its parameters computed when the form is built. */
  static dynamicToggle<OuterType = unknown>(
    a: LazyBuild<DynamicToggleParams, OuterType>,
  ): Value<boolean, boolean, OuterType> {
    return dynamic(kinds.toggle, a)
  }

  /** A three-position switch: `false`, `null` (no opinion) or `true`. */
  static triState(a: TriStateParams): Value<boolean | null, boolean | null> {
    return fixed(kinds.triState, a)
  }

  /** {@link Value.triState}, its parameters computed when the form is built. */
  static dynamicTriState<OuterType = unknown>(
    a: LazyBuild<DynamicTriStateParams, OuterType>,
  ): Value<boolean | null, boolean | null, OuterType> {
    return dynamic(kinds.triState, a)
  }

  /** A one-line text field; `string`, or `string | null` unless `required`. */
  static text<Required extends boolean>(
    a: TextParams<Required>,
  ): Value<AsRequired<string, Required>, AsRequired<string, Required>> {
    return fixed(kinds.text, a)
  }

  /** {@link Value.text}, its parameters computed when the form is built. */
  static dynamicText<Required extends boolean, OuterType = unknown>(
    getA: LazyBuild<DynamicTextParams<Required>, OuterType>,
  ): Value<AsRequired<string, Required>, string | null, OuterType> {
    return dynamic(kinds.text, getA)
  }

  /** A multi-line text field; `string`, or `string | null` unless `required`. */
  static textarea<Required extends boolean>(
    a: TextareaParams<Required>,
  ): Value<AsRequired<string, Required>, AsRequired<string, Required>> {
    return fixed(kinds.textarea, a)
  }

  /** {@link Value.textarea}, its parameters computed when the form is built. */
  static dynamicTextarea<Required extends boolean, OuterType = unknown>(
    getA: LazyBuild<DynamicTextareaParams<Required>, OuterType>,
  ): Value<AsRequired<string, Required>, string | null, OuterType> {
    return dynamic(kinds.textarea, getA)
  }

  /** A number field; `number`, or `number | null` unless `required`. */
  static number<Required extends boolean>(
    a: NumberParams<Required>,
  ): Value<AsRequired<number, Required>, AsRequired<number, Required>> {
    return fixed(kinds.number, a)
  }

  /** {@link Value.number}, its parameters computed when the form is built. */
  static dynamicNumber<Required extends boolean, OuterType = unknown>(
    getA: LazyBuild<DynamicNumberParams<Required>, OuterType>,
  ): Value<AsRequired<number, Required>, number | null, OuterType> {
    return dynamic(kinds.number, getA)
  }

  /** A colour picker (a hex string). */
  static color<Required extends boolean>(
    a: ColorParams<Required>,
  ): Value<AsRequired<string, Required>, AsRequired<string, Required>> {
    return fixed(kinds.color, a)
  }

  /** {@link Value.color}, its parameters computed when the form is built. */
  static dynamicColor<Required extends boolean, OuterType = unknown>(
    getA: LazyBuild<DynamicColorParams<Required>, OuterType>,
  ): Value<AsRequired<string, Required>, string | null, OuterType> {
    return dynamic(kinds.color, getA)
  }

  /** A date, time or date-and-time picker (an ISO string). */
  static datetime<Required extends boolean>(
    a: DatetimeParams<Required>,
  ): Value<AsRequired<string, Required>, AsRequired<string, Required>> {
    return fixed(kinds.datetime, a)
  }

  /** {@link Value.datetime}, its parameters computed when the form is built. */
  static dynamicDatetime<Required extends boolean, OuterType = unknown>(
    getA: LazyBuild<DynamicDatetimeParams<Required>, OuterType>,
  ): Value<AsRequired<string, Required>, string | null, OuterType> {
    return dynamic(kinds.dynamicDatetime, getA)
  }

  /** Pick one of `values` (key → label); the value is the key. */
  static select<Values extends Record<string, string>>(
    a: SelectParams<Values>,
  ): Value<keyof Values & string, keyof Values & string> {
    return fixed(kinds.select, a)
  }

  /** {@link Value.select}; its static validator accepts any string. */
  static dynamicSelect<
    Values extends Record<string, string>,
    OuterType = unknown,
  >(
    getA: LazyBuild<DynamicSelectParams<Values>, OuterType>,
  ): Value<keyof Values & string, keyof Values & string, OuterType> {
    return dynamic(kinds.select, getA)
  }

  /** Pick any number of `values` (key → label); the value lists the keys. */
  static multiselect<Values extends Record<string, string>>(
    a: MultiselectParams<Values>,
  ): Value<(keyof Values & string)[], (keyof Values & string)[]> {
    return fixed(kinds.multiselect, a)
  }

  /** {@link Value.multiselect}; its static validator accepts any strings. */
  static dynamicMultiselect<
    Values extends Record<string, string>,
    OuterType = unknown,
  >(
    getA: LazyBuild<DynamicMultiselectParams<Values>, OuterType>,
  ): Value<(keyof Values & string)[], (keyof Values & string)[], OuterType> {
    return dynamic(kinds.multiselect, getA)
  }

  /** A collapsible group holding the sub-form `spec`. */
  static object<
    Type extends StaticValidatedAs,
    StaticValidatedAs extends Record<string, any>,
  >(
    a: ObjectParams,
    spec: InputSpecShape<Type, StaticValidatedAs>,
  ): Value<Type, StaticValidatedAs, unknown> {
    const value: AnyValue = new Value(
      async (options) => {
        const built = await spec.build(options)
        return {
          spec: specs.objectSpec(raw(a), built.spec),
          validator: built.validator,
        }
      },
      () => spec.validator,
    )
    value._objectSpec = { inputSpec: spec, params: a }
    return value
  }

  /** A file upload; the value is `{path, commitment}` (or `null` unless `required`). */
  static file<Required extends boolean>(
    a: FileParams<Required>,
  ): Value<AsRequired<FileInfo, Required>, AsRequired<FileInfo, Required>> {
    return fixed(kinds.file, a)
  }

  /** {@link Value.file}, its parameters computed when the form is built. */
  static dynamicFile<Required extends boolean, OuterType = unknown>(
    a: LazyBuild<FileParams<Required>, OuterType>,
  ): Value<AsRequired<FileInfo, Required>, FileInfo | null, OuterType> {
    return dynamic(kinds.file, a)
  }

  /** A dropdown of `variants`, each with its own sub-form; see `Variants.of`. */
  static union<VariantValues extends VariantsRecord>(
    a: UnionParams<VariantValues>,
  ): Value<
    UnionRes<VariantValues, keyof VariantValues & string>,
    UnionResStaticValidatedAs<VariantValues, keyof VariantValues & string>,
    unknown
  > {
    return new Value(
      async (options) => {
        const built = await a.variants.build(options)
        return {
          spec: specs.unionSpec(raw(a), built.spec, false),
          validator: built.validator,
        }
      },
      () => a.variants.validator,
    )
  }

  /** {@link Value.union} whose variants are computed when the form is built. */
  static dynamicUnion<
    VariantValues extends VariantsRecord,
    OuterType = unknown,
  >(
    getA: LazyBuild<DynamicUnionParams<VariantValues>, OuterType>,
  ): Value<UnionRes<VariantValues>, UnionRes<VariantValues>, OuterType>
  /** {@link Value.union} computed at build time, with a static `validator` for its value. */
  static dynamicUnion<
    StaticVariantValues extends VariantsRecord,
    VariantValues extends StaticVariantValues,
    OuterType = unknown,
  >(
    getA: LazyBuild<DynamicUnionParams<VariantValues>, OuterType>,
    validator: z.ZodType<UnionResStaticValidatedAs<StaticVariantValues>>,
  ): Value<
    UnionRes<VariantValues>,
    UnionResStaticValidatedAs<StaticVariantValues>,
    OuterType
  >
  static dynamicUnion(
    getA: LazyBuild<DynamicUnionParams<VariantsRecord>, unknown>,
    validator?: z.ZodType,
  ): AnyValue {
    return new Value(
      async (options) => {
        const a = await getA(options)
        const built = await a.variants.build(options)
        return {
          spec: specs.unionSpec(raw(a), built.spec, true),
          validator: built.validator,
        }
      },
      () => validator ?? z.any(),
    )
  }

  /** A list of text entries or sub-forms; see `List.text` and `List.obj`. */
  static list<Type>(a: List<Type>): Value<Type, Type, unknown> {
    return new Value(
      (options) => a.build(options),
      () => a.validator,
    )
  }

  /** A value carried with the form but never shown; `parser` checks it (anything by default). */
  static hidden<T>(): Value<T>
  /** A value carried with the form but never shown, checked by `parser`. */
  static hidden<T>(parser: z.ZodType<T>): Value<T>
  static hidden(parser?: z.ZodType): AnyValue {
    const validator = once(() => parser ?? z.any())
    return new Value(
      () => ({ spec: { type: 'hidden' }, validator: validator() }),
      validator,
    )
  }

  /** {@link Value.hidden} whose parser is computed when the form is built. */
  static dynamicHidden<T, OuterType = unknown>(
    getParser: LazyBuild<z.ZodType<T>, OuterType>,
  ): Value<T, T, OuterType> {
    return new Value<any, any, OuterType>(
      async (options) => ({
        spec: { type: 'hidden' },
        validator: await getParser(options),
      }),
      () => z.any(),
    )
  }

  /** The same field, shown but not editable, with `message` as the reason. */
  withDisabled(message: string): Value<Type, StaticValidatedAs, OuterType> {
    const value = new Value<Type, StaticValidatedAs, OuterType>(
      async (options) => {
        const built = await this.build(options)
        const spec = { ...built.spec, disabled: message } as ValueSpec
        return { spec, validator: built.validator }
      },
      () => this.validator,
    )
    if (this._objectSpec) value._objectSpec = this._objectSpec
    return value
  }

  /** The same field, its validated value passed through `fn`. */
  map<U>(fn: (value: StaticValidatedAs) => U): Value<U, U, OuterType> {
    return new Value<U, U, OuterType>(
      async (options) => {
        const built = await this.build(options)
        return {
          spec: built.spec,
          validator: built.validator.transform(fn) as z.ZodType<U>,
        }
      },
      () => this.validator.transform(fn) as z.ZodType<U>,
    )
  }
}
