export {
  Version,
  ExtendedVersion,
  VersionRange,
  ExVerParseError,
} from './exver'
export type {
  CmpOp,
  Ordering,
  PrereleaseSegment,
  VersionRangeAtom,
} from './exver'
export { SdkError, isSdkError } from './errors'
export type { SdkErrorCode } from './errors'
export { testTypeExVer, testTypeVersion } from './exver'
export type {
  ValidateVersion,
  ValidateExVer,
  ValidateExVers,
  ValidateExVerRange,
} from './exver'
