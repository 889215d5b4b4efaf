import assert from 'node:assert/strict'
import { test } from 'node:test'
import * as stock from 'zod'
import { z } from '../../lib/z'

const Z = stock.z

test('z.object keeps unknown keys; strictObject and looseObject are zod’s own', () => {
  assert.deepEqual(z.object({ a: z.string() }).parse({ a: 'x', b: 1 }), {
    a: 'x',
    b: 1,
  })
  assert.deepEqual(z.object().parse({ b: 1 }), { b: 1 })
  assert.equal(z.strictObject, Z.strictObject)
  assert.equal(z.looseObject, Z.looseObject)
  assert.equal(z.string, Z.string)
  assert.equal(z.ZodError, Z.ZodError)
  assert.throws(() => z.strictObject({ a: z.string() }).parse({ a: '', b: 1 }))
})

test('z.object passes params on (custom error message)', () => {
  const r = z.object({}, 'not an object').safeParse(3)
  assert.equal(r.error?.issues[0]?.message, 'not an object')
})

test('z.object schemas stay loose through extend, partial and pick', () => {
  const base = z.object({ a: z.string(), b: z.number() })
  assert.deepEqual(
    base.extend({ c: z.boolean() }).parse({ a: '', b: 1, c: true, d: 0 }),
    {
      a: '',
      b: 1,
      c: true,
      d: 0,
    },
  )
  assert.deepEqual(base.partial().parse({ e: 1 }), { e: 1 })
  assert.deepEqual(base.pick({ a: true }).parse({ a: '', f: 1 }), {
    a: '',
    f: 1,
  })
})

test('z.object accepts a recursive getter shape (the reference throws here)', () => {
  type Node = { name: string; kids: Node[] }
  const Node: stock.ZodType<Node> = z.object({
    name: z.string(),
    get kids() {
      return z.array(Node)
    },
  })
  const tree = { name: 'a', x: 1, kids: [{ name: 'b', y: 2, kids: [] }] }
  assert.deepEqual(Node.parse(tree), tree)
})

test('importing lib/z leaves stock zod untouched', () => {
  assert.deepEqual(Z.object({ a: Z.string() }).parse({ a: 'x', b: 1 }), {
    a: 'x',
  })
  assert.deepEqual(stock.object({ a: Z.string() }).parse({ a: 'x', b: 1 }), {
    a: 'x',
  })
  assert.equal('deepLoose' in Z, false)
  assert.equal('deepPartial' in Z, false)
  assert.notEqual(z.object, Z.object)
})

test('z.z is not the stock namespace', () => {
  assert.equal(z.z, undefined)
})

test('.catch() fills a missing key (zod 4.4.3 behaviour)', () => {
  assert.deepEqual(z.object({ a: z.string().catch('x') }).parse({}), {
    a: 'x',
  })
  assert.deepEqual(
    z.object({ a: z.string().catch('x') }).parse({ a: 3, k: 1 }),
    {
      a: 'x',
      k: 1,
    },
  )
  const loose = z.deepLoose(Z.object({ a: Z.number().catch(7) }))
  assert.deepEqual(loose.parse({ k: 1 }), { a: 7, k: 1 })
})

test('deepLoose keeps unknown keys at every depth and through wrappers', () => {
  const schema = z.deepLoose(
    Z.object({
      opt: Z.object({ a: Z.number() }).optional(),
      nul: Z.object({ a: Z.number() }).nullable(),
      def: Z.object({ a: Z.number() }).default({ a: 1 }),
      arr: Z.array(Z.strictObject({ a: Z.number() })),
      uni: Z.union([Z.object({ a: Z.number() }), Z.string()]),
      dis: Z.discriminatedUnion('k', [
        Z.object({ k: Z.literal('a'), a: Z.number() }),
        Z.object({ k: Z.literal('b') }),
      ]),
      int: Z.intersection(
        Z.object({ a: Z.number() }),
        Z.object({ b: Z.number() }),
      ),
      rec: Z.record(Z.string(), Z.object({ a: Z.number() })),
      tup: Z.tuple([Z.object({ a: Z.number() })], Z.object({ r: Z.number() })),
      lzy: Z.lazy(() => Z.object({ a: Z.number() })),
      pip: Z.object({ a: Z.number() }).transform((v) => v),
    }),
  )
  const input = {
    top: 0,
    opt: { a: 1, x: 1 },
    nul: { a: 1, x: 2 },
    def: { a: 2, x: 3 },
    arr: [{ a: 1, x: 4 }],
    uni: { a: 1, x: 5 },
    dis: { k: 'a', a: 1, x: 6 },
    int: { a: 1, b: 2, x: 7 },
    rec: { r: { a: 1, x: 8 } },
    tup: [
      { a: 1, x: 9 },
      { r: 1, x: 10 },
    ],
    lzy: { a: 1, x: 11 },
    pip: { a: 1, x: 12 },
  }
  assert.deepEqual(schema.parse(input), input)
  const defaulted = schema.parse({ ...input, def: undefined })
  assert.deepEqual(defaulted.def, { a: 1 })
})

