/**
 * A node of a {@link Graph}: its metadata and every edge that starts or ends at it.
 * @typeParam VMetadata - what vertices carry
 * @typeParam EMetadata - what edges carry
 */
export type Vertex<VMetadata = null, EMetadata = null> = {
  metadata: VMetadata
  edges: Array<Edge<EMetadata, VMetadata>>
}

/**
 * A directed edge of a {@link Graph}, from one vertex to another, with its metadata.
 * @typeParam EMetadata - what edges carry
 * @typeParam VMetadata - what vertices carry
 */
export type Edge<EMetadata = null, VMetadata = null> = {
  metadata: EMetadata
  from: Vertex<VMetadata, EMetadata>
  to: Vertex<VMetadata, EMetadata>
}

type Select<V> = V | ((vertex: V) => boolean)

const vertexLists = new WeakMap<object, unknown[]>()

function verticesOf<V>(graph: object): V[] {
  let list = vertexLists.get(graph)
  if (list === undefined) {
    list = []
    vertexLists.set(graph, list)
  }
  return list as V[]
}

/**
 * A directed graph whose vertices and edges carry metadata, with breadth-first traversals and
 * shortest paths. Traversals visit a vertex, then the traversals of its unvisited neighbours
 * interleaved one vertex at a time (the reference's order, kept exactly).
 *
 * @example
 * ```ts
 * const g = new Graph<string, number>()
 * const a = g.addVertex('a', [], [])
 * const b = g.addVertex('b', [{ from: a, metadata: 1 }], [])
 * g.shortestPath(a, b) // [the edge a → b]
 * ```
 */
export class Graph<VMetadata = null, EMetadata = null> {
  /**
   * The graph as indented JSON, each vertex with its edges (ends shown by their metadata),
   * for debugging; `metadataRepr` maps every metadata before it is written.
   */
  dump(
    metadataRepr: (metadata: VMetadata | EMetadata) => any = (m) => m,
  ): string {
    const vertices = verticesOf<Vertex<VMetadata, EMetadata>>(this)
    return JSON.stringify(
      vertices.map((v) => ({
        metadata: metadataRepr(v.metadata),
        edges: v.edges.map((e) => ({
          metadata: metadataRepr(e.metadata),
          from: metadataRepr(e.from.metadata),
          to: metadataRepr(e.to.metadata),
        })),
      })),
      null,
      2,
    )
  }

  /**
   * Adds a vertex, with edges into it from existing vertices (`fromEdges`) and out of it to
   * existing vertices (`toEdges`).
   */
  addVertex(
    metadata: VMetadata,
    fromEdges: Array<Omit<Edge<EMetadata, VMetadata>, 'to'>>,
    toEdges: Array<Omit<Edge<EMetadata, VMetadata>, 'from'>>,
  ): Vertex<VMetadata, EMetadata> {
    const vertex: Vertex<VMetadata, EMetadata> = { metadata, edges: [] }
    for (const e of fromEdges) this.addEdge(e.metadata, e.from, vertex)
    for (const e of toEdges) this.addEdge(e.metadata, vertex, e.to)
    verticesOf<Vertex<VMetadata, EMetadata>>(this).push(vertex)
    return vertex
  }

  /** Every vertex `predicate` accepts, in the order they were added. */
  *findVertex(
    predicate: (vertex: Vertex<VMetadata, EMetadata>) => boolean,
  ): Generator<Vertex<VMetadata, EMetadata>, null> {
    for (const v of verticesOf<Vertex<VMetadata, EMetadata>>(this))
      if (predicate(v)) yield v
    return null
  }

  /** Adds an edge from `from` to `to` (both already in the graph) and returns it. */
  addEdge(
    metadata: EMetadata,
    from: Vertex<VMetadata, EMetadata>,
    to: Vertex<VMetadata, EMetadata>,
  ): Edge<EMetadata, VMetadata> {
    const edge: Edge<EMetadata, VMetadata> = { metadata, from, to }
    from.edges.push(edge)
    to.edges.push(edge)
    return edge
  }

  /** Vertices reachable from `from` (a vertex, or every vertex a predicate accepts) along edges, nearest first. */
  breadthFirstSearch(
    from: Select<Vertex<VMetadata, EMetadata>>,
  ): Generator<Vertex<VMetadata, EMetadata>, null> {
    return traverse(starts(this, from), 'forward')
  }

  /** Vertices that can reach `to` (a vertex, or every vertex a predicate accepts), nearest first. */
  reverseBreadthFirstSearch(
    to: Select<Vertex<VMetadata, EMetadata>>,
  ): Generator<Vertex<VMetadata, EMetadata>, null> {
    return traverse(starts(this, to), 'backward')
  }

  /**
   * The edges leading from `from` to `to` (each a vertex or a predicate) along which
   * `breadthFirstSearch` first reaches a target: `[]` when a start is a target, `null` when
   * none is reachable.
   */
  shortestPath(
    from: Select<Vertex<VMetadata, EMetadata>>,
    to: Select<Vertex<VMetadata, EMetadata>>,
  ): Array<Edge<EMetadata, VMetadata>> | null {
    const isTarget = typeof to === 'function' ? to : (v: unknown) => v === to
    const via = new Map<object, Edge<EMetadata, VMetadata>>()
    const order = traverse(starts(this, from), 'forward', (v, e) =>
      via.set(v, e as Edge<EMetadata, VMetadata>),
    )
    for (const v of order) {
      if (!isTarget(v)) continue
      const path: Array<Edge<EMetadata, VMetadata>> = []
      for (let e = via.get(v); e; e = via.get(e.from)) path.unshift(e)
      return path
    }
    return null
  }
}

/** The starting vertices a selector names: the vertex itself, or every vertex it accepts. */
function starts<V>(graph: object, select: Select<V>): V[] {
  if (typeof select !== 'function') return [select]
  return verticesOf<V>(graph).filter((v) => (select as (v: V) => boolean)(v))
}

/**
 * Takes one value from each generator in turn, round after round, dropping those that end.
 */
function* interleave<V>(
  generators: Generator<V, unknown>[],
): Generator<V, null> {
  let active = generators
  while (active.length > 0) {
    const still: Generator<V, unknown>[] = []
    for (const g of active) {
      const step = g.next()
      if (step.done) continue
      yield step.value
      still.push(g)
    }
    active = still
  }
  return null
}

/**
 * The traversal order of the reference: each vertex, then its unvisited neighbours' own
 * traversals interleaved one value at a time (nearest first, siblings' subtrees alternating).
 */
function traverse<V extends Vertex<unknown, unknown>>(
  starts: V[],
  direction: 'forward' | 'backward',
  reached?: (vertex: V, edge: V['edges'][number]) => void,
): Generator<V, null> {
  const seen = new Set<V>()
  function* from(v: V, edge: V['edges'][number] | null): Generator<V, null> {
    if (seen.has(v)) return null
    seen.add(v)
    if (edge !== null) reached?.(v, edge)
    yield v
    const next: Generator<V, null>[] = []
    for (const e of v.edges) {
      const [near, far] =
        direction === 'forward' ? [e.from, e.to] : [e.to, e.from]
      if (near === v && !seen.has(far as V)) next.push(from(far as V, e))
    }
    yield* interleave(next)
    return null
  }
  return interleave(starts.map((v) => from(v, null)))
}
