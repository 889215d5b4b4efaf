import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Graph } from '../../lib/utils'
import type { Vertex } from '../../lib/utils'
import { random, refUtils } from './reference'

function sample(): {
  g: Graph<string, string>
  v: Record<string, Vertex<string, string>>
} {
  const g = new Graph<string, string>()
  const a = g.addVertex('A', [], [])
  const b = g.addVertex('B', [{ from: a, metadata: 'ab' }], [])
  const c = g.addVertex(
    'C',
    [{ from: b, metadata: 'bc' }],
    [{ to: a, metadata: 'ca' }],
  )
  const d = g.addVertex('D', [], [])
  g.addEdge('ad', a, d)
  return { g, v: { a, b, c, d } }
}

const names = (it: Iterable<Vertex<string, string>>): string[] =>
  [...it].map((v) => v.metadata)

test('vertices hold every edge that touches them', () => {
  const { v } = sample()
  assert.deepEqual(
    v.a.edges.map((e) => e.metadata),
    ['ab', 'ca', 'ad'],
  )
  assert.deepEqual(
    v.c.edges.map((e) => `${e.from.metadata}${e.to.metadata}`),
    ['BC', 'CA'],
  )
})

test('traversals go breadth first, forwards or backwards', () => {
  const { g, v } = sample()
  assert.deepEqual(names(g.breadthFirstSearch(v.a)), ['A', 'B', 'D', 'C'])
  assert.deepEqual(names(g.breadthFirstSearch((x) => x.metadata > 'B')), [
    'C',
    'D',
    'A',
    'B',
  ])
  assert.deepEqual(names(g.reverseBreadthFirstSearch(v.d)), [
    'D',
    'A',
    'C',
    'B',
  ])
  assert.deepEqual(names(g.findVertex((x) => x.metadata !== 'B')), [
    'A',
    'C',
    'D',
  ])
  assert.deepEqual(g.findVertex(() => false).next(), {
    value: null,
    done: true,
  })
})

test('shortestPath returns the fewest edges, [] or null', () => {
  const { g, v } = sample()
  const path = (
    from: Vertex<string, string>,
    to: Vertex<string, string>,
  ): string[] | null => g.shortestPath(from, to)?.map((e) => e.metadata) ?? null
  assert.deepEqual(path(v.a, v.c), ['ab', 'bc'])
  assert.deepEqual(path(v.c, v.d), ['ca', 'ad'])
  assert.deepEqual(path(v.a, v.a), [])
  assert.equal(path(v.d, v.a), null)
  assert.deepEqual(
    g
      .shortestPath(
        (x) => x.metadata === 'B',
        (x) => x.metadata === 'D',
      )
      ?.map((e) => e.metadata),
    ['bc', 'ca', 'ad'],
  )
})

test('dump matches the reference, with and without a metadata mapper', () => {
  const ours = sample().g
  const ref = new refUtils.Graph<string, string>()
  const a = ref.addVertex('A', [], [])
  const b = ref.addVertex('B', [{ from: a, metadata: 'ab' }], [])
  ref.addVertex('C', [{ from: b, metadata: 'bc' }], [{ to: a, metadata: 'ca' }])
  const d = ref.addVertex('D', [], [])
  ref.addEdge('ad', a, d)
  assert.equal(ours.dump(), ref.dump())
  assert.equal(
    ours.dump((m) => `${m}!`),
    ref.dump((m) => `${m}!`),
  )
})

test('random graphs traverse and route as the reference does', () => {
  const rnd = random(0x9a)
  for (let round = 0; round < 200; round++) {
    const graphs = [
      new Graph<number, number>(),
      new refUtils.Graph<number, number>(),
    ]
    const vs: Vertex<number, number>[][] = [[], []]
    const size = 1 + rnd.int(8)
    const plan = Array.from({ length: size }, (_, i) => ({
      from: Array.from({ length: rnd.int(3) }, () =>
        rnd.int(Math.max(i, 1)),
      ).filter(() => i > 0),
      to: Array.from({ length: rnd.int(3) }, () =>
        rnd.int(Math.max(i, 1)),
      ).filter(() => i > 0),
    }))
    const extra = Array.from({ length: rnd.int(6) }, () => [
      rnd.int(size),
      rnd.int(size),
    ])
    graphs.forEach((g, k) => {
      plan.forEach((p, i) => {
        vs[k].push(
          g.addVertex(
            i,
            p.from.map((f, j) => ({ from: vs[k][f], metadata: i * 100 + j })),
            p.to.map((t, j) => ({ to: vs[k][t], metadata: i * 100 + 50 + j })),
          ),
        )
      })
      extra.forEach(([f, t], j) => g.addEdge(1000 + j, vs[k][f], vs[k][t]))
    })
    const [ours, ref] = graphs
    const ids = (it: Iterable<Vertex<number, number>>): number[] =>
      [...it].map((v) => v.metadata)
    const pick = rnd.int(size)
    const target = rnd.int(size)
    assert.equal(ours.dump(), ref.dump())
    assert.deepEqual(
      ids(ours.breadthFirstSearch(vs[0][pick])),
      ids(ref.breadthFirstSearch(vs[1][pick])),
    )
    assert.deepEqual(
      ids(ours.reverseBreadthFirstSearch((v) => v.metadata % 3 === 0)),
      ids(ref.reverseBreadthFirstSearch((v) => v.metadata % 3 === 0)),
    )
    assert.deepEqual(
      ours.shortestPath(vs[0][pick], vs[0][target])?.map((e) => e.metadata),
      ref.shortestPath(vs[1][pick], vs[1][target])?.map((e) => e.metadata),
    )
  }
})
