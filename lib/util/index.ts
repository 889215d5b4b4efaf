export { deepEqual } from './deepEqual'
export { fieldPath } from './fieldPath'
export { describeValue } from './describeValue'
export { cloneData, isPlainObject } from './cloneData'
export { asError } from './asError'
export { reportUnhandled } from './reportUnhandled'
export { nullIfEmpty } from './nullIfEmpty'
export { lazyModule } from './lazyModule'
export { IpAddress } from './IpAddress'
export { IpNet } from './IpNet'
export {
  CGNAT,
  IPV4_LOOPBACK,
  IPV6_LINK_LOCAL,
  IPV6_LOOPBACK,
  IPV6_ULA,
  PRIVATE_IPV4_RANGES,
} from './ipRanges'
export { once } from './once'
export { inMs } from './inMs'
export { splitCommand } from './splitCommand'
export { nullToUndefined } from './nullToUndefined'
export type { NullToUndefined } from './nullToUndefined'
export { deepMerge } from './deepMerge'
export { partialDiff } from './partialDiff'
export { deepEqualAll } from './deepEqualAll'
export { AbortedError } from './AbortedError'
export { regexes } from './namespaces'
export { stringFromStdErrOut } from './stringFromStdErrOut'
export { logErrorOnce } from './logErrorOnce'
export { Graph } from './Graph'
export type { Edge, Vertex } from './Graph'
export { isKnownError } from './isKnownError'
export type {
  FlattenIntersection,
  KnownError,
  StringObject,
  ToKebab,
  _,
} from './typeHelpers'
export { GRAMMAR } from './grammar'