test('deepLoose keeps refinements, real catchalls and fresh defaults', () => {
  const refined = z.deepLoose(
    Z.object({ a: Z.number() }).refine((v) => v.a > 0, 'positive'),
  )
  assert.equal(
    refined.safeParse({ a: -1, x: 1 }).error?.issues[0]?.message,
    'positive',
  )
  const typed = z.deepLoose(Z.object({}).catchall(Z.number()))
  assert.equal(typed.safeParse({ x: 'no' }).success, false)
  const withDefault = z.deepLoose(
    Z.object({ o: Z.object({ n: Z.number() }).default({ n: 1 }) }),
  )
  withDefault.parse({}).o.n = 5
  assert.deepEqual(withDefault.parse({}), { o: { n: 1 } })
})

test('deepLoose terminates on recursive schemas', () => {
  type Node = { name: string; kids: Node[] }
  const Node: stock.ZodType<Node> = Z.object({
    name: Z.string(),
    get kids() {
      return Z.array(Node)
    },
  })
  const tree = { name: 'a', x: 1, kids: [{ name: 'b', y: 2, kids: [] }] }
  assert.deepEqual(z.deepLoose(Node).parse(tree), tree)
  const List: stock.ZodType<{ v: number; next: unknown }> = Z.lazy(() =>
    Z.object({ v: Z.number(), next: List.nullable() }),
  )
  const list = { v: 1, w: 1, next: { v: 2, w: 2, next: null } }
  assert.deepEqual(z.deepLoose(List).parse(list), list)
})

test('deepLoose returns leaf schemas and the input schema untouched', () => {
  const leaf = Z.string()
  assert.equal(z.deepLoose(leaf), leaf)
  const strip = Z.object({ a: Z.object({ b: Z.number() }) })
  z.deepLoose(strip)
  assert.deepEqual(strip.parse({ a: { b: 1, x: 1 } }), { a: { b: 1 } })
})

test('deepPartial makes every key optional and keeps unknown keys', () => {
  const schema = z.deepPartial(
    Z.object({
      a: Z.object({ b: Z.number(), c: Z.array(Z.object({ d: Z.string() })) }),
    }),
  )
  assert.deepEqual(schema.parse({}), {})
  assert.deepEqual(schema.parse({ a: { x: 1 }, y: 2 }), { a: { x: 1 }, y: 2 })
  assert.deepEqual(schema.parse({ a: { c: [{ z: 1 }] } }), {
    a: { c: [{ z: 1 }] },
  })
  assert.equal(schema.safeParse({ a: { b: 'no' } }).success, false)
})

test('errors name the path of the failing field', () => {
  const schema = z.object({
    outer: z.object({ list: z.array(z.object({ port: z.number() })) }),
  })
  const r = schema.safeParse({ outer: { list: [{ port: 1 }, { port: 'x' }] } })
  assert.equal(r.success, false)
  const issue = r.error?.issues[0]
  assert.deepEqual(issue?.path, ['outer', 'list', 1, 'port'])
  assert.equal(
    issue?.message,
    'Invalid input: expected number, received string',
  )
  assert.match(
    Z.prettifyError(r.error!),
    /✖ Invalid input: expected number, received string\n {2}→ at outer\.list\[1\]\.port/,
  )
  const deep = z.deepLoose(Z.object({ a: Z.object({ b: Z.string() }) }))
  assert.deepEqual(deep.safeParse({ a: { b: 1 } }).error?.issues[0]?.path, [
    'a',
    'b',
  ])
})
