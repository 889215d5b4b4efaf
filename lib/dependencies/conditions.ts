import { ExtendedVersion, Version, VersionRange } from '../exver'
import type {
  CheckDependenciesResult,
  DependencyRequirement,
  HealthCheckId,
} from '../types'
import { malformedRange } from './problems'

/** A dependency's declared requirement and the host's report about it. */
export type DependencyInfo = {
  requirement: DependencyRequirement
  result: CheckDependenciesResult
}

/** How messages name a dependency: its title and id, or the id alone. */
function label({ result }: DependencyInfo): string {
  return result.title === null || result.title === result.packageId
    ? `"${result.packageId}"`
    : `${result.title} ("${result.packageId}")`
}

/** The requirement's range, parsed; a malformed one names the dependency. */
function rangeOf({ requirement }: DependencyInfo): VersionRange {
  try {
    return VersionRange.parse(requirement.versionRange)
  } catch (e) {
    throw malformedRange(requirement.id, requirement.versionRange, e)
  }
}

/** A reported version as exver reads it (`1.2.3` as `1.2.3:0`), or `null` if it is not one. */
function versionOf(text: string): ExtendedVersion | Version | null {
  const readers = [
    (t: string) => ExtendedVersion.parse(t),
    (t: string) => Version.parse(t),
  ]
  for (const read of readers) {
    try {
      return read(text)
    } catch {
      // not this shape; try the next
    }
  }
  return null
}

/** `null` when the dependency is installed, else what to do about it. */
export function notInstalledProblem(info: DependencyInfo): string | null {
  if (info.result.installedVersion !== null) return null
  return `Dependency ${label(info)} is not installed: install it`
}

/**
 * Whether the installed version, or any version the installed package declares it
 * satisfies, is in the requirement's range.
 */
export function installedVersionMatches(info: DependencyInfo): boolean {
  const { installedVersion, satisfies } = info.result
  if (installedVersion === null) return false
  const range = rangeOf(info)
  return [installedVersion, ...satisfies].some((text) => {
    const version = versionOf(text)
    return version !== null && version.satisfies(range)
  })
}

/** `null` when the installed version is in range, else what to do about it. */
export function installedVersionProblem(info: DependencyInfo): string | null {
  const missing = notInstalledProblem(info)
  if (missing !== null) return missing
  if (installedVersionMatches(info)) return null
  const { installedVersion, satisfies } = info.result
  const also =
    satisfies.length === 0
      ? ''
      : ` (declared to satisfy ${satisfies.join(', ')})`
  return `Dependency ${label(info)} is installed at version ${installedVersion}${also}, outside the required range ${info.requirement.versionRange}: install a version in that range`
}

/** `null` when the dependency runs or need not, else what to do about it. */
export function notRunningProblem(info: DependencyInfo): string | null {
  if (info.requirement.kind !== 'running' || info.result.isRunning) return null
  return `Dependency ${label(info)} is not running: start it`
}

/** `null` when no active critical task waits, else which ones to run. */
export function tasksProblem(info: DependencyInfo): string | null {
  const waiting = Object.values(info.result.tasks).filter(
    (entry) => entry.active && entry.task.severity === 'critical',
  )
  if (waiting.length === 0) return null
  const actions = waiting.map((entry) => `"${entry.task.actionId}"`).join(', ')
  const [count, them] =
    waiting.length === 1
      ? ['a critical task', 'it']
      : ['critical tasks', 'them']
  return `Dependency ${label(info)} has ${count} to run first (action ${actions}): run ${them} from the dependency's actions`
}

/** The health checks a dependency's requirement lists or its report contains. */
export function healthCheckIds(info: DependencyInfo): HealthCheckId[] {
  const required =
    info.requirement.kind === 'running' ? info.requirement.healthChecks : []
  const reported = Object.keys(info.result.healthChecks)
  return [...new Set([...required, ...reported])]
}

/**
 * What keeps one health check (or, without an id, every health check the requirement
 * lists) from reporting success; empty when nothing does.
 */
export function healthProblems(
  info: DependencyInfo,
  healthCheckId?: HealthCheckId,
): string[] {
  const { requirement, result } = info
  const ids =
    healthCheckId !== undefined
      ? [healthCheckId]
      : requirement.kind === 'running'
        ? requirement.healthChecks
        : []
  const problems: string[] = []
  for (const id of ids) {
    const check = result.healthChecks[id]
    if (check === undefined) {
      problems.push(
        result.isRunning
          ? `Health check "${id}" of dependency ${label(info)} has not reported yet: wait for it to pass`
          : `Health check "${id}" of dependency ${label(info)} cannot pass while the dependency is stopped: start it`,
      )
    } else if (check.result !== 'success') {
      const why = check.message === null ? '' : ` (${check.message})`
      problems.push(
        `Health check "${check.name}" of dependency ${label(info)} is ${check.result}${why}: wait for it to pass or fix the dependency`,
      )
    }
  }
  return problems
}

/**
 * Every unmet condition of one dependency: not installed (nothing else is checked then),
 * version out of range, not running (its health checks are then not checked), failing
 * health checks, waiting critical tasks.
 */
export function dependencyProblems(info: DependencyInfo): string[] {
  const missing = notInstalledProblem(info)
  if (missing !== null) return [missing]
  const problems: string[] = []
  const version = installedVersionProblem(info)
  if (version !== null) problems.push(version)
  const stopped = notRunningProblem(info)
  if (stopped !== null) problems.push(stopped)
  else if (info.requirement.kind === 'running') {
    problems.push(...healthProblems(info))
  }
  const tasks = tasksProblem(info)
  if (tasks !== null) problems.push(tasks)
  return problems
}
