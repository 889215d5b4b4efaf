import { z } from '../z'
import { defineLazy, maker } from './lazy'
import type { Deferred } from './lazy'
import { listSpec, objectItemSpec, textItemSpec } from './specs'
import type { RawParams } from './specs'
import type {
  ListValueSpecText,
  Pattern,
  RandomString,
  UniqueBy,
  ValueSpecList,
} from './specTypes'
import type { InputSpecShape, LazyBuild } from './types'

/** The list-level parameters of `List.text`. */
export type ListTextParams = {
  name: string
  description?: string | null
  warning?: string | null
  default?: string[]
  minLength?: number | null
  maxLength?: number | null
}

/** The item parameters of `List.text` (each entry is a text field). */
export type ListTextItemParams = {
  masked?: boolean
  placeholder?: string | null
  minLength?: number | null
  maxLength?: number | null
  patterns?: Pattern[]
  inputmode?: ListValueSpecText['inputmode']
  generate?: null | RandomString
}

/** What a `List.dynamicText` builder returns: list parameters with the item ones under `spec`. */
export type DynamicListTextParams = {
  name: string
  description?: string | null
  warning?: string | null
  default?: string[]
  minLength?: number | null
  maxLength?: number | null
  disabled?: false | string
  generate?: null | RandomString
  spec: {
    masked?: boolean
    placeholder?: string | null
    minLength?: number | null
    maxLength?: number | null
    patterns?: Pattern[]
    inputmode?: ListValueSpecText['inputmode']
  }
}

/** The list-level parameters of `List.obj` (an object list always starts empty). */
export type ListObjParams = {
  name: string
  description?: string | null
  warning?: string | null
  default?: []
  minLength?: number | null
  maxLength?: number | null
}

/** The item parameters of `List.obj`: the sub-form, a display template, a uniqueness rule. */
export type ListObjItemParams<
  Type extends StaticValidatedAs,
  StaticValidatedAs extends Record<string, any>,
> = {
  spec: InputSpecShape<Type, StaticValidatedAs>
  displayAs?: null | string
  uniqueBy?: null | UniqueBy
}

type ListBuild<Type, OuterType> = LazyBuild<
  { spec: ValueSpecList; validator: z.ZodType<Type> },
  OuterType
>

const raw = (a: object): RawParams => a as RawParams

/**
 * A list field's content, for `Value.list`: text entries ({@link List.text}) or sub-forms
 * ({@link List.obj}).
 *
 * @example
 * ```ts
 * const peers = Value.list(
 *   List.text({ name: 'Peers', default: [] }, { placeholder: 'host:port' }),
 * )
 * ```
 */
export class List<
  Type extends StaticValidatedAs,
  StaticValidatedAs = Type,
  OuterType = unknown,
> {
  /** Builds the list's spec and the validator of its value. */
  build: ListBuild<Type, OuterType>
  /** The list's static validator (made on first read). */
  declare readonly validator: z.ZodType<StaticValidatedAs>
  /** Type carrier for the list's value; `null` at run time. */
  readonly _TYPE: Type = null as never

  /** Internal: use the static factories. `validator` may be a function, called on first read. */
  constructor(
    build: ListBuild<Type, OuterType>,
    validator: Deferred<z.ZodType<StaticValidatedAs>>,
  ) {
    this.build = build
    defineLazy(this, 'validator', maker(validator))
  }

  /** A list of text entries; `a` describes the list, `aSpec` each entry. */
  static text(
    a: ListTextParams,
    aSpec: ListTextItemParams,
  ): List<string[], string[], unknown> {
    const validator = (): z.ZodType<string[]> => z.array(z.string())
    return new List<string[], string[], unknown>(
      () => ({
        spec: listSpec(raw(a), textItemSpec(raw(aSpec))),
        validator: validator(),
      }),
      validator,
    )
  }

  /** {@link List.text} with its parameters computed when the form is built. */
  static dynamicText<OuterType = unknown>(
    getA: LazyBuild<DynamicListTextParams, OuterType>,
  ): List<string[], string[], OuterType> {
    const validator = (): z.ZodType<string[]> => z.array(z.string())
    return new List<string[], string[], OuterType>(async (options) => {
      const { spec: item, ...a } = await getA(options)
      return {
        spec: listSpec(raw(a), textItemSpec(raw(item))),
        validator: validator(),
      }
    }, validator)
  }

  /** A list of sub-forms, each filled in with `aSpec.spec`. */
  static obj<
    Type extends StaticValidatedAs,
    StaticValidatedAs extends Record<string, any>,
  >(
    a: ListObjParams,
    aSpec: ListObjItemParams<Type, StaticValidatedAs>,
  ): List<Type[], StaticValidatedAs[], unknown> {
    return new List<Type[], StaticValidatedAs[], unknown>(
      async (options) => {
        const built = await aSpec.spec.build(options)
        return {
          spec: listSpec(raw(a), objectItemSpec(raw(aSpec), built.spec)),
          validator: z.array(built.validator),
        }
      },
      () => z.array(aSpec.spec.validator),
    )
  }
}
