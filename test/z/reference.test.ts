/*
 * Differential tests: the same schemas, built once with our `z` and once with the reference's
 * (`start-sdk-reference` = @start9labs/start-sdk 2.0.9, its own zod copy), parse the same
 * inputs to the same results.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { z as refZ } from 'start-sdk-reference'
import { z } from '../../lib/z'

type Z = typeof z
const ours: Z = z
const theirs = refZ as unknown as Z

/** A stock (key-stripping) object in either library. */
const strip = (zz: Z, shape: Parameters<Z['object']>[0]) =>
  zz.object(shape).strip()

const cases: {
  name: string
  build: (zz: Z) => { parse: (v: unknown) => unknown }
  inputs: unknown[]
}[] = [
  {
    name: 'z.object',
    build: (zz) =>
      zz.object({ a: zz.string(), n: zz.object({ b: zz.number() }) }),
    inputs: [{ a: '', x: 1, n: { b: 1, y: 2 } }],
  },
  {
    name: 'catch on a missing key',
    build: (zz) =>
      zz.object({ a: zz.string().catch('x'), b: zz.number().default(3) }),
    inputs: [{}, { a: 1, k: 2 }],
  },
  {
    name: 'deepLoose through optional, nullable, array, union, record, tuple, lazy',
    build: (zz) =>
      zz.deepLoose(
        strip(zz, {
          o: strip(zz, { a: zz.number() }).optional(),
          n: strip(zz, { a: zz.number() }).nullable(),
          l: zz.array(zz.strictObject({ a: zz.number() })),
          u: zz.union([strip(zz, { a: zz.number() }), zz.string()]),
          i: zz.intersection(
            strip(zz, { a: zz.number() }),
            strip(zz, { b: zz.number() }),
          ),
          r: zz.record(zz.string(), strip(zz, { a: zz.number() })),
          t: zz.tuple([strip(zz, { a: zz.number() })]),
          z: zz.lazy(() => strip(zz, { a: zz.number() })),
        }),
      ),
    inputs: [
      {
        x: 0,
        o: { a: 1, x: 1 },
        n: { a: 1, x: 2 },
        l: [{ a: 1, x: 3 }],
        u: { a: 1, x: 4 },
        i: { a: 1, b: 2, x: 5 },
        r: { k: { a: 1, x: 6 } },
        t: [{ a: 1, x: 7 }],
        z: { a: 1, x: 8 },
      },
      {
        o: undefined,
        n: null,
        l: [],
        u: 's',
        i: { a: 1, b: 2 },
        r: {},
        t: [{ a: 1 }],
        z: { a: 1 },
      },
    ],
  },
  {
    name: 'deepPartial',
    build: (zz) =>
      zz.deepPartial(
        strip(zz, {
          a: strip(zz, {
            b: zz.number(),
            c: zz.array(strip(zz, { d: zz.string() })),
          }),
        }),
      ),
    inputs: [{}, { a: {} }, { a: { x: 1, c: [{ y: 1 }] }, q: 1 }],
  },
]

for (const c of cases) {
  test(`same results as the reference: ${c.name}`, () => {
    const mine = c.build(ours)
    const ref = c.build(theirs)
    for (const input of c.inputs) {
      assert.deepEqual(mine.parse(input), ref.parse(input))
    }
  })
}

test('deliberate difference: deepLoose also loosens objects inside default/catch/pipe', () => {
  const build = (zz: Z) =>
    zz.deepLoose(
      strip(zz, { d: strip(zz, { a: zz.number() }).default({ a: 1 }) }),
    )
  const input = { d: { a: 2, x: 1 } }
  assert.deepEqual(build(ours).parse(input), input)
  assert.deepEqual(build(theirs).parse(input), { d: { a: 2 } })
})
