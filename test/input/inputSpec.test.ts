/*
 * InputSpec's methods, differentially against the reference: `filter`, `disable`,
 * `filterFromPartial`, `disableFromPartial`, `namePath`, `description`, `add` (with the typed
 * tools), and `build` passing the same effects and prefill down to nested dynamic fields.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Builders } from './helpers'
import { noHost, ours, outcome, specOf, theirs } from './helpers'

/** The value `prefill` as a dynamic field sees it, shown in its name. */
const echo = (b: Builders) =>
  b.Value.dynamicText(({ prefill }) => ({
    name: `P ${JSON.stringify(prefill)}`,
    default: null,
    required: false,
  }))

const full = (b: Builders) =>
  b.InputSpec.of({
    name: b.Value.text({
      name: 'Name',
      required: true,
      default: null,
      description: 'the name',
    }),
    settings: b.Value.object(
      { name: 'Settings', description: 'sets' },
      b.InputSpec.of({
        debug: b.Value.toggle({ name: 'Debug', default: false }),
        port: b.Value.number({
          name: 'Port',
          required: true,
          default: 8080,
          integer: true,
        }),
        echo: echo(b),
      }),
    ),
    other: b.Value.toggle({ name: 'Other', default: true }),
    lst: b.Value.list(b.List.text({ name: 'L' }, {})),
    u: b.Value.union({
      name: 'U',
      default: 'a',
      variants: b.Variants.of({
        a: { name: 'A', spec: b.InputSpec.of({ echo: echo(b) }) },
      }),
    }),
    lo: b.Value.list(
      b.List.obj({ name: 'LO' }, { spec: b.InputSpec.of({ echo: echo(b) }) }),
    ),
    h: b.Value.hidden(),
  })

type Form = ReturnType<typeof full>
type Case = [name: string, derive: (f: Form) => unknown]
const any = (x: object) => x as never

const derived: Case[] = [
  [
    'filter, nested',
    (f) => f.filter({ name: true, settings: { debug: true } }),
  ],
  ['filter, drop one, keep the rest', (f) => f.filter({ name: false }, true)],
  ['filter, whole object', (f) => f.filter({ settings: true })],
  [
    'filter, nested with keepByDefault',
    (f) => f.filter({ settings: { port: false } }, true),
  ],
  [
    'filter, nested rule on a list and a union',
    (f) => f.filter(any({ lst: { a: true }, u: { a: true } })),
  ],
  ['filter, unknown and empty', (f) => f.filter(any({ nope: true }))],
  ['filter, empty keeping by default', (f) => f.filter({}, true)],
  [
    'disable, nested',
    (f) => f.disable({ name: true, settings: { debug: true } }, 'Managed'),
  ],
  [
    'disable, whole object, false ignored',
    (f) => f.disable({ settings: true, other: false }, 'M'),
  ],
  [
    'disable, nested rule on a list',
    (f) => f.disable(any({ lst: { a: true } }), 'D'),
  ],
  [
    'filterFromPartial',
    (f) => f.filterFromPartial({ name: 'x', settings: { port: 3 } }) as never,
  ],
  [
    'filterFromPartial, undefined and null members',
    (f) =>
      f.filterFromPartial(any({ settings: null, other: undefined })) as never,
  ],
  [
    'filterFromPartial, a list value',
    (f) => f.filterFromPartial({ lst: ['a'] }) as never,
  ],
  [
    'disableFromPartial',
    (f) =>
      f.disableFromPartial(
        any({ name: 'x', settings: { port: 3 }, other: undefined }),
        'D',
      ),
  ],
  [
    'disableFromPartial, null object',
    (f) => f.disableFromPartial(any({ settings: null }), 'D'),
  ],
  [
    'add, a record',
    (f) =>
      f.add({ x: ours.Value.toggle({ name: 'X', default: true }) }) as never,
  ],
]

