/**
 * Action input forms: the builders (`InputSpec`, `Value`, `List`, `Variants`) that produce
 * both the wire spec the StartOS UI renders (`IST`) and the zod validator of the answers,
 * plus ready-made patterns and SMTP forms.
 */
import * as ISB from './builder'
import * as inputSpec from './namespaces'
import * as patterns from './patterns'
import * as IST from './specTypes'

export { InputSpec, createInputSpecTools } from './InputSpec'
export type { InputSpecTools } from './InputSpec'
export { List } from './List'
export type {
  DynamicListTextParams,
  ListObjItemParams,
  ListObjParams,
  ListTextItemParams,
  ListTextParams,
} from './List'
export { Value } from './Value'
export { Variants } from './Variants'
export type { VariantsRecord } from './Variants'
export type { DynamicUnionParams, UnionParams } from './unionParams'
export type {
  ColorParams,
  DatetimeParams,
  DynamicColorParams,
  DynamicDatetimeParams,
  DynamicMultiselectParams,
  DynamicNumberParams,
  DynamicSelectParams,
  DynamicTextareaParams,
  DynamicTextParams,
  DynamicToggleParams,
  DynamicTriStateParams,
  FileParams,
  MultiselectParams,
  NumberParams,
  ObjectParams,
  SelectParams,
  TextareaParams,
  TextParams,
  ToggleParams,
  TriStateParams,
} from './params'
export type { BoundList, BoundValue, InputSpecOf } from './tools'
export type {
  ApplyFilter,
  AsRequired,
  ExtractInputSpecStaticValidatedAs,
  ExtractInputSpecType,
  FileInfo,
  FilterKeys,
  InputSpecShape,
  KeyPaths,
  LazyBuild,
  LazyBuildOptions,
  MaybeLazyValues,
  UnionRes,
  UnionResStaticValidatedAs,
} from './types'
export {
  customSmtp,
  smtpInputSpec,
  smtpProviderVariants,
  systemSmtpSpec,
} from './smtp'
export { smtpPrefill, smtpShape } from './smtpShape'
export type { SmtpSelection } from './smtpShape'
export { getDefaultString, getRandomString } from './randomString'
export { ISB, IST, inputSpec, patterns }
