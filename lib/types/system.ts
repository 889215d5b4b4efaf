/** Severity shown on a notification. */
export type NotificationLevel = 'success' | 'info' | 'warning' | 'error'

/** Params of `notification.create`: a titled message with an optional markdown body. */
export type CreateNotificationParams = {
  level: NotificationLevel
  title: string
  message: string
  data?: string | null
}

/** The server-wide SMTP relay settings returned by `getSystemSmtp`. */
export type SmtpValue = {
  host: string
  port: number
  from: string
  username: string
  password: string | null | undefined
  security: 'starttls' | 'tls'
}

/** How a backup or restore copies one directory (rsync's options). */
export type SyncOptions = {
  /** Remove files from the target that the source does not have. */
  delete: boolean
  /** Paths (rsync patterns) left out of the copy. */
  exclude: string[]
}
