/**
 * The field kinds that need no sub-form, as a table: how each builds its wire spec, its
 * validator for given parameters (`check`), and the static validator of its `dynamic…`
 * twin, whose parameters are not known yet (`loose`).
 */
import { z } from '../z'
import * as specs from './specs'
import type { RawParams } from './specs'
import type { ValueSpec } from './specTypes'
import * as check from './validators'

/** One field kind. */
export type Kind = {
  spec: (a: RawParams) => ValueSpec
  check: (a: RawParams) => z.ZodType
  loose: () => z.ZodType
}

const required = (a: RawParams): boolean => Boolean(a.required)
const keys = (a: RawParams): string[] => Object.keys(a.values as object)
const looseString = (): z.ZodType => z.string().nullable()

/** Every kind whose validator depends only on its own parameters. */
export const kinds: Record<
  | 'toggle'
  | 'triState'
  | 'text'
  | 'textarea'
  | 'number'
  | 'color'
  | 'datetime'
  | 'dynamicDatetime'
  | 'select'
  | 'multiselect'
  | 'file',
  Kind
> = {
  toggle: {
    spec: (a) => specs.switchSpec('toggle', a),
    check: () => z.boolean(),
    loose: () => z.boolean(),
  },
  triState: {
    spec: (a) => specs.switchSpec('triState', a),
    check: () => z.boolean().nullable(),
    loose: () => z.boolean().nullable(),
  },
  text: {
    spec: specs.textSpec,
    check: (a) => check.stringValidator(required(a)),
    loose: looseString,
  },
  textarea: {
    spec: specs.textareaSpec,
    check: (a) => check.stringValidator(required(a)),
    loose: looseString,
  },
  number: {
    spec: specs.numberSpec,
    check: (a) => check.numberValidator(required(a)),
    loose: () => z.number().nullable(),
  },
  color: {
    spec: specs.colorSpec,
    check: (a) => check.stringValidator(required(a)),
    loose: looseString,
  },
  datetime: {
    spec: (a) => specs.datetimeSpec(a, true),
    check: (a) => check.stringValidator(required(a)),
    loose: looseString,
  },
  dynamicDatetime: {
    spec: (a) => specs.datetimeSpec(a, false),
    check: (a) => check.stringValidator(required(a)),
    loose: looseString,
  },
  select: {
    spec: specs.selectSpec,
    check: (a) => check.choiceValidator(keys(a)),
    loose: () => z.string(),
  },
  multiselect: {
    spec: specs.multiselectSpec,
    check: (a) => check.choicesValidator(keys(a)),
    loose: () => z.array(z.string()),
  },
  file: {
    spec: specs.fileSpec,
    check: (a) => check.fileValidator(required(a)),
    loose: () => check.fileValidator(false),
  },
}
