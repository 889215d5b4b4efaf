import type { Effects } from '../effects'
import type {
  CheckDependenciesResult,
  DependencyRequirement,
  HealthCheckId,
  PackageId,
} from '../types'
import {
  dependencyProblems,
  healthCheckIds,
  healthProblems,
  installedVersionMatches,
  installedVersionProblem,
  notInstalledProblem,
  notRunningProblem,
  tasksProblem,
} from './conditions'
import type { DependencyInfo } from './conditions'
import {
  missingResult,
  notSatisfied,
  unknownDependency,
  unknownHealthCheck,
} from './problems'

/**
 * The answers about the service's dependencies, taken from one `checkDependencies` call:
 * each `…Satisfied` query returns a boolean, each `throwIf…` variant throws an error naming
 * the dependency and what to do, and returns `null` when the condition holds.
 */
export type CheckDependencies<TDependencyId extends PackageId = PackageId> = {
  /** The requirement declared for a dependency and what the host reported about it. */
  infoFor: (packageId: TDependencyId) => {
    requirement: DependencyRequirement
    result: CheckDependenciesResult
  }
  /** Whether the dependency is installed. */
  installedSatisfied: (packageId: TDependencyId) => boolean
  /** Whether the installed version, or a version it declares it satisfies, is in range. */
  installedVersionSatisfied: (packageId: TDependencyId) => boolean
  /** Whether the dependency runs, or need not (a requirement of kind `exists`). */
  runningSatisfied: (packageId: TDependencyId) => boolean
  /** Whether no active critical task of the dependency is waiting to be run. */
  tasksSatisfied: (packageId: TDependencyId) => boolean
  /** Whether the dependency's health check reports success. */
  healthCheckSatisfied: (
    packageId: TDependencyId,
    healthCheckId: HealthCheckId,
  ) => boolean
  /** Whether every checked dependency meets every condition of its requirement. */
  satisfied: () => boolean
  /** Throws unless the dependency is installed. */
  throwIfInstalledNotSatisfied: (packageId: TDependencyId) => null
  /** Throws unless the installed version (or one it satisfies) is in range. */
  throwIfInstalledVersionNotSatisfied: (packageId: TDependencyId) => null
  /** Throws unless the dependency runs (or need not). */
  throwIfRunningNotSatisfied: (packageId: TDependencyId) => null
  /** Throws while an active critical task of the dependency waits to be run. */
  throwIfTasksNotSatisfied: (packageId: TDependencyId) => null
  /** Throws unless the health check (by default every required one) reports success. */
  throwIfHealthNotSatisfied: (
    packageId: TDependencyId,
    healthCheckId?: HealthCheckId,
  ) => null
  /** Throws one error listing every unmet condition of one dependency, or of all of them. */
  throwIfNotSatisfied: (packageId?: TDependencyId) => null
}

/** Throws the problem unless there is none. */
function throwIf(problem: string | null): null {
  if (problem !== null) throw notSatisfied([problem])
  return null
}

/**
 * Asks the host about the service's dependencies (all of them, or `packageIds`) and returns
 * the queries over that answer. Asking about an id without a requirement throws an error
 * listing the known ids.
 *
 * @example
 * ```ts
 * const deps = await checkDependencies(effects, ['bitcoind'])
 * const ready = deps.runningSatisfied('bitcoind') // false while bitcoind is stopped
 * deps.throwIfNotSatisfied() // one error listing every unmet condition
 * ```
 */
export async function checkDependencies<
  TDependencyId extends PackageId = PackageId,
>(
  effects: Effects,
  packageIds?: TDependencyId[],
): Promise<CheckDependencies<TDependencyId>> {
  const [requirements, results] = await Promise.all([
    effects.getDependencies(),
    effects.checkDependencies(
      packageIds === undefined ? {} : { packageIds: [...packageIds] },
    ),
  ])
  const wanted = packageIds === undefined ? null : new Set<string>(packageIds)
  const checked = requirements.filter((r) => wanted?.has(r.id) ?? true)
  const knownIds = checked.map((r) => r.id)
  const infoFor = (packageId: TDependencyId): DependencyInfo => {
    const requirement = checked.find((r) => r.id === packageId)
    if (requirement === undefined) {
      throw unknownDependency(packageId, knownIds, wanted !== null)
    }
    const result = results.find((r) => r.packageId === packageId)
    if (result === undefined) throw missingResult(packageId)
    return { requirement, result }
  }
  const healthCheckSatisfied = (
    packageId: TDependencyId,
    healthCheckId?: HealthCheckId,
  ): boolean => healthFor(packageId, healthCheckId).length === 0
  const healthFor = (
    packageId: TDependencyId,
    healthCheckId: HealthCheckId | undefined,
  ): string[] => {
    const info = infoFor(packageId)
    if (healthCheckId !== undefined) {
      const known = healthCheckIds(info)
      if (!known.includes(healthCheckId)) {
        throw unknownHealthCheck(packageId, healthCheckId, known)
      }
    }
    return healthProblems(info, healthCheckId)
  }
  const problemsOf = (ids: readonly TDependencyId[]): string[] =>
    ids.flatMap((id) => dependencyProblems(infoFor(id)))
  const allIds = knownIds as TDependencyId[]
  return {
    infoFor,
    installedSatisfied: (id) => notInstalledProblem(infoFor(id)) === null,
    installedVersionSatisfied: (id) => installedVersionMatches(infoFor(id)),
    runningSatisfied: (id) => notRunningProblem(infoFor(id)) === null,
    tasksSatisfied: (id) => tasksProblem(infoFor(id)) === null,
    healthCheckSatisfied,
    satisfied: () => problemsOf(allIds).length === 0,
    throwIfInstalledNotSatisfied: (id) =>
      throwIf(notInstalledProblem(infoFor(id))),
    throwIfInstalledVersionNotSatisfied: (id) =>
      throwIf(installedVersionProblem(infoFor(id))),
    throwIfRunningNotSatisfied: (id) => throwIf(notRunningProblem(infoFor(id))),
    throwIfTasksNotSatisfied: (id) => throwIf(tasksProblem(infoFor(id))),
    throwIfHealthNotSatisfied: (id, healthCheckId) => {
      const problems = healthFor(id, healthCheckId)
      if (problems.length > 0) throw notSatisfied(problems)
      return null
    },
    throwIfNotSatisfied: (id) => {
      const problems = problemsOf(id === undefined ? allIds : [id])
      if (problems.length > 0) throw notSatisfied(problems)
      return null
    },
  }
}
