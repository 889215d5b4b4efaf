import { SdkError } from '../errors'
import { ExtendedVersion, VersionRange } from '../exver'
import type { MigrationDirection } from './types'
import type { MigrationOpts, VersionInfo } from './VersionInfo'
import { IMPOSSIBLE } from './VersionInfo'

/** A migration function as declared in `VersionInfo.of`. */
export type MigrationFn = (opts: MigrationOpts) => Promise<void>

/** A node of the graph: a declared version, or a range of versions data may be in. */
export type Vertex =
  | {
      readonly kind: 'version'
      readonly key: string
      readonly version: ExtendedVersion
    }
  | {
      readonly kind: 'range'
      readonly key: string
      readonly range: VersionRange
    }

/**
 * A directed edge. A migration edge (`direction` set) costs one step and runs `run` (absent
 * when no migration is needed); a widening edge (`direction` null) says a version lies in a
 * range, costs nothing and runs nothing.
 */
export interface Edge {
  readonly from: number
  readonly to: number
  readonly direction: MigrationDirection | null
  readonly run: MigrationFn | undefined
  /** The declaration behind the edge, for plans and errors. */
  readonly label: string
}

/** One declared version with its parsed number, kept for diagnostics. */
export interface DeclaredVersion {
  readonly version: ExtendedVersion
  readonly info: VersionInfo<string>
  /** Index of its vertex. */
  readonly vertex: number
}

/** The built graph: vertices, adjacency both ways, and the declared versions per flavor. */
export interface Graph {
  readonly vertices: Vertex[]
  readonly out: Edge[][]
  readonly in: Edge[][]
  /** Declared versions of each flavor (`''` = unflavored), oldest first. */
  readonly chains: Map<string, DeclaredVersion[]>
  /** Every declared version by vertex index. */
  readonly declared: Map<number, DeclaredVersion>
}

/** The set of versions a vertex stands for, as a range. */
export function vertexRange(vertex: Vertex): VersionRange {
  return vertex.kind === 'range'
    ? vertex.range
    : VersionRange.anchor('=', vertex.version)
}

/** The vertex as a version or range value. */
export function vertexValue(vertex: Vertex): ExtendedVersion | VersionRange {
  return vertex.kind === 'range' ? vertex.range : vertex.version
}

/** Parses every version; throws `VERSION_INVALID` naming a version declared twice. */
export function checkUnique(
  infos: readonly VersionInfo<string>[],
): ExtendedVersion[] {
  const parsed = infos.map((info) =>
    ExtendedVersion.parse(info.options.version),
  )
  const seen: ExtendedVersion[] = []
  for (const v of parsed) {
    const twin = seen.find((s) => s.flavor === v.flavor && s.equals(v))
    if (twin !== undefined) {
      throw new SdkError(
        'VERSION_INVALID',
        `VersionGraph.of: version ${v.toString()} is declared twice (as ${twin.toString()} and ${v.toString()}); each VersionInfo must have a distinct version: remove the duplicate from \`current\`/\`other\``,
        { details: { version: v.toString() } },
      )
    }
    seen.push(v)
  }
  return parsed
}

function sortChains(
  infos: readonly VersionInfo<string>[],
  versions: ExtendedVersion[],
): Array<
  [string, Array<{ version: ExtendedVersion; info: VersionInfo<string> }>]
> {
  const chains = new Map<
    string,
    Array<{ version: ExtendedVersion; info: VersionInfo<string> }>
  >()
  versions.forEach((version, i) => {
    const flavor = version.flavor ?? ''
    const chain = chains.get(flavor) ?? []
    chain.push({ version, info: infos[i]! })
    chains.set(flavor, chain)
  })
  for (const chain of chains.values()) {
    chain.sort((a, b) => (a.version.lessThan(b.version) ? -1 : 1))
  }
  return [...chains.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

function asMigration(value: unknown): MigrationFn | undefined {
  return typeof value === 'function' ? (value as MigrationFn) : undefined
}

/** Builds the migration graph of the given versions (`current` first); throws on duplicates. */
export function buildGraph(infos: readonly VersionInfo<string>[]): Graph {
  const versions = checkUnique(infos)
  const vertices: Vertex[] = []
  const index = new Map<string, number>()
  const out: Edge[][] = []
  const into: Edge[][] = []
  const vertexOf = (vertex: Vertex): number => {
    const known = index.get(vertex.key)
    if (known !== undefined) return known
    vertices.push(vertex)
    out.push([])
    into.push([])
    index.set(vertex.key, vertices.length - 1)
    return vertices.length - 1
  }
  const rangeVertex = (range: VersionRange): number => {
    const normal = range.normalize()
    return vertexOf({
      kind: 'range',
      key: `range ${normal.toString()}`,
      range: normal,
    })
  }
  const edge = (e: Edge): void => {
    out[e.from]!.push(e)
    into[e.to]!.push(e)
  }
  const chains = new Map<string, DeclaredVersion[]>()
  const declared = new Map<number, DeclaredVersion>()
  const sorted = sortChains(infos, versions)
  for (const [flavor, chain] of sorted) {
    const list = chain.map(({ version, info }) => {
      const vertex = vertexOf({
        kind: 'version',
        key: `version ${version.toString()}`,
        version,
      })
      const entry = { version, info, vertex }
      declared.set(vertex, entry)
      return entry
    })
    chains.set(flavor, list)
  }
  for (const list of chains.values()) {
    list.forEach((entry, i) => {
      const prev = i === 0 ? undefined : list[i - 1]
      const name = entry.version.toString()
      const below = VersionRange.anchor('<', entry.version)
      const gap =
        prev === undefined
          ? below
          : VersionRange.anchor('>=', prev.version).and(below)
      const { up, down, other } = entry.info.options.migrations
      if (up !== IMPOSSIBLE) {
        const label = `the \`up\` migration of ${name}`
        const run = asMigration(up)
        if (prev !== undefined) {
          edge({
            from: prev.vertex,
            to: entry.vertex,
            direction: 'up',
            run,
            label,
          })
        }
        edge({
          from: rangeVertex(gap),
          to: entry.vertex,
          direction: 'up',
          run,
          label,
        })
      }
      if (down !== IMPOSSIBLE) {
        const label = `the \`down\` migration of ${name}`
        const run = asMigration(down)
        if (prev !== undefined) {
          edge({
            from: entry.vertex,
            to: prev.vertex,
            direction: 'down',
            run,
            label,
          })
        }
        edge({
          from: entry.vertex,
          to: rangeVertex(gap),
          direction: 'down',
          run,
          label,
        })
      }
      for (const [key, pair] of Object.entries(other ?? {})) {
        const range = rangeVertex(VersionRange.parse(key))
        const field = `migrations.other[${JSON.stringify(key)}]`
        const upFn = asMigration(pair?.up)
        if (upFn !== undefined) {
          const label = `\`${field}.up\` of ${name}`
          edge({
            from: range,
            to: entry.vertex,
            direction: 'up',
            run: upFn,
            label,
          })
        }
        const downFn = asMigration(pair?.down)
        if (downFn !== undefined) {
          const label = `\`${field}.down\` of ${name}`
          edge({
            from: entry.vertex,
            to: range,
            direction: 'down',
            run: downFn,
            label,
          })
        }
      }
    })
  }
  for (const [i, entry] of declared) {
    vertices.forEach((vertex, j) => {
      if (vertex.kind === 'range' && vertex.range.satisfiedBy(entry.version)) {
        edge({
          from: i,
          to: j,
          direction: null,
          run: undefined,
          label: 'lies in',
        })
      }
    })
  }
  return { vertices, out, in: into, chains, declared }
}
