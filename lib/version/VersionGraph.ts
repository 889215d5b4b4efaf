import type { Effects } from '../effects'
import { SdkError } from '../errors'
import { ExtendedVersion, VersionRange } from '../exver'
import type { FullProgressTracker } from '../progress'
import type { InitKind } from '../types'
import { adopt, getDataVersion, setDataVersion } from './dataVersion'
import { dumpGraph } from './dump'
import type { Edge, Graph } from './graph'
import { buildGraph, checkUnique, vertexRange } from './graph'
import type { VersionLike } from './path'
import {
  cheapestPath,
  isGoal,
  overlapsRange,
  reachingTo,
  startVertices,
  targetsFrom,
} from './path'
import { runPath, stepsOf } from './run'
import type { EnsureUniqueId, MigrationStep } from './types'
import { unreachableError } from './unreachable'
import type { VersionInfo } from './VersionInfo'

interface GraphState {
  readonly infos: readonly VersionInfo<string>[]
  graph: Graph | undefined
  from: VersionRange | undefined
  to: VersionRange | undefined
}

const states = new WeakMap<object, GraphState>()

function stateOf(graph: object): GraphState {
  const s = states.get(graph)
  if (s === undefined) throw new TypeError('not a VersionGraph')
  return s
}

function built(graph: object): Graph {
  const s = stateOf(graph)
  s.graph ??= buildGraph(s.infos)
  return s.graph
}

/** The vertex of `current` (declared first). */
function currentIndex(owner: object, graph: Graph): number {
  const current = stateOf(owner).infos[0]
  for (const d of graph.declared.values())
    if (d.info === current) return d.vertex
  throw new TypeError('the current version is missing from its graph')
}

function union(graph: Graph, vertices: Iterable<number>): VersionRange {
  const ranges = [...vertices].map((i) => vertexRange(graph.vertices[i]!))
  return VersionRange.or(...ranges).normalize()
}

/** Resolves `from` → `to` to the edges that run, or throws `MIGRATION_UNREACHABLE`. */
function resolve(graph: Graph, from: VersionLike, to: VersionLike): Edge[] {
  if (overlapsRange(from, to)) return []
  const starts = startVertices(graph, from)
  const path = cheapestPath(graph, starts, (i, settled) =>
    isGoal(graph, i, settled, to),
  )
  if (path === null) throw unreachableError(graph, from, to, starts)
  return path
}

/**
 * Every version of a service and the migrations between them. It is the service's version
 * init and uninit step: on start it brings the data from the stored data version to the
 * current one, and before a downgrade it takes the data down to what the older version
 * accepts. Paths are checked before anything runs ({@link VersionGraph.plan}).
 *
 * @example
 * ```ts
 * export const versions = VersionGraph.of({ current: v1_1_0, other: [v1_0_0] })
 * export const init = setupInit(versions, setInterfaces, actions)
 * export const uninit = setupUninit(versions)
 * ```
 */
export class VersionGraph<CurrentVersion extends string> {
  /** The version this package is. */
  readonly current: VersionInfo<CurrentVersion>
  /** The current version, parsed. */
  currentVersion: () => ExtendedVersion
  /** The data versions this package can migrate to its current version (normalized). */
  canMigrateFrom: () => VersionRange
  /** The versions this package can migrate its data to (normalized). */
  canMigrateTo: () => VersionRange

  /**
   * Prefer {@link VersionGraph.of}, which checks unique versions at compile time. Throws
   * `VERSION_INVALID` when two versions are equal.
   */
  constructor(options: {
    current: VersionInfo<CurrentVersion>
    other: readonly VersionInfo<any>[]
  }) {
    this.current = options.current
    const infos = [options.current, ...options.other] as VersionInfo<string>[]
    states.set(this, {
      infos,
      graph: undefined,
      from: undefined,
      to: undefined,
    })
    checkUnique(infos)
    const version = ExtendedVersion.parse(options.current.options.version)
    this.currentVersion = () => version
    this.canMigrateFrom = () => {
      const s = stateOf(this)
      const graph = built(this)
      s.from ??= union(graph, reachingTo(graph, currentIndex(this, graph)))
      return s.from
    }
    this.canMigrateTo = () => {
      const s = stateOf(this)
      const graph = built(this)
      s.to ??= union(graph, targetsFrom(graph, currentIndex(this, graph)))
      return s.to
    }
  }

