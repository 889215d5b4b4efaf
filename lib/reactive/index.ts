export { Channel } from './channel'
export type { Outcome } from './channel'
export { readStrategies } from './strategies'
export type { ConstHooks, ReadStrategies, WatchSource } from './strategies'
export { pendingLeaveHooks, whenContextLeaves } from './leave'
export { effectSource } from './effectSource'
export type { EffectFetch } from './effectSource'
export { Watchable } from './watchable'
export type { WatchableOptions } from './watchable'
export {
  GetContainerIp,
  GetOutboundGateway,
  GetServiceManifest,
  GetSslCertificate,
  GetStatus,
  GetSystemSmtp,
  getContainerIp,
  getOutboundGateway,
  getServiceManifest,
  getSslCertificate,
  getStatus,
  getSystemSmtp,
} from './getters'
