import { SdkError } from '../errors'
import { ExtendedVersion } from '../exver'
import type { DeclaredVersion, Graph } from './graph'
import type { VersionLike } from './path'
import { reachable } from './path'
import { IMPOSSIBLE } from './VersionInfo'

function chainOf(graph: Graph, version: ExtendedVersion): DeclaredVersion[] {
  return graph.chains.get(version.flavor ?? '') ?? []
}

function declaredAt(
  graph: Graph,
  version: ExtendedVersion,
): DeclaredVersion | undefined {
  return chainOf(graph, version).find(
    (d) => d.version.flavor === version.flavor && d.version.equals(version),
  )
}

/** The hint for an unreachable declared version `to`, given the versions reached. */
function towardVersion(
  graph: Graph,
  from: VersionLike,
  to: DeclaredVersion,
  reached: Set<number>,
): { last: string; hint: string } {
  const chain = chainOf(graph, to.version)
  const at = chain.indexOf(to)
  const below = chain.slice(0, at).filter((d) => reached.has(d.vertex))
  const above = chain.slice(at + 1).filter((d) => reached.has(d.vertex))
  const fromText = from.toString()
  const goingDown =
    from instanceof ExtendedVersion
      ? from.greaterThan(to.version)
      : below.length === 0 && above.length > 0
  if (!goingDown && below.length > 0) {
    const last = below[below.length - 1]!
    const next = chain[chain.indexOf(last) + 1]!
    const blocked = next.info.options.migrations.up === IMPOSSIBLE
    const what = blocked
      ? `the \`up\` migration of ${next.version} is IMPOSSIBLE: replace it with a migration, or add`
      : 'add'
    return {
      last: last.version.toString(),
      hint: `${what} \`other: { '>=${last.version} && <${to.version}': { up } }\` to the migrations of ${to.version}`,
    }
  }
  if (goingDown && above.length > 0) {
    const last = above[0]!
    const blocked = last.info.options.migrations.down === IMPOSSIBLE
    const what = blocked
      ? `the \`down\` migration of ${last.version} is IMPOSSIBLE: replace it with a migration, or add`
      : 'add'
    return {
      last: last.version.toString(),
      hint: `${what} \`other: { '${to.version}': { down } }\` to the migrations of ${last.version}`,
    }
  }
  const key = goingDown ? to.version.toString() : fromText
  return {
    last: fromText,
    hint: goingDown
      ? `add a migration down from ${fromText} (\`other: { '${key}': { down } }\` on the version the data is at)`
      : `add \`other: { '${key}': { up } }\` to the migrations of ${to.version}`,
  }
}

/** The lowest declared version reached, for range targets (usually a downgrade). */
function towardRange(
  graph: Graph,
  from: VersionLike,
  to: VersionLike,
  reached: Set<number>,
): { last: string; hint: string } {
  const hits = [...graph.declared.values()].filter(
    (d) =>
      reached.has(d.vertex) &&
      (!(from instanceof ExtendedVersion) || d.version.flavor === from.flavor),
  )
  hits.sort((a, b) => (a.version.lessThan(b.version) ? -1 : 1))
  const last = hits[0]
  if (last === undefined) {
    return {
      last: from.toString(),
      hint: `add \`other: { '${to}': { down } }\` to the migrations of the version the data is at`,
    }
  }
  const blocked = last.info.options.migrations.down === IMPOSSIBLE
  const what = blocked
    ? `the \`down\` migration of ${last.version} is IMPOSSIBLE: replace it with a migration, or add`
    : 'add'
  return {
    last: last.version.toString(),
    hint: `${what} \`other: { '${to}': { down } }\` to the migrations of ${last.version}`,
  }
}

/** The `MIGRATION_UNREACHABLE` error for `from` → `to`, naming how far a path gets and what to add. */
export function unreachableError(
  graph: Graph,
  from: VersionLike,
  to: VersionLike,
  starts: readonly number[],
): SdkError {
  const details = { from: from.toString(), to: to.toString() }
  const prefix = `Cannot migrate from ${from} to ${to}`
  if (starts.length === 0) {
    return new SdkError(
      'MIGRATION_UNREACHABLE',
      `${prefix}: no version or range of this VersionGraph contains ${from}; add a VersionInfo for it, or an \`other\` migration keyed by a range that contains it`,
      { details: { ...details, reached: from.toString() } },
    )
  }
  if (to instanceof ExtendedVersion && declaredAt(graph, to) === undefined) {
    return new SdkError(
      'MIGRATION_UNREACHABLE',
      `${prefix}: ${to} is not a version of this VersionGraph; add its VersionInfo to \`VersionGraph.of\``,
      { details: { ...details, reached: from.toString() } },
    )
  }
  const reached = reachable(graph, starts)
  const target =
    to instanceof ExtendedVersion ? declaredAt(graph, to) : undefined
  const { last, hint } =
    target !== undefined
      ? towardVersion(graph, from, target, reached)
      : towardRange(graph, from, to, reached)
  return new SdkError(
    'MIGRATION_UNREACHABLE',
    `${prefix}: no migration path; the furthest reachable version is ${last}. Fix: ${hint}`,
    { details: { ...details, reached: last } },
  )
}
