/**
 * The form spec on the wire: the JSON the StartOS UI renders for an action's input.
 * Exposed as the `IST` namespace. Every field is always present (builders fill the
 * defaults), so the UI never guesses.
 */

/** A whole form: field key → field spec. */
export type InputSpec = Record<string, ValueSpec>

/** The `type` tag of every field kind. */
export type ValueType =
  | 'text'
  | 'textarea'
  | 'number'
  | 'color'
  | 'datetime'
  | 'toggle'
  | 'triState'
  | 'select'
  | 'multiselect'
  | 'list'
  | 'object'
  | 'file'
  | 'union'
  | 'hidden'

/** Any field spec; narrow it on `type`. */
export type ValueSpec = ValueSpecOf<ValueType>

/** The field spec of one `type` tag. */
export type ValueSpecOf<T extends ValueType> = T extends 'text'
  ? ValueSpecText
  : T extends 'textarea'
    ? ValueSpecTextarea
    : T extends 'number'
      ? ValueSpecNumber
      : T extends 'color'
        ? ValueSpecColor
        : T extends 'datetime'
          ? ValueSpecDatetime
          : T extends 'toggle'
            ? ValueSpecToggle
            : T extends 'triState'
              ? ValueSpecTriState
              : T extends 'select'
                ? ValueSpecSelect
                : T extends 'multiselect'
                  ? ValueSpecMultiselect
                  : T extends 'list'
                    ? ValueSpecList
                    : T extends 'object'
                      ? ValueSpecObject
                      : T extends 'file'
                        ? ValueSpecFile
                        : T extends 'union'
                          ? ValueSpecUnion
                          : T extends 'hidden'
                            ? ValueSpecHidden
                            : never

/** A one-line text field (`masked` for secrets, `generate` for a random-value button). */
export type ValueSpecText = {
  name: string
  description: string | null
  warning: string | null
  footnote: string | null
  type: 'text'
  patterns: Pattern[]
  minLength: number | null
  maxLength: number | null
  masked: boolean
  inputmode: 'text' | 'email' | 'tel' | 'url'
  placeholder: string | null
  required: boolean
  default: DefaultString | null
  disabled: false | string
  generate: null | RandomString
  immutable: boolean
}

/** A multi-line text field, `minRows` tall and growing to `maxRows`. */
export type ValueSpecTextarea = {
  name: string
  description: string | null
  warning: string | null
  footnote: string | null
  type: 'textarea'
  patterns: Pattern[]
  placeholder: string | null
  minLength: number | null
  maxLength: number | null
  minRows: number
  maxRows: number
  required: boolean
  default: string | null
  disabled: false | string
  immutable: boolean
}

/** A number field; `integer` forbids fractions, `units` is shown beside it. */
export type ValueSpecNumber = {
  type: 'number'
  min: number | null
  max: number | null
  integer: boolean
  step: number | null
  units: string | null
  placeholder: string | null
  name: string
  description: string | null
  warning: string | null
  footnote: string | null
  required: boolean
  default: number | null
  disabled: false | string
  immutable: boolean
}

/** A colour picker holding a hex string. */
export type ValueSpecColor = {
  name: string
  description: string | null
  warning: string | null
  footnote: string | null
  type: 'color'
  required: boolean
  default: string | null
  disabled: false | string
  immutable: boolean
}

/** A date, time or date-and-time picker (ISO strings). */
export type ValueSpecDatetime = {
  name: string
  description: string | null
  warning: string | null
  footnote: string | null
  type: 'datetime'
  required: boolean
  inputmode: 'date' | 'time' | 'datetime-local'
  min: string | null
  max: string | null
  default: string | null
  disabled: false | string
  immutable: boolean
}

/** Pick one of `values` (key → label); `disabled` may list keys that cannot be picked. */
export type ValueSpecSelect = {
  values: Record<string, string>
  name: string
  description: string | null
  warning: string | null
  footnote: string | null
  type: 'select'
  default: string | null
  disabled: false | string | string[]
  immutable: boolean
}

