import type { ExtendedVersion } from '../exver'
import type { Graph } from './graph'

/**
 * The graph as text: a header naming the current version, then each vertex with its outgoing
 * edges (`up`/`down` migrations, and `in` for a version lying in a range).
 */
export function dumpGraph(graph: Graph, current: ExtendedVersion): string {
  const lines = [`VersionGraph (current ${current})`]
  graph.vertices.forEach((vertex, i) => {
    const name =
      vertex.kind === 'version'
        ? `version ${vertex.version}`
        : `range ${vertex.range}`
    lines.push(`  ${name}`)
    for (const e of graph.out[i]!) {
      const target = graph.vertices[e.to]!
      const to =
        target.kind === 'version' ? `${target.version}` : `${target.range}`
      lines.push(
        e.direction === null
          ? `    in ${to}`
          : `    ${e.direction} → ${to} (${e.run === undefined ? 'nothing to run' : e.label})`,
      )
    }
  })
  return lines.join('\n')
}
