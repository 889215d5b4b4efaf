import { ExtendedVersion, VersionRange } from '../exver'
import type { HostSimulator } from '../testing'
import type { DependencyRequirement } from '../types'

/** Version literals written in a range, e.g. `28.0:0` in `>=28.0:0 && <29.0:0`. */
function literals(range: string): string[] {
  return range.match(/(#[^\s:()|&!]+:)?\d[\w.+~-]*:\d+(\.\d+)*/g) ?? []
}

/**
 * A version that satisfies `range`: one of the versions the range names, or the next one
 * up from it, or `null` when none of those does.
 */
export function witness(range: string): string | null {
  let parsed: VersionRange
  try {
    parsed = VersionRange.parse(range)
  } catch {
    return null
  }
  const candidates: ExtendedVersion[] = []
  for (const text of literals(range)) {
    try {
      const v = ExtendedVersion.parse(text)
      candidates.push(v, v.incrementMinor(), v.incrementMajor())
    } catch {
      // not a full version: skip it
    }
  }
  if (candidates.length === 0) candidates.push(ExtendedVersion.parse('1.0.0:0'))
  for (const v of candidates) if (v.satisfies(parsed)) return v.toString()
  return null
}

/**
 * Stands in for the package's dependencies, as declared by its last `setDependencies`: each
 * becomes an installed package at a version its range accepts, running when the requirement
 * is `running`. Returns what was simulated and what could not be, for the report.
 */
export function simulateDependencies(sim: HostSimulator): {
  simulated: string[]
  problems: string[]
} {
  const simulated: string[] = []
  const problems: string[] = []
  const requirements: DependencyRequirement[] = sim.state().dependencies
  for (const req of requirements) {
    const version = witness(req.versionRange)
    if (version === null) {
      problems.push(
        `${req.id}: no version found that satisfies ${JSON.stringify(req.versionRange)}; its checks will fail`,
      )
      continue
    }
    sim.addPackage({
      id: req.id,
      version,
      running: req.kind === 'running',
    })
    simulated.push(
      `${req.id} ${version}${req.kind === 'running' ? ' (running)' : ''}`,
    )
  }
  return { simulated, problems }
}
