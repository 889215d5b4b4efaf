export { Version, ExtendedVersion, VersionRange } from './model'
export type { VersionRangeAtom, VersionRangeTables } from './model'
export { ExVerParseError } from './ExVerParseError'
export type { ExVerGrammarRule } from './ExVerParseError'
export type { Ordering } from './compare'
export type { CmpOp, PrereleaseSegment } from './grammar'
export { MAX_INPUT_LENGTH, MAX_RANGE_DEPTH } from './grammar'
export type {
  ValidateVersion,
  ValidateExVer,
  ValidateExVers,
  ValidateExVerRange,
} from './validate'
export { testTypeExVer, testTypeVersion } from './testType'
