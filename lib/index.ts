export {
  Version,
  ExtendedVersion,
  VersionRange,
  ExVerParseError,
  testTypeExVer,
  testTypeVersion,
} from './exver'
export type {
  CmpOp,
  Ordering,
  PrereleaseSegment,
  VersionRangeAtom,
  ValidateVersion,
  ValidateExVer,
  ValidateExVers,
  ValidateExVerRange,
} from './exver'
export { SdkError, isSdkError } from './errors'
export { z } from './z'
export { FileHelper } from './file'
export type { FileHelperStatic, ReadType, ToPath, Transformers } from './file'
export type { SdkErrorCode } from './errors'
export type { Effects } from './effects'
import type * as T from './T'
export type { T }
