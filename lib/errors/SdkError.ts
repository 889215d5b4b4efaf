/** Every code an {@link SdkError} can carry; callers branch on these, never on messages. */
export type SdkErrorCode =
  | 'EXVER_PARSE'
  | 'RUNTIME_SOCKET'
  | 'EFFECT_FAILED'
  | 'FILE_IO'
  | 'FILE_PARSE'
  | 'FILE_VALIDATION'
  | 'WRITE_AFTER_CONST'
  | 'ABORTED'
  | 'MANIFEST_INVALID'
  | 'ACTION_INPUT'
  | 'ACTION_UNKNOWN'
  | 'DEPENDENCY_INVALID'
  | 'DEPENDENCY_UNKNOWN'
  | 'DEPENDENCY_NOT_SATISFIED'
  | 'HOST_INVALID'
  | 'INTERFACE_ALREADY_EXPORTED'
  | 'INPUT_SPEC'
  | 'SUBCONTAINER_EXIT'
  | 'SUBCONTAINER_DESTROYED'
  | 'SUBCONTAINER_FAILED'
  | 'SUBCONTAINER_INVALID'
  | 'MOUNT_INVALID'
  | 'NOTIFICATION_INVALID'
  | 'PROGRESS_INVALID'
  | 'HEALTH_INVALID'
  | 'DAEMON_INVALID'
  | 'DAEMON_FAILED'
  | 'DAEMON_TIMEOUT'
  | 'VERSION_INVALID'
  | 'MIGRATION_UNREACHABLE'
  | 'MIGRATION_FAILED'
  | 'INIT_FAILED'
  | 'UNINIT_FAILED'
  | 'ARGUMENT_INVALID'
  | 'IP_INVALID'
  | 'BACKUP_INVALID'
  | 'BACKUP_FAILED'

const brand = Symbol.for('start-sdk/error')

/** Options shared by every SDK error: the underlying cause and structured details. */
export interface SdkErrorOptions {
  cause?: unknown
  details?: Record<string, unknown>
}

/**
 * Base class of the errors this SDK throws on purpose.
 *
 * Recognise one with {@link isSdkError}, not `instanceof`: a package bundle and the
 * runtime each hold their own copy of this class.
 */
export class SdkError extends Error {
  readonly code: SdkErrorCode
  readonly details: Record<string, unknown> | undefined

  constructor(
    code: SdkErrorCode,
    message: string,
    options: SdkErrorOptions = {},
  ) {
    super(
      message,
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.name = 'SdkError'
    this.code = code
    this.details = options.details
    Object.defineProperty(this, brand, { value: true })
  }
}

/** Whether `e` is an {@link SdkError} from any copy of this SDK (optionally with a given code). */
export function isSdkError(e: unknown, code?: SdkErrorCode): e is SdkError {
  if (typeof e !== 'object' || e === null) return false
  if ((e as Record<symbol, unknown>)[brand] !== true) return false
  return code === undefined || (e as SdkError).code === code
}
