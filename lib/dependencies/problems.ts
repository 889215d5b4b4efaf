import { SdkError } from '../errors'
import { describeValue } from '../util'
import type { SdkErrorCode } from '../errors'

/**
 * The code each kind of dependency error carries. `lib/errors` has no dependency codes yet
 * (`DEPENDENCY_INVALID`, `DEPENDENCY_UNKNOWN`, `DEPENDENCY_NOT_SATISFIED` are proposed), so
 * the closest existing codes stand in; this table is the one place to switch them.
 */
const CODES = {
  invalid: 'DEPENDENCY_INVALID',
  range: 'EXVER_PARSE',
  unknown: 'DEPENDENCY_UNKNOWN',
  unsatisfied: 'DEPENDENCY_NOT_SATISFIED',
} as const satisfies Record<string, SdkErrorCode>

const shown = describeValue

/** A field of a dependency requirement or mount option that is not what it must be. */
export function invalidField(
  where: string,
  field: string,
  rule: string,
  value: unknown,
  hint: string,
): SdkError {
  return new SdkError(
    CODES.invalid,
    `${where}: expected \`${field}\` to be ${rule}, got ${shown(value)}; ${hint}`,
    { details: { field, value } },
  )
}

/** A `versionRange` the exver parser rejected; the parse error is the cause. */
export function malformedRange(
  dependencyId: string,
  versionRange: string,
  cause: unknown,
): SdkError {
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new SdkError(
    CODES.range,
    `Malformed versionRange ${JSON.stringify(versionRange)} for dependency "${dependencyId}": ${reason}`,
    { cause, details: { dependencyId, versionRange } },
  )
}

/** An id that `checkDependencies` has no requirement for. */
export function unknownDependency(
  dependencyId: string,
  knownIds: readonly string[],
  filtered: boolean,
): SdkError {
  const known =
    knownIds.length === 0
      ? 'there are none'
      : knownIds.map((id) => `"${id}"`).join(', ')
  const fix = filtered
    ? 'include it in the packageIds passed to checkDependencies'
    : 'declare it with setupDependencies'
  return new SdkError(
    CODES.unknown,
    `Unknown dependency id "${dependencyId}": the known dependency ids are ${known}; use one of them or ${fix}`,
    { details: { dependencyId, knownIds: [...knownIds] } },
  )
}

/** A requirement the host returned no check result for. */
export function missingResult(dependencyId: string): SdkError {
  return new SdkError(
    CODES.unknown,
    `No check result for dependency "${dependencyId}": the host's checkDependencies did not report it; call checkDependencies again after setDependencies has run`,
    { details: { dependencyId } },
  )
}

/** A health check id that is neither required nor reported for a dependency. */
export function unknownHealthCheck(
  dependencyId: string,
  healthCheckId: string,
  knownIds: readonly string[],
): SdkError {
  const known =
    knownIds.length === 0
      ? 'it has none'
      : `its health checks are ${knownIds.map((id) => `"${id}"`).join(', ')}`
  return new SdkError(
    CODES.unknown,
    `Unknown health check "${healthCheckId}" for dependency "${dependencyId}": ${known}; use one of them or require it in setupDependencies`,
    { details: { dependencyId, healthCheckId, knownIds: [...knownIds] } },
  )
}

/** One or more unmet dependency conditions, each message naming the dependency and the fix. */
export function notSatisfied(messages: readonly string[]): SdkError {
  const text =
    messages.length === 1
      ? messages[0]
      : `${messages.length} dependency problems: ${messages.join('; ')}`
  return new SdkError(CODES.unsatisfied, text, {
    details: { problems: [...messages] },
  })
}
