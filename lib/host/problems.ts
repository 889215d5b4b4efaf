import { SdkError } from '../errors'
import { describeValue } from '../util'
import type { SdkErrorCode } from '../errors'

/** The code each kind of networking error carries. */
const CODES = {
  invalid: 'HOST_INVALID',
  exported: 'INTERFACE_ALREADY_EXPORTED',
} as const satisfies Record<string, SdkErrorCode>

const shown = describeValue

/** ``Expected `<field>` to be <rule>, got `<value>` (<type>)``, plus how to fix it. */
export function invalidOption(
  field: string,
  rule: string,
  value: unknown,
  fix: string,
): SdkError {
  return new SdkError(
    CODES.invalid,
    `Expected \`${field}\` to be ${rule}, got ${shown(value)}; ${fix}`,
    { details: { field, value } },
  )
}

/** Throws unless `value` is an integer from `min` to `max`. */
export function checkInteger(
  field: string,
  value: unknown,
  min: number,
  max: number,
  fix: string,
): asserts value is number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < min ||
    value > max
  ) {
    throw invalidOption(field, `an integer from ${min} to ${max}`, value, fix)
  }
}

/** A range's one interface was already exported. */
export function rangeAlreadyExported(
  hostId: string,
  internalStartPort: number,
): SdkError {
  return new SdkError(
    CODES.exported,
    `Port range ${internalStartPort} of host \`${hostId}\` already exported its interface: a range has exactly one; bind another range with bindPortRange for another interface`,
    { details: { hostId, internalStartPort } },
  )
}
