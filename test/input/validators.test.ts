/*
 * Differential: the validators our builders make accept and reject exactly what the
 * reference's accept and reject, statically and after `build`, and return the same data.
 * Then: our errors name the failing field, however deep.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Builders } from './helpers'
import { noHost, ours, outcome, sub, theirs, union } from './helpers'

type Schema = { safeParse(v: unknown): { success: boolean; data?: unknown } }
type Checkable = {
  validator: Schema
  build(o: typeof noHost): Promise<{ validator: Schema }> | unknown
}
type Case = [name: string, make: (b: Builders) => Checkable, inputs: unknown[]]

const file = { path: 'a.pem', commitment: { hash: 'h', size: 1 } }
const strings = ['', 'abc', null, undefined, 3, {}]

const cases: Case[] = [
  [
    'toggle',
    (b) => b.Value.toggle({ name: 'T', default: true }),
    [true, false, null, undefined, 'true'],
  ],
  [
    'triState',
    (b) => b.Value.triState({ name: 'T', default: null }),
    [true, null, undefined, 0],
  ],
  [
    'text, required',
    (b) =>
      b.Value.text({
        name: 'T',
        default: null,
        required: true,
        minLength: 5,
        patterns: [{ regex: '^z', description: 'z' }],
      }),
    strings,
  ],
  [
    'text, optional',
    (b) => b.Value.text({ name: 'T', default: null, required: false }),
    strings,
  ],
  [
    'textarea',
    (b) => b.Value.textarea({ name: 'T', default: null, required: true }),
    strings,
  ],
  [
    'number, integer in range',
    (b) =>
      b.Value.number({
        name: 'N',
        default: null,
        required: true,
        integer: true,
        min: 1,
        max: 5,
      }),
    [1, 2.5, 9, null, '3', NaN],
  ],
  [
    'number, optional',
    (b) =>
      b.Value.number({
        name: 'N',
        default: null,
        required: false,
        integer: false,
      }),
    [1.5, null, undefined],
  ],
  [
    'color',
    (b) => b.Value.color({ name: 'C', default: null, required: true }),
    ['ff0000', 'nonsense', null],
  ],
  [
    'datetime',
    (b) => b.Value.datetime({ name: 'D', default: null, required: false }),
    ['2020-01-01', 'x', null, 1],
  ],
  [
    'select',
    (b) =>
      b.Value.select({ name: 'S', default: 'a', values: { a: 'A', b: 'B' } }),
    ['a', 'b', 'c', null, 1],
  ],
  [
    'select, one value',
    (b) => b.Value.select({ name: 'S', default: 'a', values: { a: 'A' } }),
    ['a', 'b'],
  ],
  [
    'select, numeric keys',
    (b) =>
      b.Value.select({
        name: 'S',
        default: '25',
        values: { '587': '587', '25': '25' },
      }),
    ['25', '587', 25, '465'],
  ],
  [
    'select, no values',
    (b) => b.Value.select({ name: 'S', default: 'a' as never, values: {} }),
    ['a', 'anything', null],
  ],
  [
    'multiselect',
    (b) =>
      b.Value.multiselect({
        name: 'M',
        default: [],
        values: { a: 'A', b: 'B' },
        maxLength: 1,
      }),
    [[], ['a'], ['a', 'b', 'a'], ['c'], null, 'a'],
  ],
  [
    'multiselect, no values',
    (b) => b.Value.multiselect({ name: 'M', default: [], values: {} }),
    [[], ['x'], [1]],
  ],
  [
    'file, required',
    (b) => b.Value.file({ name: 'F', extensions: ['.pem'], required: true }),
    [file, { ...file, extra: 1 }, { path: 'p' }, null],
  ],
  [
    'file, optional',
    (b) => b.Value.file({ name: 'F', extensions: [], required: false }),
    [file, null, undefined],
  ],
  [
    'object',
    (b) => b.Value.object({ name: 'O' }, sub(b)),
    [
      { on: true, t: 'x' },
      { on: true, t: 'x', extra: 1 },
      { on: true },
      null,
      [],
    ],
  ],
  [
    'union',
    union,
    [
      { selection: 'a', value: {} },
      { selection: 'a', value: { extra: 1 }, top: 2 },
      { selection: 'b', value: { on: true, t: 's' } },
      { selection: 'b', value: { on: true } },
      { selection: 'c', value: {} },
      { selection: 'a' },
      { selection: 'a', value: {}, other: { b: { on: 'not checked' } } },
      { selection: 'a', value: {}, other: { zz: 1 } },
      { selection: 'a', value: {}, other: 'str' },
      { selection: 'a', value: {}, other: null },
      { selection: 'a', value: {}, other: [] },
      null,
      'a',
    ],
  ],
  [
    'union, no variants',
    (b) =>
      b.Value.union({
        name: 'U',
        default: 'a' as never,
        variants: b.Variants.of({}),
      }),
    [{ selection: 'a', value: {} }, {}, null],
  ],
  [
    'list of text',
    (b) =>
      b.Value.list(
        b.List.text(
          { name: 'L', minLength: 2 },
          { patterns: [{ regex: '^a', description: 'a' }] },
        ),
      ),
    [[], ['b'], [1], null, 'a'],
  ],
  [
    'list of objects',
    (b) =>
      b.Value.list(b.List.obj({ name: 'L' }, { spec: sub(b), uniqueBy: 't' })),
    [
      [],
      [
        { on: true, t: 'a' },
        { on: true, t: 'a' },
      ],
      [{ on: 1, t: 'a' }],
      [null],
    ],
  ],
  ['hidden', (b) => b.Value.hidden(), [1, null, undefined, { a: 1 }]],
  ['hidden, parsed', (b) => b.Value.hidden(b.z.number()), [1, 'x']],
  [
    'map',
    (b) =>
      b.Value.toggle({ name: 'T', default: true }).map((v) =>
        v ? 'yes' : 'no',
      ),
    [true, false, 'yes'],
  ],
  [
    'withDisabled',
    (b) =>
      b.Value.text({ name: 'T', default: null, required: true }).withDisabled(
        'x',
      ),
    ['a', null],
  ],
  [
    'dynamicToggle',
    (b) => b.Value.dynamicToggle(() => ({ name: 'T', default: true })),
    [true, null],
  ],
  [
    'dynamicTriState',
    (b) => b.Value.dynamicTriState(() => ({ name: 'T', default: true })),
    [true, null, 'x'],
  ],
  [
    'dynamicText, required',
    (b) =>
      b.Value.dynamicText(() => ({ name: 'T', default: null, required: true })),
    strings,
  ],
  [
    'dynamicText, optional',
    (b) =>
      b.Value.dynamicText(() => ({
        name: 'T',
        default: null,
        required: false,
      })),
    strings,
  ],
  [
    'dynamicTextarea',
    (b) =>
      b.Value.dynamicTextarea(() => ({
        name: 'T',
        default: null,
        required: true,
      })),
    strings,
  ],
  [
    'dynamicNumber',
    (b) =>
      b.Value.dynamicNumber(() => ({
        name: 'N',
        default: null,
        required: true,
        integer: true,
      })),
    [1, 1.5, null, 'x'],
  ],
  [
    'dynamicColor',
    (b) =>
      b.Value.dynamicColor(() => ({
        name: 'C',
        default: null,
        required: false,
      })),
    ['x', null, 1],
  ],
  [
    'dynamicDatetime',
    (b) =>
      b.Value.dynamicDatetime(() => ({
        name: 'D',
        default: null,
        required: true,
      })),
    ['x', null],
  ],
  [
    'dynamicSelect',
    (b) =>
      b.Value.dynamicSelect(() => ({
        name: 'S',
        default: 'a',
        values: { a: 'A', b: 'B' },
      })),
    ['a', 'z', null],
  ],
  [
    'dynamicSelect, no values',
    (b) =>
      b.Value.dynamicSelect(() => ({ name: 'S', default: 'a', values: {} })),
    ['a', 'z', null],
  ],
  [
    'dynamicMultiselect',
    (b) =>
      b.Value.dynamicMultiselect(() => ({
        name: 'M',
        default: [],
        values: { a: 'A' },
      })),
    [['a'], ['z'], null],
  ],
  [
    'dynamicFile',
    (b) =>
      b.Value.dynamicFile(() => ({
        name: 'F',
        extensions: [],
        required: true,
      })),
    [file, null],
  ],
  [
    'dynamicUnion',
    (b) =>
      b.Value.dynamicUnion(() => ({
        name: 'U',
        default: 'b',
        disabled: false,
        variants: b.Variants.of({ b: { name: 'B', spec: sub(b) } }),
      })),
    [
      { selection: 'b', value: { on: true, t: 'x' } },
      { selection: 'b', value: {} },
      { selection: 'z', value: {} },
      null,
      5,
    ],
  ],
  [
    'dynamicUnion with a static validator',
    (b) =>
      b.Value.dynamicUnion(
        () => ({
          name: 'U',
          default: 'b',
          disabled: false,
          variants: b.Variants.of({ b: { name: 'B', spec: sub(b) } }),
        }),
        b.Variants.of({ b: { name: 'B', spec: sub(b) } }).validator,
      ),
    [
      { selection: 'b', value: { on: true, t: 'x' } },
      { selection: 'b', value: {} },
      null,
    ],
  ],
  [
    'dynamicHidden',
    (b) => b.Value.dynamicHidden(() => b.z.number()),
    [1, 'x', null],
  ],
  [
    'List.dynamicText',
    (b) => b.Value.list(b.List.dynamicText(() => ({ name: 'L', spec: {} }))),
    [['a'], [1], null],
  ],
  [
    'form',
    (b) =>
      b.InputSpec.of({
        s: b.Value.object({ name: 'S' }, sub(b)),
        d: b.Value.dynamicSelect(() => ({
          name: 'D',
          default: 'a',
          values: { a: 'A' },
        })),
      }),
    [
      { s: { on: true, t: 'x' }, d: 'a' },
      { s: { on: true, t: 'x' }, d: 'zz', extra: [1] },
      { s: { on: true }, d: 'a' },
      {},
      null,
    ],
  ],
]

for (const [name, make, inputs] of cases) {
  test(`validator: ${name}`, async () => {
    const [mine, ref] = [make(ours), make(theirs)]
    const builtMine = ((await mine.build(noHost)) as { validator: Schema })
      .validator
    const builtRef = ((await ref.build(noHost)) as { validator: Schema })
      .validator
    for (const input of inputs) {
      const label = JSON.stringify(input) ?? String(input)
      assert.deepStrictEqual(
        outcome(mine.validator, input),
        outcome(ref.validator, input),
        `static, ${label}`,
      )
      assert.deepStrictEqual(
        outcome(builtMine, input),
        outcome(builtRef, input),
        `built, ${label}`,
      )
    }
  })
}
