import { SdkError } from '../errors'
import { describeValue } from '../util'
import type { SdkErrorCode } from '../errors'

/**
 * The code each kind of subcontainer error carries. `lib/errors` has no subcontainer codes
 * yet (`SUBCONTAINER_EXIT`, `SUBCONTAINER_DESTROYED`, `SUBCONTAINER_FAILED`,
 * `SUBCONTAINER_INVALID` and `MOUNT_INVALID` are proposed), so the closest existing codes
 * stand in; this table is the one place to switch them.
 */
export const CODES: {
  readonly exit: SdkErrorCode
  readonly destroyed: SdkErrorCode
  readonly failed: SdkErrorCode
  readonly invalid: SdkErrorCode
  readonly mount: SdkErrorCode
  readonly aborted: SdkErrorCode
} = {
  exit: 'SUBCONTAINER_EXIT',
  destroyed: 'SUBCONTAINER_DESTROYED',
  failed: 'SUBCONTAINER_FAILED',
  invalid: 'SUBCONTAINER_INVALID',
  mount: 'MOUNT_INVALID',
  aborted: 'ABORTED',
}

export const shown: (value: unknown) => string = describeValue

/** A command line as a reader would type it: arguments with spaces or quotes are quoted. */
export function commandText(command: readonly string[]): string {
  return command
    .map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : JSON.stringify(arg)))
    .join(' ')
}

/** A subcontainer named for messages: `"name" (image "main")`. */
export function label(name: string, imageId: string): string {
  return `subcontainer ${JSON.stringify(name)} (image ${JSON.stringify(imageId)})`
}

/** An argument of a subcontainer method or a mount option that is not what it must be. */
export function invalidArgument(
  where: string,
  field: string,
  rule: string,
  value: unknown,
  hint: string,
  code: SdkErrorCode = CODES.invalid,
): SdkError {
  return new SdkError(
    code,
    `${where}: expected \`${field}\` to be ${rule}, got ${shown(value)}; ${hint}`,
    { details: { field, value } },
  )
}

/** A subcontainer used after its teardown began. */
export function destroyedError(who: string, what: string): SdkError {
  return new SdkError(
    CODES.destroyed,
    `Cannot ${what}: ${who} is already destroyed; create a new one with SubContainer.of() or SubContainer.eager(), or take a hold() before destroy() to keep it alive`,
    { details: { subcontainer: who } },
  )
}

/** Creating, starting, mounting or removing a subcontainer failed on the host side. */
export function failedError(
  who: string,
  what: string,
  cause: unknown,
  hint: string,
): SdkError {
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new SdkError(
    CODES.failed,
    `Cannot ${what} for ${who}: ${reason}; ${hint}`,
    { cause, details: { subcontainer: who } },
  )
}

/** A lazy subcontainer's promise (or the subcontainer itself) turned into a string. */
export function notAwaitedError(who: string, member: string): SdkError {
  return new SdkError(
    CODES.invalid,
    `${member} of ${who} is a Promise, so it has no string form: \`await\` it first (\`const rootfs = await sub.rootfs\`), or create the subcontainer with SubContainer.eager() to read it synchronously`,
    { details: { subcontainer: who, member } },
  )
}

/** A lazy subcontainer itself turned into a string. */
export function noStringError(who: string): SdkError {
  return new SdkError(
    CODES.invalid,
    `A SubContainerLazy (${who}) has no string form: for its path use \`await sub.rootfs\` or \`await sub.subpath("/some/path")\`, or create it with SubContainer.eager() for synchronous paths`,
    { details: { subcontainer: who } },
  )
}

/** A command stopped by its abort controller before it started. */
export function abortedError(who: string, command: string): SdkError {
  return new SdkError(
    CODES.aborted,
    `Command ${command} in ${who} was not started: its AbortController was already aborted; pass a fresh controller`,
    { details: { subcontainer: who, command } },
  )
}
