/**
 * The parameters of the `Value` factories. Types only. Omitted optional fields take the
 * defaults of the wire spec (`null`, `false`, `[]`, `'text'`…). The `Dynamic…` twins are
 * what a `dynamic*` builder returns: no `immutable`, but `disabled` (`false` or a reason).
 */
import type {
  DefaultString,
  Pattern,
  RandomString,
  ValueSpecDatetime,
  ValueSpecText,
} from './specTypes'

/** `Value.toggle`: an on/off switch. `warning` asks for confirmation before a change. */
export type ToggleParams = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: boolean
  immutable?: boolean
}

/** `Value.dynamicToggle`. */
export type DynamicToggleParams = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: boolean
  disabled?: false | string
}

/** `Value.triState`: `default` `false`, `null` (middle) or `true`. */
export type TriStateParams = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: boolean | null
  immutable?: boolean
}

/** `Value.dynamicTriState`. */
export type DynamicTriStateParams = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: boolean | null
  disabled?: false | string
}

/** `Value.text`: `default` may be a {@link RandomString} recipe; `generate` adds a button. */
export type TextParams<Required extends boolean> = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: string | RandomString | null
  required: Required
  masked?: boolean
  placeholder?: string | null
  minLength?: number | null
  maxLength?: number | null
  patterns?: Pattern[]
  inputmode?: ValueSpecText['inputmode']
  immutable?: boolean
  generate?: RandomString | null
}

/** `Value.dynamicText`. */
export type DynamicTextParams<Required extends boolean> = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: DefaultString | null
  required: Required
  masked?: boolean
  placeholder?: string | null
  minLength?: number | null
  maxLength?: number | null
  patterns?: Pattern[]
  inputmode?: ValueSpecText['inputmode']
  disabled?: string | false
  generate?: null | RandomString
}

/** `Value.textarea`: `minRows` (3) and `maxRows` (6) size the box. */
export type TextareaParams<Required extends boolean> = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: string | null
  required: Required
  minLength?: number | null
  maxLength?: number | null
  patterns?: Pattern[]
  minRows?: number
  maxRows?: number
  placeholder?: string | null
  immutable?: boolean
}

/** `Value.dynamicTextarea`. */
export type DynamicTextareaParams<Required extends boolean> = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: string | null
  required: Required
  minLength?: number | null
  maxLength?: number | null
  patterns?: Pattern[]
  minRows?: number
  maxRows?: number
  placeholder?: string | null
  disabled?: false | string
}

/** `Value.number`: `integer` is required; `step` drives the arrows, `units` labels the box. */
export type NumberParams<Required extends boolean> = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: number | null
  required: Required
  min?: number | null
  max?: number | null
  step?: number | null
  integer: boolean
  units?: string | null
  placeholder?: string | null
  immutable?: boolean
}

/** `Value.dynamicNumber`. */
export type DynamicNumberParams<Required extends boolean> = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: number | null
  required: Required
  min?: number | null
  max?: number | null
  step?: number | null
  integer: boolean
  units?: string | null
  placeholder?: string | null
  disabled?: false | string
}

/** `Value.color`: a hex colour. */
export type ColorParams<Required extends boolean> = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: string | null
  required: Required
  immutable?: boolean
}

/** `Value.dynamicColor`. */
export type DynamicColorParams<Required extends boolean> = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: string | null
  required: Required
  disabled?: false | string
}

/** `Value.datetime`: `inputmode` picks date, time or both (`'datetime-local'`). */
export type DatetimeParams<Required extends boolean> = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: string | null
  required: Required
  inputmode?: ValueSpecDatetime['inputmode']
  min?: string | null
  max?: string | null
  immutable?: boolean
}

/** `Value.dynamicDatetime`. */
export type DynamicDatetimeParams<Required extends boolean> = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: string | null
  required: Required
  inputmode?: ValueSpecDatetime['inputmode']
  min?: string | null
  max?: string | null
  disabled?: false | string
}

/** `Value.select`: `values` maps each key to its label; `default` is one of the keys. */
export type SelectParams<Values extends Record<string, string>> = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: keyof Values & string
  values: Values
  immutable?: boolean
}

/** `Value.dynamicSelect`: `disabled` may also list keys that cannot be picked. */
export type DynamicSelectParams<Values extends Record<string, string>> = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: string
  values: Values
  disabled?: false | string | string[]
}

/** `Value.multiselect`: `default` lists the keys checked at first. */
export type MultiselectParams<Values extends Record<string, string>> = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: (keyof Values & string)[]
  values: Values
  minLength?: number | null
  maxLength?: number | null
  immutable?: boolean
}

/** `Value.dynamicMultiselect`. */
export type DynamicMultiselectParams<Values extends Record<string, string>> = {
  name: string
  description?: string | null
  warning?: string | null
  footnote?: string | null
  default: string[]
  values: Values
  minLength?: number | null
  maxLength?: number | null
  disabled?: false | string | string[]
}

/** `Value.object`: the group's heading. */
export type ObjectParams = {
  name: string
  description?: string | null
}

/** `Value.file` and `Value.dynamicFile`: `extensions` such as `[".pem"]`. */
export type FileParams<Required extends boolean> = {
  name: string
  description?: string | null
  warning?: string | null
  extensions: string[]
  required: Required
}
