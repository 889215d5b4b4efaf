import type { HealthCheckId } from './ids'

/** Whether to start or stop again once a backup ends. */
export type StartStop = 'start' | 'stop'

/** The run state the host is steering the service towards. */
export type DesiredStatus =
  | { main: 'stopped' }
  | { main: 'restarting'; restartAgain: boolean }
  | { main: 'running' }
  | { main: 'backing-up'; onComplete: StartStop }

/** A host-side error with its details, debug text and extra info. */
export type ErrorData = {
  details: string
  debug: string
  info: unknown
}

/** A health check outcome keyed by `result`; only `loading` and `failure` require a message. */
export type HealthCheckOutcome =
  | { result: 'success'; message: string | null }
  | { result: 'disabled'; message: string | null }
  | { result: 'starting'; message: string | null }
  | { result: 'waiting'; message: string | null }
  | { result: 'loading'; message: string }
  | { result: 'failure'; message: string }

/** A health check outcome together with its display name. */
export type NamedHealthCheckResult = { name: string } & HealthCheckOutcome

/** The `result` tag of a health check outcome. */
export type HealthStatus = NamedHealthCheckResult['result']

/** Params of `setHealth`: the check's id and name plus its outcome. */
export type SetHealth = { id: HealthCheckId; name: string } & HealthCheckOutcome

/** What `getStatus` reports about a service. */
export type StatusInfo = {
  health: { [key: HealthCheckId]: NamedHealthCheckResult }
  error: ErrorData | null
  started: string | null
  desired: DesiredStatus
}

/** Run states accepted by the deprecated `setMainStatus`. */
export type SetMainStatusStatus = 'running' | 'stopped'

/** Params of the deprecated `setMainStatus`. */
export type SetMainStatus = {
  status: SetMainStatusStatus
}
