/**
 * The `utils` namespace of the public API: address formatting and IP math, reactive getters,
 * progress tracking, data helpers (`deepEqual`, `deepMerge`, `partialDiff`), durations,
 * commands, regular expressions and type helpers. `lib/index.ts` exposes it as `utils`.
 */
export {
  addressHostToUrl,
  filledAddress,
  filterNonLocal,
  mdnsResolvable,
  GetBridgeAddress,
  GetHostInfo,
} from './host'
export type {
  Filled,
  FilledAddressInfo,
  FilledBindInfo,
  FilledHost,
  FilledServiceInterface,
  Filter,
} from './host'
export { getDefaultString, patterns as Patterns } from './input'
export {
  GetContainerIp,
  GetOutboundGateway,
  GetServiceManifest,
  GetSslCertificate,
  GetStatus,
  GetSystemSmtp,
  Watchable,
  getServiceManifest,
} from './reactive'
export { FullProgressTracker, PhaseHandle, leafProgress } from './progress'
export type { LeafProgress } from './progress'
export type { Affine, NoAny } from './types'
export {
  AbortedError,
  CGNAT,
  Graph,
  IPV4_LOOPBACK,
  IPV6_LINK_LOCAL,
  IPV6_LOOPBACK,
  IPV6_ULA,
  IpAddress,
  IpNet,
  PRIVATE_IPV4_RANGES,
  asError,
  deepEqualAll as deepEqual,
  deepMerge,
  inMs,
  isKnownError,
  logErrorOnce,
  nullIfEmpty,
  nullToUndefined,
  once,
  partialDiff,
  regexes,
  splitCommand,
  stringFromStdErrOut,
} from './util'
export type {
  FlattenIntersection,
  NullToUndefined,
  StringObject,
  ToKebab,
  Vertex,
  _,
} from './util'