for (const [name, derive] of derived) {
  test(`inputSpec: ${name}`, async () => {
    const mine = derive(full(ours)) as Form
    const ref = derive(full(theirs)) as Form
    const options = { ...noHost, prefill: { name: 'n' } }
    assert.deepStrictEqual(
      await specOf(mine, options),
      await specOf(ref, options),
    )
    const inputs = [
      {},
      {
        name: 'a',
        settings: { debug: true, port: 1, echo: null },
        other: true,
      },
      { name: 'a', settings: { debug: true } },
      { settings: {} },
    ]
    for (const input of inputs)
      assert.deepStrictEqual(
        outcome(mine.validator, input),
        outcome(ref.validator, input),
      )
  })
}

test('inputSpec: prefill reaches dynamic fields in objects, unions and object lists', async () => {
  const options = { ...noHost, prefill: { name: 'n' } }
  const spec = (await specOf(full(ours), options)) as Record<string, any>
  assert.equal(spec.settings.spec.echo.name, 'P {"name":"n"}')
  assert.equal(spec.u.variants.a.spec.echo.name, 'P {"name":"n"}')
  assert.equal(spec.lo.spec.spec.echo.name, 'P {"name":"n"}')
  assert.deepStrictEqual(spec, await specOf(full(theirs), options))
})

test('inputSpec: namePath and description follow key paths like the reference', async () => {
  const paths = [
    ['settings', 'debug'],
    ['settings', 'echo'],
    ['name'],
    ['nope'],
    ['settings', 'nope'],
    ['settings', 'nope', 'x'],
    ['name', 'x'],
    ['u'],
    ['u', 'a'],
    ['lst'],
    ['h'],
    ['lo'],
    [],
  ]
  const options = { ...noHost, prefill: { q: 1 } }
  for (const path of paths) {
    const label = JSON.stringify(path)
    assert.deepStrictEqual(
      await full(ours).namePath(path as never, options),
      await full(theirs).namePath(path as never, options),
      `namePath ${label}`,
    )
    assert.deepStrictEqual(
      await full(ours).description(path as never, options),
      await full(theirs).description(path as never, options),
      `description ${label}`,
    )
  }
})

test('inputSpec: a path through an inherited name finds nothing (the reference throws)', async () => {
  const form = full(ours)
  assert.deepEqual(await form.namePath(['constructor'] as never, noHost), [])
  assert.equal(await form.description(['toString'] as never, noHost), null)
  await assert.rejects(full(theirs).namePath(['constructor'] as never, noHost))
})

test('inputSpec: add with tools binds prefill to the form type', async () => {
  const make = (b: Builders) =>
    b.InputSpec.of({ a: b.Value.toggle({ name: 'A', default: true }) }).add(
      ({ Value, List, Variants, InputSpec }) => ({
        y: Value.dynamicToggle(({ prefill }) => ({
          name: `Y ${JSON.stringify(prefill?.a)}`,
          default: true,
        })),
        l: Value.list(List.text({ name: 'L' }, { masked: true })),
        u: Value.union({
          name: 'U',
          default: 'v',
          variants: Variants.of({ v: { name: 'V', spec: InputSpec.of({}) } }),
        }),
      }),
    )
  const options = { ...noHost, prefill: { a: false } }
  const mine = (await specOf(make(ours), options)) as Record<string, any>
  assert.equal(mine.y.name, 'Y false')
  assert.deepStrictEqual(mine, await specOf(make(theirs), options))
})

test('inputSpec: defining a form computes nothing until it is used', () => {
  let reads = 0
  const counted = ours.Value.toggle({ name: 'T', default: true })
  const probe = Object.create(counted, {
    validator: {
      get: () => {
        reads++
        return counted.validator
      },
    },
  })
  const form = ours.InputSpec.of({
    t: probe,
    s: ours.Value.object({ name: 'S' }, ours.InputSpec.of({ u: probe })),
  })
  const filtered = form
    .filter({ t: true })
    .add({ x: probe })
    .disable({ t: true }, 'no')
  assert.equal(
    reads,
    0,
    'no validator read while defining, filtering, adding, disabling',
  )
  assert.equal(filtered.validator.safeParse({ t: true, x: true }).success, true)
  assert.ok(reads > 0)
  assert.equal(form._TYPE, null)
  assert.equal(form._PARTIAL, null)
})
