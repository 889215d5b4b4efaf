export { Version, ExtendedVersion, VersionRange } from './model'
export type { VersionRangeAtom, VersionRangeTables } from './model'
export { ExVerParseError } from './ExVerParseError'
export type { ExVerGrammarRule } from './ExVerParseError'
export type { Ordering } from './compare'
export type { CmpOp, PrereleaseSegment } from './parser'
export { MAX_INPUT_LENGTH, MAX_RANGE_DEPTH } from './parser'
export type {
  ValidateVersion,
  ValidateExVer,
  ValidateExVers,
  ValidateExVerRange,
} from './validate'
export { testTypeExVer, testTypeVersion } from './testType'
