import type { Effects } from '../effects'
import { SdkError } from '../errors'
import type { CreateNotificationParams, NotificationLevel } from '../types'

const LEVELS: readonly NotificationLevel[] = [
  'success',
  'info',
  'warning',
  'error',
]

function refuse(field: string, rule: string, value: unknown): SdkError {
  return new SdkError(
    'NOTIFICATION_INVALID',
    `notification.create: \`${field}\` must be ${rule}, got ${JSON.stringify(value) ?? String(value)}`,
    { details: { field } },
  )
}

/**
 * Shows the user a notification in StartOS. `level` is one of `success`, `info`, `warning`,
 * `error`; `data` is an optional markdown body the UI shows under "View Details". The
 * options are checked before anything is sent, with an error naming the field.
 */
export async function createNotification(
  effects: Effects,
  options: CreateNotificationParams,
): Promise<null> {
  const { level, title, message, data } = options as Record<string, unknown>
  if (!LEVELS.includes(level as NotificationLevel))
    throw refuse(
      'level',
      `one of ${LEVELS.map((l) => `"${l}"`).join(', ')}`,
      level,
    )
  if (typeof title !== 'string' || title.trim() === '')
    throw refuse('title', 'a non-empty string', title)
  if (typeof message !== 'string') throw refuse('message', 'a string', message)
  if (data !== undefined && data !== null && typeof data !== 'string')
    throw refuse('data', 'a markdown string, null or absent', data)
  return effects.notification.create(options)
}
