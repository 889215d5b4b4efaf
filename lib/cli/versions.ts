import { ExtendedVersion, VersionRange } from '../exver'
import type { Manifest } from '../types'
import type { ExverLiteral } from './literals'
import type { GraphLike } from './loadPackage'
import type { Findings } from './report'

function parseVersion(text: string): ExtendedVersion | undefined {
  try {
    return ExtendedVersion.parse(text)
  } catch {
    return undefined
  }
}

function parseRange(text: string): VersionRange | undefined {
  try {
    return VersionRange.parse(text)
  } catch {
    return undefined
  }
}

/** The declared versions other than the current one, parsed, each once. */
function others(
  manifest: Manifest,
  declared: readonly ExverLiteral[],
): { literal: ExverLiteral; version: ExtendedVersion }[] {
  const current = parseVersion(manifest.version)
  const seen: ExtendedVersion[] = []
  const out: { literal: ExverLiteral; version: ExtendedVersion }[] = []
  for (const literal of declared) {
    const version = parseVersion(literal.text)
    if (version === undefined) continue
    if (current !== undefined && version.equals(current)) continue
    if (seen.some((s) => s.equals(version))) continue
    seen.push(version)
    out.push({ literal, version })
  }
  return out
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Checks that every declared version can be migrated up to the current one (an error: data
 * left at that version would be stuck) and that the current version can be migrated down to
 * it (a warning: `IMPOSSIBLE` downgrades are often intended). Uses the package's own graph's
 * `plan()` when it can be found, for its hint; else the manifest's migration ranges.
 */
export function checkVersionGraph(
  findings: Findings,
  manifest: Manifest,
  graph: GraphLike | undefined,
  declared: readonly ExverLiteral[],
): void {
  const from = parseRange(manifest.canMigrateFrom)
  const to = parseRange(manifest.canMigrateTo)
  const current = manifest.version
  for (const { literal, version } of others(manifest, declared)) {
    const where = {
      file: literal.file,
      line: literal.line,
      column: literal.column,
    }
    const up = reachable(graph, version, current, 'up', from)
    if (up !== true) {
      findings.add({
        ...where,
        severity: 'error',
        area: 'versions',
        message: `data at ${version} cannot be migrated up to the current version ${current}${up === false ? ` (canMigrateFrom is \`${manifest.canMigrateFrom}\`)` : `: ${up}`}`,
        fix: `give the versions between ${version} and ${current} \`up\` migrations (not IMPOSSIBLE), or add \`other: { '${version}': { up } }\` to the migrations of ${current}; or drop ${version} from the graph if no one runs it`,
      })
    }
    const down = reachable(graph, version, current, 'down', to)
    if (down !== true) {
      findings.add({
        ...where,
        severity: 'warning',
        area: 'versions',
        message: `the current version ${current} cannot be migrated down to ${version}${down === false ? ` (canMigrateTo is \`${manifest.canMigrateTo}\`)` : `: ${down}`}; users cannot downgrade to it`,
        fix: `if that is intended (a \`down: IMPOSSIBLE\`), nothing; otherwise give the versions above ${version} \`down\` migrations`,
      })
    }
  }
}

/** `true`, or why not (the plan's error), or `false` when only the range says no. */
function reachable(
  graph: GraphLike | undefined,
  version: ExtendedVersion,
  current: string,
  direction: 'up' | 'down',
  range: VersionRange | undefined,
): true | false | string {
  const cur = parseVersion(current)
  if (graph !== undefined && cur !== undefined) {
    try {
      graph.plan(
        direction === 'up'
          ? { from: version, to: cur }
          : { from: cur, to: version },
      )
      return true
    } catch (error) {
      return reason(error)
    }
  }
  if (range === undefined) return true
  return range.satisfiedBy(version)
}

/**
 * The version an update is tried from: the newest declared version below the current one
 * that the current version can migrate down to and up from; `undefined` when there is none.
 */
export function previousVersion(
  manifest: Manifest,
  graph: GraphLike | undefined,
  declared: readonly ExverLiteral[],
): ExtendedVersion | undefined {
  const current = parseVersion(manifest.version)
  if (current === undefined) return undefined
  const from = parseRange(manifest.canMigrateFrom)
  const to = parseRange(manifest.canMigrateTo)
  const candidates = others(manifest, declared)
    .map((o) => o.version)
    .filter((v) => v.lessThan(current))
    .filter(
      (v) =>
        reachable(graph, v, manifest.version, 'up', from) === true &&
        reachable(graph, v, manifest.version, 'down', to) === true,
    )
    .sort((a, b) => b.compareForSort(a))
  return candidates[0]
}
