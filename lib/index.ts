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
export type { SmtpSelection } from './input'
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
export { StartSdk } from './sdk'
export { S9pk } from './s9pk'
export { Daemons, DaemonsReconciler, configHash } from './main'
export type { DaemonsBuilder } from './main'
export { ISB, IST, inputSpec } from './input'
export * as T from './T'
export * as types from './T'
export * as utils from './utils'
export * as actions from './actions'
export * as backup from './backup'
export * as daemons from './main'
export * as mainFn from './main'
export * as health from './health'
export * as healthFns from './health'
export * as startSdk from './sdk'
export { YAML, TOML, yaml, toml } from './formatModules'
