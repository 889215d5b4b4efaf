import { SdkError } from '../errors'
import { describeValue } from '../util'

/** A configuration that cannot work: names the field, what it must be, and the fix. */
export function invalidConfig(
  where: string,
  field: string,
  rule: string,
  value: unknown,
  hint: string,
): SdkError {
  return new SdkError(
    'BACKUP_INVALID',
    `${where}: expected \`${field}\` to be ${rule}, got ${describeValue(value)}; ${hint}`,
    { details: { field, value } },
  )
}

/** A backup or restore step that failed while running. */
export function failed(
  what: string,
  reason: string,
  details: Record<string, unknown> = {},
  cause?: unknown,
): SdkError {
  return new SdkError('BACKUP_FAILED', `${what}: ${reason}`, {
    details,
    cause,
  })
}

/** The last `n` non-empty lines of a command's output, for error messages. */
export function tail(text: string, n = 5): string {
  const lines = text
    .split(/[\r\n]+/)
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
  return lines.slice(-n).join('\n')
}
