/**
 * The wire spec of each field kind: the defaults of every optional field, then the caller's
 * parameters on top (extra keys pass through to the UI, as StartOS does).
 */
import type {
  InputSpec,
  ListValueSpecText,
  ValueSpec,
  ValueSpecList,
  ValueSpecUnion,
} from './specTypes'

/** A builder's parameters as seen at run time: whatever keys the caller passed. */
export type RawParams = Record<string, unknown>

const scalarDefaults = (): RawParams => ({
  description: null,
  warning: null,
  footnote: null,
  disabled: false,
  immutable: false,
})

const spec = (value: RawParams): ValueSpec => value as unknown as ValueSpec

/** `toggle` and `triState` fields. */
export function switchSpec(
  type: 'toggle' | 'triState',
  a: RawParams,
): ValueSpec {
  return spec({ type, ...scalarDefaults(), ...a })
}

/** A `text` field. */
export function textSpec(a: RawParams): ValueSpec {
  return spec({
    type: 'text',
    ...scalarDefaults(),
    masked: false,
    placeholder: null,
    minLength: null,
    maxLength: null,
    patterns: [],
    inputmode: 'text',
    generate: null,
    ...a,
  })
}

/** A `textarea` field. */
export function textareaSpec(a: RawParams): ValueSpec {
  return spec({
    type: 'textarea',
    ...scalarDefaults(),
    minLength: null,
    maxLength: null,
    patterns: [],
    minRows: 3,
    maxRows: 6,
    placeholder: null,
    ...a,
  })
}

/** A `number` field. */
export function numberSpec(a: RawParams): ValueSpec {
  return spec({
    type: 'number',
    ...scalarDefaults(),
    min: null,
    max: null,
    step: null,
    units: null,
    placeholder: null,
    ...a,
  })
}

/** A `color` field. */
export function colorSpec(a: RawParams): ValueSpec {
  return spec({ type: 'color', ...scalarDefaults(), ...a })
}

/**
 * A `datetime` field. The static builder also sends `step: null` (a key the wire type does
 * not declare), as StartOS does; the dynamic one does not.
 */
export function datetimeSpec(a: RawParams, withStep: boolean): ValueSpec {
  return spec({
    type: 'datetime',
    ...scalarDefaults(),
    inputmode: 'datetime-local',
    min: null,
    max: null,
    ...(withStep ? { step: null } : {}),
    ...a,
  })
}

/** A `select` field. */
export function selectSpec(a: RawParams): ValueSpec {
  return spec({ type: 'select', ...scalarDefaults(), ...a })
}

/** A `multiselect` field. */
export function multiselectSpec(a: RawParams): ValueSpec {
  return spec({
    type: 'multiselect',
    ...scalarDefaults(),
    minLength: null,
    maxLength: null,
    ...a,
  })
}

/** A `file` field. */
export function fileSpec(a: RawParams): ValueSpec {
  return spec({ type: 'file', description: null, warning: null, ...a })
}

/** An `object` field around its built sub-form. */
export function objectSpec(a: RawParams, inner: InputSpec): ValueSpec {
  return spec({
    type: 'object',
    description: null,
    warning: null,
    ...a,
    spec: inner,
  })
}

/**
 * A `union` field around its built variants. A static union keeps the caller's `immutable`;
 * a dynamic one is never immutable (its variants may change from one build to the next).
 */
export function unionSpec(
  a: RawParams,
  variants: ValueSpecUnion['variants'],
  dynamic: boolean,
): ValueSpec {
  const { variants: _variants, ...rest } = a
  return spec({
    type: 'union',
    description: null,
    warning: null,
    disabled: false,
    ...rest,
    variants,
    immutable: dynamic ? false : (rest.immutable ?? false),
  })
}

/** The item spec of a text list. */
export function textItemSpec(a: RawParams): ListValueSpecText {
  return {
    type: 'text',
    placeholder: null,
    minLength: null,
    maxLength: null,
    masked: false,
    inputmode: 'text',
    generate: null,
    patterns: [],
    ...a,
  } as ListValueSpecText
}

/** A `list` field around its item spec. */
export function listSpec(
  a: RawParams,
  item: ValueSpecList['spec'],
): ValueSpecList {
  return {
    type: 'list',
    description: null,
    warning: null,
    default: [],
    minLength: null,
    maxLength: null,
    disabled: false,
    ...a,
    spec: item,
  } as unknown as ValueSpecList
}

/** The item spec of an object list, around its built sub-form. */
export function objectItemSpec(
  a: RawParams,
  inner: InputSpec,
): ValueSpecList['spec'] {
  const { spec: _spec, ...rest } = a
  return {
    type: 'object',
    displayAs: null,
    uniqueBy: null,
    ...rest,
    spec: inner,
  } as ValueSpecList['spec']
}
