import { ExtendedVersion, VersionRange } from '../exver'
import type { Edge, Graph } from './graph'
import { vertexRange } from './graph'

/** A version or a range of versions. */
export type VersionLike = ExtendedVersion | VersionRange

/** As a range (`=v` for a version). */
export function asRange(value: VersionLike): VersionRange {
  return value instanceof ExtendedVersion
    ? VersionRange.anchor('=', value)
    : value
}

/** Whether some version lies in both `a` and `b`. */
export function overlapsRange(a: VersionLike, b: VersionLike): boolean {
  if (a instanceof ExtendedVersion && b instanceof ExtendedVersion) {
    return a.flavor === b.flavor && a.equals(b)
  }
  return asRange(a).intersects(asRange(b))
}

/**
 * The vertices data at `from` may start at: the declared version it is, and every range
 * holding it (for a range `from`: every vertex it overlaps).
 */
export function startVertices(graph: Graph, from: VersionLike): number[] {
  const starts: number[] = []
  graph.vertices.forEach((vertex, i) => {
    if (from instanceof ExtendedVersion) {
      const hit =
        vertex.kind === 'version'
          ? vertex.version.flavor === from.flavor && vertex.version.equals(from)
          : vertex.range.satisfiedBy(from)
      if (hit) starts.push(i)
    } else if (vertexRange(vertex).intersects(from)) starts.push(i)
  })
  return starts
}

/**
 * Whether arriving at vertex `i` reaches `to`. A declared version must be `to` itself (or lie
 * in the range `to`). A range reached by a `down` migration (`settled`: the data now suits
 * every version of it) must overlap `to`; any other range must lie within `to`, since the
 * data is somewhere in it.
 */
export function isGoal(
  graph: Graph,
  i: number,
  settled: boolean,
  to: VersionLike,
): boolean {
  const vertex = graph.vertices[i]!
  if (to instanceof ExtendedVersion) {
    return (
      vertex.kind === 'version' &&
      vertex.version.flavor === to.flavor &&
      vertex.version.equals(to)
    )
  }
  if (vertex.kind === 'version') return to.satisfiedBy(vertex.version)
  if (settled) return vertex.range.intersects(to)
  return !vertex.range.and(to.not()).satisfiable()
}

/** Whether `e` is a `down` migration into a range (the data then suits all of it). */
function settles(graph: Graph, e: Edge): boolean {
  return e.direction === 'down' && graph.vertices[e.to]!.kind === 'range'
}

/** One move of the search: the edge taken, the state it leads to and its cost. */
interface Move {
  readonly edge: Edge
  readonly next: number
  readonly cost: number
}

/**
 * The moves out of a search state (`vertex * 2 + settled`): every outgoing edge, and from a
 * settled range, to each declared version in it (the data suits that version too).
 */
function moves(graph: Graph, state: number): Move[] {
  const i = state >> 1
  const list = graph.out[i]!.map((edge) => ({
    edge,
    next: edge.to * 2 + (settles(graph, edge) ? 1 : 0),
    cost: edge.direction === null ? 0 : 1,
  }))
  if ((state & 1) === 1) {
    for (const edge of graph.in[i]!) {
      if (edge.direction === null)
        list.push({ edge, next: edge.from * 2, cost: 0 })
    }
  }
  return list
}

/**
 * The cheapest path from any start to a goal: fewest migrations first, then fewest edges,
 * then the earliest declared edge, so the same graph always yields the same path. `null`
 * when no goal is reachable.
 */
export function cheapestPath(
  graph: Graph,
  starts: readonly number[],
  goal: (i: number, settled: boolean) => boolean,
): Edge[] | null {
  const n = graph.vertices.length * 2
  const cost = new Array<number>(n).fill(Infinity)
  const hops = new Array<number>(n).fill(Infinity)
  const via = new Array<{ edge: Edge; state: number } | undefined>(n)
  const done = new Array<boolean>(n).fill(false)
  for (const s of starts) {
    cost[s * 2] = 0
    hops[s * 2] = 0
  }
  for (;;) {
    let best = -1
    for (let i = 0; i < n; i++) {
      if (done[i] || cost[i] === Infinity) continue
      if (
        best === -1 ||
        cost[i]! < cost[best]! ||
        (cost[i] === cost[best] && hops[i]! < hops[best]!)
      ) {
        best = i
      }
    }
    if (best === -1) return null
    if (goal(best >> 1, (best & 1) === 1)) return trace(via, best)
    done[best] = true
    for (const { edge, next, cost: step } of moves(graph, best)) {
      const c = cost[best]! + step
      const h = hops[best]! + 1
      if (c < cost[next]! || (c === cost[next] && h < hops[next]!)) {
        cost[next] = c
        hops[next] = h
        via[next] = { edge, state: best }
      }
    }
  }
}

function trace(
  via: ReadonlyArray<{ edge: Edge; state: number } | undefined>,
  end: number,
): Edge[] {
  const path: Edge[] = []
  for (let step = via[end]; step !== undefined; step = via[step.state]) {
    path.unshift(step.edge)
  }
  return path
}

/** Every search state reachable from the given vertices (entered unsettled). */
function reachableStates(graph: Graph, starts: readonly number[]): Set<number> {
  const seen = new Set<number>(starts.map((s) => s * 2))
  const queue = [...seen]
  while (queue.length > 0) {
    const state = queue.shift()!
    for (const { next } of moves(graph, state)) {
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return seen
}

/** Every vertex data starting at `starts` can be migrated to. */
export function reachable(
  graph: Graph,
  starts: readonly number[],
): Set<number> {
  return new Set([...reachableStates(graph, starts)].map((s) => s >> 1))
}

/** Every vertex data can start at and still reach vertex `target`. */
export function reachingTo(graph: Graph, target: number): Set<number> {
  const result = new Set<number>()
  graph.vertices.forEach((_, i) => {
    if (reachable(graph, [i]).has(target)) result.add(i)
  })
  return result
}

/**
 * The vertices a target may be reached at from `start`: declared versions, and ranges
 * entered by a `down` migration.
 */
export function targetsFrom(graph: Graph, start: number): Set<number> {
  const result = new Set<number>()
  for (const state of reachableStates(graph, [start])) {
    const i = state >> 1
    if (graph.vertices[i]!.kind === 'version' || (state & 1) === 1)
      result.add(i)
  }
  return result
}
