import type { Effects } from '../effects'
import { VersionRange } from '../exver'
import type { DependencyRequirement } from '../types'
import type { DependencyManifestLike } from './manifestLike'
import { invalidField, malformedRange } from './problems'
import type { CurrentDependenciesResult, ValidateDependencies } from './types'

const EXAMPLE = `write it as { kind: 'running', versionRange: '>=1.0.0:0', healthChecks: [] } or { kind: 'exists', versionRange: '>=1.0.0:0' }`

/** One entry of the function's result, checked and turned into the host's requirement shape. */
function requirementOf(id: string, value: unknown): DependencyRequirement {
  const where = `setupDependencies, dependency "${id}"`
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidField(where, id, 'a requirement object', value, EXAMPLE)
  }
  const req = value as Record<string, unknown>
  const { kind, versionRange } = req
  if (kind !== 'running' && kind !== 'exists') {
    throw invalidField(
      where,
      `${id}.kind`,
      `'running' or 'exists'`,
      kind,
      EXAMPLE,
    )
  }
  if (typeof versionRange !== 'string') {
    throw invalidField(
      where,
      `${id}.versionRange`,
      'an exver range string',
      versionRange,
      EXAMPLE,
    )
  }
  try {
    VersionRange.parse(versionRange)
  } catch (e) {
    throw malformedRange(id, versionRange, e)
  }
  if (kind === 'exists') return { id, kind, versionRange }
  const { healthChecks } = req
  if (
    !Array.isArray(healthChecks) ||
    !healthChecks.every((check) => typeof check === 'string')
  ) {
    throw invalidField(
      where,
      `${id}.healthChecks`,
      'an array of health check ids',
      healthChecks,
      `list the dependency's health checks that must pass, or [] for none`,
    )
  }
  return { id, kind, versionRange, healthChecks: [...healthChecks] }
}

/**
 * Declares the service's dependencies: returns an init function that runs `fn` and sends its
 * result to the host with `effects.setDependencies`. Dependencies whose manifest entry has
 * `optional: false` must be listed; ids must be declared in the manifest; `versionRange`
 * literals are checked at compile time and every range again when the function runs.
 *
 * `sdk.setupDependencies` binds `TManifest` to the package's manifest; called directly,
 * any dependency id is accepted.
 *
 * @example
 * ```ts
 * export const setDependencies = setupDependencies(async ({ effects }) => ({
 *   bitcoind: { kind: 'running', versionRange: '>=28.0:0', healthChecks: ['rpc'] },
 *   electrs: { kind: 'exists', versionRange: '^0.10:0' },
 * }))
 * ```
 */
export function setupDependencies<
  TManifest extends DependencyManifestLike,
  const TResult extends CurrentDependenciesResult<TManifest>,
>(
  fn: (options: {
    effects: Effects
  }) => Promise<TResult & ValidateDependencies<TManifest, TResult>>,
): (effects: Effects) => Promise<null> {
  return async (effects) => {
    const result: Record<string, unknown> = await fn({ effects })
    const dependencies: DependencyRequirement[] = []
    for (const [id, value] of Object.entries(result)) {
      if (value !== undefined) dependencies.push(requirementOf(id, value))
    }
    await effects.setDependencies({ dependencies })
    return null
  }
}
