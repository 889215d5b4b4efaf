export { checkPortListening } from './checkPortListening'
export { checkWebUrl } from './checkWebUrl'
export { runHealthScript } from './runHealthScript'
export type { HealthScriptRunner } from './runHealthScript'
export { timeoutPromise } from './timeoutPromise'
export type { HealthCheckResult, HealthStatus } from './result'
export {
  changeOnFirstSuccess,
  cooldownTrigger,
  defaultTrigger,
  statusTrigger,
  successFailure,
} from './trigger'
export type { Trigger, TriggerInput } from './trigger'
