import { test } from 'node:test'
import assert from 'node:assert/strict'
import { deepEqual, deepMerge, partialDiff } from '../../lib/utils'
import { random, refUtils } from './reference'

test('deepMerge merges objects into the first, recursively', () => {
  const first = { a: 1, b: { c: 1 } as Record<string, number> }
  const inner = first.b
  const merged = deepMerge(first, { b: { d: 2 } }, { e: 3 })
  assert.equal(merged, first)
  assert.equal(first.b, inner)
  assert.deepEqual(first, { a: 1, b: { c: 1, d: 2 }, e: 3 })
  const only = { a: { b: 1 } }
  const copy = deepMerge(only) as typeof only
  assert.notEqual(copy, only)
  assert.notEqual(copy.a, only.a)
  assert.deepEqual(copy, only)
})

test('deepMerge unions arrays by deep equality and lets the last primitive win', () => {
  const left = [1, { a: 1 }]
  assert.deepEqual(deepMerge(left, [{ a: 1 }, 2, 2]), [1, { a: 1 }, 2])
  assert.deepEqual(left, [1, { a: 1 }], 'arrays are not changed')
  assert.deepEqual(deepMerge([1, 1], [1]), [1])
  assert.deepEqual(
    deepMerge([[1, 2]], [[1]]),
    [[1, 2]],
    '[1] adds nothing to [1, 2]',
  )
  assert.deepEqual(deepMerge([[1]], [[1, 2]]), [[1], [1, 2]])
  assert.equal(deepMerge({ a: 1 }, 2), 2)
  assert.deepEqual(deepMerge(2, { a: 1 }), { a: 1 })
  assert.equal(deepMerge({ a: 1 }, null), null)
  assert.deepEqual(deepMerge({ a: { b: 1 } }, { a: undefined }), {
    a: undefined,
  })
  assert.deepEqual(deepMerge([1], { a: 1 }, [3]), [1, 3])
  assert.equal(deepMerge(), undefined)
})

test('deepMerge keeps a __proto__ key as data and never touches prototypes', () => {
  const merged = deepMerge(
    {},
    JSON.parse('{"__proto__":{"polluted":1}}'),
  ) as object
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined)
  assert.equal(Object.getPrototypeOf(merged), Object.prototype)
  assert.deepEqual(Object.keys(merged), ['__proto__'])
})

test('partialDiff keeps what changed', () => {
  assert.equal(partialDiff({ a: 1 }, { a: 1 }), undefined)
  assert.deepEqual(
    partialDiff(
      { a: 1, b: 2, c: { d: 1, e: 2 } },
      { a: 1, b: 3, c: { d: 1, e: 3 } },
    ),
    { diff: { b: 3, c: { e: 3 } } },
  )
  assert.deepEqual(
    partialDiff<Record<string, number>>({ a: 1, b: 2 }, { a: 1 }),
    { diff: { b: undefined } },
  )
  assert.deepEqual(partialDiff([1, 2, 3], [2, 3, 4, 4]), { diff: [4, 4] })
  assert.equal(partialDiff([1, 2], [2, 1]), undefined)
  assert.deepEqual(partialDiff<unknown>(1, 'x'), { diff: 'x' })
  assert.deepEqual(partialDiff<unknown>({ a: 1 }, null), { diff: null })
})

test('deepEqual takes any number of values', () => {
  assert.ok(deepEqual())
  assert.ok(deepEqual(1))
  assert.ok(deepEqual({ a: [1] }, { a: [1] }, { a: [1] }))
  assert.ok(!deepEqual({ a: 1 }, { a: 1 }, { a: 2 }))
  assert.ok(
    deepEqual({ a: undefined }, {}),
    'an undefined key counts as absent',
  )
})

/** JSON-like values from a small pool of keys and leaves, so merges and diffs collide. */
function generator(seed: number): () => unknown {
  const rnd = random(seed)
  const value = (depth: number): unknown => {
    const r = rnd.float()
    if (depth > 2 || r < 0.4) return rnd.pick([0, 1, 2, 'a', 'b', true, null])
    if (r < 0.65)
      return Array.from({ length: rnd.int(4) }, () => value(depth + 1))
    const out: Record<string, unknown> = {}
    for (let n = rnd.int(4); n > 0; n--)
      out[rnd.pick(['a', 'b', 'c', 'd'])] = value(depth + 1)
    return out
  }
  return () => value(0)
}

test('deepMerge, partialDiff and deepEqual match the reference on generated data', () => {
  const next = generator(0x5eed)
  for (let i = 0; i < 3000; i++) {
    const args = Array.from({ length: 1 + (i % 3) }, next)
    const copy = (): unknown[] => structuredClone(args)
    const a = copy()
    const b = copy()
    assert.deepEqual(
      deepMerge(...a),
      refUtils.deepMerge(...b),
      JSON.stringify(args),
    )
    assert.deepEqual(a, b, `arguments after merging ${JSON.stringify(args)}`)
    const [x, y] = [args[0], next()]
    assert.deepEqual(
      partialDiff(x, y),
      refUtils.partialDiff(x, y),
      JSON.stringify([x, y]),
    )
    assert.equal(deepEqual(x, y), refUtils.deepEqual(x, y))
    assert.equal(
      deepEqual(x, structuredClone(x), x),
      refUtils.deepEqual(x, structuredClone(x), x),
    )
  }
})