/** Pick any number of `values` (key → label), between `minLength` and `maxLength`. */
export type ValueSpecMultiselect = {
  values: Record<string, string>
  name: string
  description: string | null
  warning: string | null
  footnote: string | null
  type: 'multiselect'
  minLength: number | null
  maxLength: number | null
  disabled: false | string | string[]
  default: string[]
  immutable: boolean
}

/** An on/off switch. */
export type ValueSpecToggle = {
  name: string
  description: string | null
  warning: string | null
  footnote: string | null
  type: 'toggle'
  default: boolean | null
  disabled: false | string
  immutable: boolean
}

/** A three-position switch: `false`, `null` (no opinion) or `true`. */
export type ValueSpecTriState = {
  name: string
  description: string | null
  warning: string | null
  footnote: string | null
  type: 'triState'
  default: boolean | null
  disabled: false | string
  immutable: boolean
}

/** A choice among variants, each with its own sub-form. */
export type ValueSpecUnion = {
  name: string
  description: string | null
  warning: string | null
  type: 'union'
  variants: Record<string, { name: string; spec: InputSpec }>
  disabled: false | string | string[]
  default: string | null
  immutable: boolean
}

/** A file upload limited to `extensions`. */
export type ValueSpecFile = {
  name: string
  description: string | null
  warning: string | null
  type: 'file'
  extensions: string[]
  required: boolean
}

/** A collapsible group of fields. */
export type ValueSpecObject = {
  name: string
  description: string | null
  warning: string | null
  type: 'object'
  spec: InputSpec
}

/** A value carried with the form but never shown. */
export type ValueSpecHidden = {
  type: 'hidden'
}

/** What a list holds: text items or object items. */
export type ListValueSpecType = 'text' | 'object'

/** The item spec of one list kind. */
export type ListValueSpecOf<T extends ListValueSpecType> = T extends 'text'
  ? ListValueSpecText
  : T extends 'object'
    ? ListValueSpecObject
    : never

/** Any list field spec. */
export type ValueSpecList = ValueSpecListOf<ListValueSpecType>

/** A list field whose items are described by `spec`. */
export type ValueSpecListOf<T extends ListValueSpecType> = {
  name: string
  description: string | null
  warning: string | null
  type: 'list'
  spec: ListValueSpecOf<T>
  minLength: number | null
  maxLength: number | null
  disabled: false | string
  default:
    | string[]
    | DefaultString[]
    | Record<string, unknown>[]
    | readonly string[]
    | readonly DefaultString[]
    | readonly Record<string, unknown>[]
}

/** A regular expression a text value must match, with the message shown when it does not. */
export type Pattern = {
  regex: string
  description: string
}

/** The item spec of a list of text values. */
export type ListValueSpecText = {
  type: 'text'
  patterns: Pattern[]
  minLength: number | null
  maxLength: number | null
  masked: boolean
  generate: null | RandomString
  inputmode: 'text' | 'email' | 'tel' | 'url'
  placeholder: string | null
}

/** The item spec of a list of objects; `displayAs` labels each item, `uniqueBy` forbids duplicates. */
export type ListValueSpecObject = {
  type: 'object'
  spec: InputSpec
  uniqueBy: UniqueBy
  displayAs: string | null
}

/**
 * Which items of an object list count as duplicates: none (`null`), equal values of one
 * key, or a combination (`any` of several rules, `all` of them together).
 */
export type UniqueBy =
  | null
  | string
  | { any: readonly UniqueBy[] | UniqueBy[] }
  | { all: readonly UniqueBy[] | UniqueBy[] }

/** A literal default, or a recipe for a random one. */
export type DefaultString = string | RandomString

/** A random string recipe: `len` characters drawn from `charset` (e.g. `"a-z,A-Z,0-9"`). */
export type RandomString = {
  charset: string
  len: number
}

/**
 * Whether `t` is a list whose items are of kind `s`.
 *
 * @example
 * ```ts
 * if (isValueSpecListOf(spec, 'object')) spec.spec.uniqueBy
 * ```
 */
export function isValueSpecListOf<S extends ListValueSpecType>(
  t: ValueSpec,
  s: S,
): t is ValueSpecListOf<S> & { spec: ListValueSpecOf<S> } {
  return t.type === 'list' && t.spec.type === s
}
