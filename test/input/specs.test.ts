/*
 * Differential: the wire spec of every field kind, built by our builders and by the
 * reference's from the same parameters, is the same JSON (defaults, pass-through keys,
 * `undefined` members and all).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { IST as refIST } from 'start-sdk-reference'
import { IST } from '../../lib/input'
import type { Buildable, Builders } from './helpers'
import { noHost, ours, specOf, theirs } from './helpers'

type Case = [name: string, make: (b: Builders) => Buildable]

const pattern = { regex: '^[a-z]+$', description: 'Lower case letters' }
const base = { name: 'Field', description: 'About it', warning: 'Careful' }
const loose = (x: object) => x as never

const cases: Case[] = [
  ['toggle', (b) => b.Value.toggle({ name: 'T', default: true })],
  [
    'toggle, every option',
    (b) =>
      b.Value.toggle({
        ...base,
        footnote: 'f',
        default: false,
        immutable: true,
      }),
  ],
  [
    'toggle, extra and undefined keys',
    (b) =>
      b.Value.toggle(
        loose({ name: 'T', default: true, extra: 1, description: undefined }),
      ),
  ],
  ['triState', (b) => b.Value.triState({ name: 'T', default: null })],
  ['triState, true', (b) => b.Value.triState({ ...base, default: true })],
  ['text', (b) => b.Value.text({ name: 'T', default: null, required: false })],
  [
    'text, every option',
    (b) =>
      b.Value.text({
        ...base,
        footnote: 'f',
        default: 'x',
        required: true,
        masked: true,
        placeholder: 'p',
        minLength: 1,
        maxLength: 9,
        patterns: [pattern],
        inputmode: 'email',
        immutable: true,
        generate: { charset: 'a-z', len: 4 },
      }),
  ],
  [
    'text, random default',
    (b) =>
      b.Value.text({
        name: 'T',
        default: { charset: 'a-z,0-9', len: 8 },
        required: true,
      }),
  ],
  [
    'text, disabled passed through',
    (b) =>
      b.Value.text(
        loose({ name: 'T', default: null, required: true, disabled: 'no' }),
      ),
  ],
  [
    'textarea',
    (b) => b.Value.textarea({ name: 'T', default: null, required: true }),
  ],
  [
    'textarea, every option',
    (b) =>
      b.Value.textarea({
        ...base,
        default: 'x',
        required: false,
        minLength: 2,
        maxLength: 3,
        patterns: [pattern],
        minRows: 1,
        maxRows: 2,
        placeholder: 'p',
        immutable: true,
      }),
  ],
  [
    'number',
    (b) =>
      b.Value.number({
        name: 'N',
        default: null,
        required: true,
        integer: false,
      }),
  ],
  [
    'number, every option',
    (b) =>
      b.Value.number({
        ...base,
        default: 3,
        required: false,
        integer: true,
        min: 1,
        max: 9,
        step: 2,
        units: 'MiB',
        placeholder: 'p',
        immutable: true,
      }),
  ],
  ['color', (b) => b.Value.color({ name: 'C', default: null, required: true })],
  [
    'color, default',
    (b) => b.Value.color({ ...base, default: 'ff0000', required: false }),
  ],
  [
    'datetime',
    (b) => b.Value.datetime({ name: 'D', default: null, required: true }),
  ],
  [
    'datetime, every option',
    (b) =>
      b.Value.datetime({
        ...base,
        default: '2024-01-01',
        required: false,
        inputmode: 'date',
        min: '2020-01-01',
        max: '2030-01-01',
        immutable: true,
      }),
  ],
  [
    'select',
    (b) =>
      b.Value.select({ name: 'S', default: 'a', values: { a: 'A', b: 'B' } }),
  ],
  [
    'multiselect',
    (b) =>
      b.Value.multiselect({
        ...base,
        default: ['a'],
        values: { a: 'A', b: 'B' },
        minLength: 1,
        maxLength: 2,
      }),
  ],
  [
    'object, nested twice',
    (b) =>
      b.Value.object(
        { name: 'O', description: 'group' },
        b.InputSpec.of({
          inner: b.Value.object(
            { name: 'I' },
            b.InputSpec.of({ t: b.Value.toggle({ name: 'T', default: true }) }),
          ),
        }),
      ),
  ],
  [
    'file',
    (b) => b.Value.file({ name: 'F', extensions: ['.pem'], required: true }),
  ],
  [
    'union',
    (b) =>
      b.Value.union({
        name: 'U',
        default: 'a',
        variants: b.Variants.of({
          a: { name: 'A', spec: b.InputSpec.of({}) },
          b: {
            name: 'B',
            spec: b.InputSpec.of({
              x: b.Value.text({ name: 'X', default: 'd', required: true }),
            }),
          },
        }),
      }),
  ],
  [
    'union, immutable with description',
    (b) =>
      b.Value.union({
        ...base,
        default: 'a',
        immutable: true,
        variants: b.Variants.of({ a: { name: 'A', spec: b.InputSpec.of({}) } }),
      }),
  ],
  ['list of text', (b) => b.Value.list(b.List.text({ name: 'L' }, {}))],
  [
    'list of text, every option',
    (b) =>
      b.Value.list(
        b.List.text(
          { ...base, default: ['a'], minLength: 1, maxLength: 3 },
          {
            masked: true,
            placeholder: 'p',
            minLength: 1,
            maxLength: 5,
            patterns: [pattern],
            inputmode: 'url',
            generate: { charset: 'a-f', len: 2 },
          },
        ),
      ),
  ],
  [
    'list of objects',
    (b) =>
      b.Value.list(
        b.List.obj(
          { name: 'L', minLength: 1 },
          {
            spec: b.InputSpec.of({
              k: b.Value.text({ name: 'K', default: null, required: true }),
            }),
            displayAs: '{{k}}',
            uniqueBy: { any: ['k', { all: ['k'] }] },
          },
        ),
      ),
  ],
  ['hidden', (b) => b.Value.hidden()],
  ['hidden, with a parser', (b) => b.Value.hidden(b.z.number())],
  [
    'withDisabled: toggle',
    (b) => b.Value.toggle({ name: 'T', default: true }).withDisabled('why'),
  ],
  [
    'withDisabled: object, hidden, list, twice',
    (b) =>
      b.InputSpec.of({
        o: b.Value.object({ name: 'O' }, b.InputSpec.of({})).withDisabled('1'),
        h: b.Value.hidden().withDisabled('2').withDisabled('3'),
        l: b.Value.list(b.List.text({ name: 'L' }, {})).withDisabled('4'),
      }),
  ],
  [
    'map keeps the spec',
    (b) =>
      b.Value.text({ name: 'T', default: null, required: false }).map(
        (s) => s?.length,
      ),
  ],
]

const dynamicCases: Case[] = [
  [
    'dynamicToggle',
    (b) => b.Value.dynamicToggle(() => ({ name: 'T', default: true })),
  ],
  [
    'dynamicToggle, disabled',
    (b) =>
      b.Value.dynamicToggle(async () => ({
        ...base,
        default: false,
        disabled: 'no',
      })),
  ],
  [
    'dynamicTriState',
    (b) => b.Value.dynamicTriState(() => ({ name: 'T', default: null })),
  ],
  [
    'dynamicText, prefill in the name',
    (b) =>
      b.Value.dynamicText(({ prefill }) => ({
        name: `T ${JSON.stringify(prefill)}`,
        default: { charset: 'a-z', len: 3 },
        required: true,
        masked: true,
        disabled: 'x',
      })),
  ],
  [
    'dynamicTextarea',
    (b) =>
      b.Value.dynamicTextarea(() => ({
        name: 'T',
        default: null,
        required: false,
      })),
  ],
  [
    'dynamicNumber',
    (b) =>
      b.Value.dynamicNumber(() => ({
        name: 'N',
        default: 2,
        required: true,
        integer: true,
        min: 1,
      })),
  ],
  [
    'dynamicColor',
    (b) =>
      b.Value.dynamicColor(() => ({
        name: 'C',
        default: null,
        required: true,
      })),
  ],
  [
    'dynamicDatetime (no step key)',
    (b) =>
      b.Value.dynamicDatetime(() => ({
        name: 'D',
        default: null,
        required: true,
      })),
  ],
  [
    'dynamicSelect, options disabled',
    (b) =>
      b.Value.dynamicSelect(() => ({
        name: 'S',
        default: 'a',
        values: { a: 'A', b: 'B' },
        disabled: ['b'],
      })),
  ],
  [
    'dynamicMultiselect',
    (b) =>
      b.Value.dynamicMultiselect(() => ({
        name: 'M',
        default: [],
        values: { a: 'A' },
        maxLength: 1,
      })),
  ],
  [
    'dynamicFile',
    (b) =>
      b.Value.dynamicFile(() => ({
        name: 'F',
        extensions: [],
        required: false,
      })),
  ],
  ['dynamicHidden', (b) => b.Value.dynamicHidden(() => b.z.string())],
  [
    'dynamicUnion (immutable forced false)',
    (b) =>
      b.Value.dynamicUnion(() =>
        loose({
          name: 'U',
          default: 'a',
          disabled: ['a'],
          immutable: true,
          variants: b.Variants.of({
            a: { name: 'A', spec: b.InputSpec.of({}) },
          }),
        }),
      ),
  ],
  [
    'List.dynamicText',
    (b) =>
      b.Value.list(
        b.List.dynamicText(() => ({
          name: 'L',
          default: ['x'],
          disabled: 'no',
          generate: { charset: 'a', len: 2 },
          spec: { masked: true, inputmode: 'tel' },
        })),
      ),
  ],
  [
    'Variants.of on its own',
    (b) =>
      b.Variants.of({
        a: {
          name: 'A',
          spec: b.InputSpec.of({
            n: b.Value.dynamicNumber(() => ({
              name: 'N',
              default: null,
              required: false,
              integer: true,
            })),
          }),
        },
      }),
  ],
]

for (const [name, make] of [...cases, ...dynamicCases]) {
  test(`spec: ${name}`, async () => {
    const options = { ...noHost, prefill: { a: 1 } }
    assert.deepStrictEqual(
      await specOf(make(ours), options),
      await specOf(make(theirs), options),
    )
  })
}

test('spec: a whole form with every kind, nested, resolves dynamic fields', async () => {
  const form = (b: Builders) =>
    b.InputSpec.of(
      Object.fromEntries(
        [...cases, ...dynamicCases]
          .filter(([name]) => !name.startsWith('Variants.of'))
          .map(([name, make], i) => [`f${i}`, make(b) as never]),
      ),
    )
  const prefill = { f0: true }
  assert.deepStrictEqual(
    await specOf(form(ours), { ...noHost, prefill }),
    await specOf(form(theirs), { ...noHost, prefill }),
  )
})

test('spec: every build calls a dynamic builder again', async () => {
  let calls = 0
  const value = ours.Value.dynamicToggle(() => {
    calls++
    return { name: `T${calls}`, default: true }
  })
  assert.equal(calls, 0, 'nothing is computed when the field is defined')
  const first = (await specOf(value)) as { name: string }
  const second = (await specOf(value)) as { name: string }
  assert.deepEqual([first.name, second.name, calls], ['T1', 'T2', 2])
})

test('spec: a failing dynamic builder rejects the build with its own error', async () => {
  const form = ours.InputSpec.of({
    t: ours.Value.dynamicText(() => {
      throw new Error('no database')
    }),
  })
  await assert.rejects(form.build(noHost), /no database/)
})

test('IST.isValueSpecListOf tells list kinds apart like the reference', async () => {
  const form = (b: Builders) =>
    b.InputSpec.of({
      texts: b.Value.list(b.List.text({ name: 'L' }, {})),
      objs: b.Value.list(
        b.List.obj({ name: 'L' }, { spec: b.InputSpec.of({}) }),
      ),
      obj: b.Value.object(
        { name: 'O' },
        b.InputSpec.of({
          type: b.Value.text({ name: 'T', default: null, required: true }),
        }),
      ),
      toggle: b.Value.toggle({ name: 'T', default: true }),
    })
  const spec = (await specOf(form(ours))) as Record<string, never>
  for (const [key, field] of Object.entries(spec))
    for (const kind of ['text', 'object'] as const)
      assert.equal(
        IST.isValueSpecListOf(field, kind),
        refIST.isValueSpecListOf(field, kind),
        `${key} ${kind}`,
      )
  assert.equal(IST.isValueSpecListOf(spec.texts, 'text'), true)
  assert.equal(IST.isValueSpecListOf(spec.objs, 'text'), false)
})
