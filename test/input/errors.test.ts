/*
 * Our validators' errors name the failing field, however deep (objects, lists, unions,
 * choices, dynamic unions once built); and `partialValidator` agrees with the reference's
 * except on unknown keys, which it keeps (as `validator` does).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Builders } from './helpers'
import { noHost, ours, outcome, sub, theirs, union } from './helpers'

type Schema = { safeParse(v: unknown): { success: boolean; data?: unknown } }

test('validator: partialValidator agrees on values without unknown keys', async () => {
  const form = (b: Builders) =>
    b.InputSpec.of({
      o: b.Value.object({ name: 'O' }, sub(b)),
      u: union(b),
      n: b.Value.number({
        name: 'N',
        default: null,
        required: false,
        integer: true,
      }),
    })
  const inputs = [
    {},
    { o: {} },
    { o: { on: 'x' } },
    { o: { t: null } },
    { u: { selection: 'b' } },
    { u: { selection: 'zz' } },
    { n: null },
    { n: 'x' },
    null,
  ]
  for (const input of inputs)
    assert.deepStrictEqual(
      outcome(form(ours).partialValidator, input),
      outcome(form(theirs).partialValidator, input),
      JSON.stringify(input),
    )
})

test('validator: partialValidator keeps unknown keys, like validator (the reference rejects them at the top)', () => {
  const form = ours.InputSpec.of({
    o: ours.Value.object({ name: 'O' }, sub(ours)),
  })
  assert.deepEqual(form.partialValidator.parse({ extra: 1, o: { more: 2 } }), {
    extra: 1,
    o: { more: 2 },
  })
  assert.equal(
    theirs.InputSpec.of({
      o: theirs.Value.object({ name: 'O' }, sub(theirs)),
    }).partialValidator.safeParse({ extra: 1 }).success,
    false,
  )
})

/** The paths of a failed parse. */
function paths(schema: Schema, input: unknown): PropertyKey[][] {
  const r = (
    schema as {
      safeParse(v: unknown): { error?: { issues: { path: PropertyKey[] }[] } }
    }
  ).safeParse(input)
  assert.ok(r.error, 'expected a failure')
  return r.error.issues.map((i) => i.path)
}

test('errors name the field: nested objects, lists, unions, choices', async () => {
  const form = ours.InputSpec.of({
    o: ours.Value.object(
      { name: 'O' },
      ours.InputSpec.of({ inner: ours.Value.object({ name: 'I' }, sub(ours)) }),
    ),
    u: union(ours),
    l: ours.Value.list(ours.List.obj({ name: 'L' }, { spec: sub(ours) })),
    s: ours.Value.select({ name: 'S', default: 'a', values: { a: 'A' } }),
    m: ours.Value.multiselect({ name: 'M', default: [], values: { a: 'A' } }),
  })
  const good = {
    o: { inner: { on: true, t: 'x' } },
    u: { selection: 'a', value: {} },
    l: [],
    s: 'a',
    m: [],
  }
  assert.deepEqual(
    paths(form.validator, { ...good, o: { inner: { on: true, t: 3 } } }),
    [['o', 'inner', 't']],
  )
  assert.deepEqual(
    paths(form.validator, {
      ...good,
      u: { selection: 'b', value: { on: true } },
    }),
    [['u', 'value', 't']],
  )
  assert.deepEqual(
    paths(form.validator, { ...good, u: { selection: 'nope', value: {} } }),
    [['u', 'selection']],
  )
  assert.deepEqual(
    paths(form.validator, {
      ...good,
      l: [
        { on: true, t: 'x' },
        { on: 'no', t: 'x' },
      ],
    }),
    [['l', 1, 'on']],
  )
  assert.deepEqual(paths(form.validator, { ...good, s: 'b' }), [['s']])
  assert.deepEqual(paths(form.validator, { ...good, m: ['a', 'b'] }), [
    ['m', 1],
  ])
  const built = await form.build(noHost)
  assert.deepEqual(
    paths(built.validator, {
      ...good,
      u: { selection: 'b', value: { on: true } },
    }),
    [['u', 'value', 't']],
  )
  const message = form.validator.safeParse({ ...good, s: 'b' }).error?.issues[0]
    .message
  assert.match(String(message), /"a"/, 'a choice error lists the allowed keys')
})

test('errors name the field of a dynamic union once built', async () => {
  const form = ours.InputSpec.of({
    smtp: ours.Value.dynamicUnion(() => ({
      name: 'U',
      default: 'b',
      disabled: false,
      variants: ours.Variants.of({
        a: { name: 'A', spec: ours.InputSpec.of({}) },
        b: { name: 'B', spec: sub(ours) },
      }),
    })),
  })
  const built = await form.build(noHost)
  assert.deepEqual(
    paths(built.validator, {
      smtp: { selection: 'b', value: { on: true, t: null } },
    }),
    [['smtp', 'value', 't']],
  )
})
