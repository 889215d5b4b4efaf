import { SdkError } from '../errors'
import type { SdkErrorCode } from '../errors'

/**
 * The code each kind of networking error carries. `lib/errors` has no networking codes yet
 * (`HOST_INVALID` and `INTERFACE_ALREADY_EXPORTED` are proposed), so the closest existing
 * code stands in; this table is the one place to switch them.
 */
const CODES = {
  invalid: 'HOST_INVALID',
  exported: 'INTERFACE_ALREADY_EXPORTED',
} as const satisfies Record<string, SdkErrorCode>

/** How a value looks in a message: its JSON form and its type. */
function shown(value: unknown): string {
  const type = Array.isArray(value) ? 'array' : typeof value
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return `\`${text}\` (${value === null ? 'null' : type})`
}

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