  /**
   * Builds the graph of a service's versions: `current` (this package's version) and every
   * other version there are migrations from or to. Versions must be distinct (a compile
   * error, and `VERSION_INVALID` at run time).
   *
   * @example
   * ```ts
   * export const versions = VersionGraph.of({ current: v2_0_0, other: [v1_0_0, v1_1_0] })
   * ```
   */
  static of<
    CurrentVersion extends string,
    const OtherVersions extends Array<VersionInfo<any>>,
  >(options: {
    current: VersionInfo<CurrentVersion>
    other: OtherVersions &
      EnsureUniqueId<
        OtherVersions,
        [VersionInfo<CurrentVersion>, ...OtherVersions]
      >
  }): VersionGraph<CurrentVersion> {
    return new VersionGraph(options)
  }

  /** The graph as text, one vertex per line with its outgoing migrations, for debugging. */
  dump(): string {
    return dumpGraph(built(this), this.currentVersion())
  }

  /**
   * The migrations that would take data from `from` to `to`, in order (`[]` when they
   * overlap: nothing to do), without running anything. Throws `MIGRATION_UNREACHABLE`
   * naming the furthest version reached and what to declare when there is no path.
   *
   * @example
   * ```ts
   * versions.plan({ from: ExtendedVersion.parse('1.0:0'), to: versions.currentVersion() })
   * // [{ from: 1.0:0, to: 1.1:0, direction: 'up', migration: 'the `up` migration of 1.1:0' }]
   * ```
   */
  plan(options: {
    from: ExtendedVersion | VersionRange
    to: ExtendedVersion | VersionRange
  }): MigrationStep[] {
    const graph = built(this)
    return stepsOf(
      graph,
      resolve(graph, adopt(options.from), adopt(options.to)),
    )
  }

  /**
   * Runs the cheapest migration path from `from` to `to` (checked first, as by
   * {@link VersionGraph.plan}), giving each migration a nested phase of `progress`, and
   * stores the data version after each migration that succeeds. Returns the version
   * reached. A failing migration throws `MIGRATION_FAILED` and leaves the data version at
   * the last completed step.
   */
  async migrate(options: {
    effects: Effects
    from: ExtendedVersion | VersionRange
    to: ExtendedVersion | VersionRange
    progress?: FullProgressTracker
  }): Promise<ExtendedVersion | VersionRange> {
    const graph = built(this)
    const from = adopt(options.from)
    const path = resolve(graph, from, adopt(options.to))
    return runPath({
      graph,
      path,
      effects: options.effects,
      from,
      progress: options.progress,
    })
  }

  /**
   * The init step: stores the current version when no data version is set (a fresh
   * install), otherwise migrates the data from the stored version to the current one. An
   * unreachable stored version is refused before anything runs or is written.
   */
  async init(
    effects: Effects,
    _kind?: InitKind,
    progress?: FullProgressTracker,
  ): Promise<void> {
    const current = this.currentVersion()
    const stored = await getDataVersion(effects)
    if (stored === null) {
      await setDataVersion(effects, current)
      return
    }
    const graph = built(this)
    const path = resolve(graph, stored, current)
    if (stepsOf(graph, path).length > 0) {
      await runPath({ graph, path, effects, from: stored, progress })
    } else if (!(stored instanceof ExtendedVersion && stored.equals(current))) {
      await setDataVersion(effects, current)
    }
  }

  /**
   * The uninit step: before a downgrade, migrates the data down until it suits `target`
   * (the new package's `canMigrateFrom`). Does nothing on uninstall (`null`), when no data
   * version is stored, or when the data already suits the target. An unreachable target is
   * refused before anything runs or is written.
   */
  async uninit(
    effects: Effects,
    target: VersionRange | ExtendedVersion | null,
  ): Promise<void> {
    if (target === null) return
    const to = adopt(target)
    if (to instanceof VersionRange && !to.satisfiable()) {
      throw new SdkError(
        'MIGRATION_UNREACHABLE',
        `Cannot migrate to ${to}: the target range matches no version; the new package's canMigrateFrom must name at least one version`,
        { details: { to: to.toString() } },
      )
    }
    const stored = await getDataVersion(effects)
    if (stored === null) return
    const graph = built(this)
    const path = resolve(graph, stored, to)
    if (stepsOf(graph, path).length === 0) return
    await runPath({ graph, path, effects, from: stored, progress: undefined })
  }
}
