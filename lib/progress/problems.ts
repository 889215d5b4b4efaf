import { SdkError } from '../errors'
import type { SdkErrorCode } from '../errors'

/** The code of every invalid progress update (no dedicated progress code exists yet). */
const CODE: SdkErrorCode = 'PROGRESS_INVALID'

/** Refuses a count that is not a finite, non-negative number. */
export function checkAmount(
  phase: string,
  field: string,
  value: unknown,
): void {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return
  throw new SdkError(
    CODE,
    `progress phase '${phase}': ${field} must be a finite number ≥ 0, got ${String(value)}; pass the count of ${field === 'done' ? 'units finished' : 'units expected'} so far`,
    { details: { phase, field, value } },
  )
}

/**
 * Refuses a phase weight that is neither `null` (unweighted) nor a whole number ≥ 0: the host
 * counts progress in unsigned integers, so a fractional total would never be accepted.
 */
export function checkWeight(phase: string, weight: unknown): void {
  if (weight === null) return
  if (typeof weight === 'number' && Number.isSafeInteger(weight) && weight >= 0)
    return
  throw new SdkError(
    CODE,
    `progress phase '${phase}': weight must be a whole number ≥ 0 (or null for a phase that does not count toward the overall), got ${String(weight)}; pass its share of the work in whole units, e.g. 1 and 3 rather than 0.25 and 0.75`,
    { details: { phase, field: 'weight', value: weight } },
  )
}

/** Refuses a counted update to a phase that was already completed. */
export function completedPhase(phase: string, method: string): SdkError {
  return new SdkError(
    CODE,
    `progress phase '${phase}' is already complete, so ${method}() cannot change it; make every update before calling complete(), or add another phase for further work`,
    { details: { phase, method } },
  )
}

/** Refuses units other than `'bytes'`, `'steps'` or `null`. */
export function checkUnits(phase: string, units: unknown): void {
  if (units === null || units === 'bytes' || units === 'steps') return
  throw new SdkError(
    CODE,
    `progress phase '${phase}': units must be 'bytes', 'steps' or null, got ${String(units)}; pass one of those`,
    { details: { phase, field: 'units', value: units } },
  )
}
