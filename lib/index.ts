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
export { Action, Actions, clearTask, createTask, runAction } from './actions'
export type {
  ActionInfo,
  GetInput,
  MaybeFn,
  Run,
  RunActionInput,
  TaskInput,
  TaskOptions,
} from './actions'
export {
  InputSpec,
  List,
  Value,
  Variants,
  smtpPrefill,
  smtpShape,
} from './input'
export type { IST, SmtpSelection } from './input'
export { buildManifest, setupManifest } from './manifest'
export { setupI18n } from './i18n'
export { createNotification } from './notification'
export {
  SubContainer,
  SubContainerEager,
  SubContainerLazy,
} from './subcontainer'
export type { SdkErrorCode } from './errors'
export type { Effects } from './effects'
import type * as T from './T'
export type { T }
export {
  IMPOSSIBLE,
  VersionGraph,
  VersionInfo,
  getDataVersion,
  overlaps,
  setDataVersion,
} from './version'
export type {
  EnsureUniqueId,
  MigrationDirection,
  MigrationOpts,
  MigrationStep,
  VersionOptions,
} from './version'
