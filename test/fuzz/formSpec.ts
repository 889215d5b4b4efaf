/**
 * One action form with a field of every static Value kind, nested objects, a union and
 * both list kinds: the target of the input-validation fuzz, and the form of the `form`
 * action in the runtime fuzz's package bundle.
 */
import { InputSpec, List, Value, Variants } from '../../lib/input'
import { z } from '../../lib/z'

const inner = InputSpec.of({
  on: Value.toggle({ name: 'On', default: false }),
  label: Value.text({
    name: 'Label',
    default: null,
    required: true,
    maxLength: 10,
  }),
})

/** The form: every top-level key is one Value kind. */
export const formSpec = InputSpec.of({
  toggle: Value.toggle({ name: 'Toggle', default: true }),
  triState: Value.triState({ name: 'Tri', default: null }),
  text: Value.text({
    name: 'Text',
    default: null,
    required: true,
    minLength: 2,
    maxLength: 40,
    patterns: [
      { regex: '^[a-z]', description: 'starts with a lowercase letter' },
    ],
  }),
  optionalText: Value.text({
    name: 'Optional',
    default: null,
    required: false,
  }),
  textarea: Value.textarea({
    name: 'Area',
    default: null,
    required: false,
    maxLength: 500,
  }),
  number: Value.number({
    name: 'Number',
    default: null,
    required: true,
    min: -10,
    max: 1000,
    step: 0.5,
    integer: false,
  }),
  integer: Value.number({
    name: 'Int',
    default: 3,
    required: false,
    integer: true,
  }),
  color: Value.color({ name: 'Color', default: null, required: false }),
  datetime: Value.datetime({ name: 'When', default: null, required: false }),
  select: Value.select({
    name: 'Select',
    default: 'a',
    values: { a: 'A', b: 'B' },
  }),
  multiselect: Value.multiselect({
    name: 'Multi',
    default: [],
    values: { x: 'X', y: 'Y', z: 'Z' },
    maxLength: 2,
  }),
  object: Value.object({ name: 'Object' }, inner),
  file: Value.file({ name: 'File', extensions: ['.pem'], required: false }),
  union: Value.union({
    name: 'Union',
    default: 'none',
    variants: Variants.of({
      none: { name: 'None', spec: InputSpec.of({}) },
      some: { name: 'Some', spec: inner },
    }),
  }),
  textList: Value.list(
    List.text(
      { name: 'Texts', minLength: 0, maxLength: 5 },
      { patterns: [{ regex: '^\\S+$', description: 'no spaces' }] },
    ),
  ),
  objectList: Value.list(
    List.obj({ name: 'Objects' }, { spec: inner, uniqueBy: 'label' }),
  ),
  hidden: Value.hidden(z.number()),
})

/** Top-level field names of {@link formSpec}. */
export const FORM_FIELDS: readonly string[] = [
  'toggle',
  'triState',
  'text',
  'optionalText',
  'textarea',
  'number',
  'integer',
  'color',
  'datetime',
  'select',
  'multiselect',
  'object',
  'file',
  'union',
  'textList',
  'objectList',
  'hidden',
]

/** A form value every field accepts. */
export function validForm(): Record<string, unknown> {
  return {
    toggle: true,
    triState: null,
    text: 'hello',
    optionalText: null,
    textarea: null,
    number: 1.5,
    integer: 4,
    color: null,
    datetime: null,
    select: 'b',
    multiselect: ['x'],
    object: { on: true, label: 'l' },
    file: null,
    union: { selection: 'some', value: { on: false, label: 'k' } },
    textList: ['a', 'b'],
    objectList: [{ on: true, label: 'p' }],
    hidden: 7,
  }
}
