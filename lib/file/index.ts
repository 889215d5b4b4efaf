export {
  cleanupTempFiles,
  readFileIfExists,
  writeFileAtomic,
} from './atomicWrite'
export type { WriteFileAtomicOptions } from './atomicWrite'
export { FileHelper } from './factories'
export type { FileHelperStatic } from './factories'
export { createFileHelper, toPath, unflushed } from './helper'
export type { Checked, Codec } from './helper'
export { deepMerge } from './merge'
export { fieldName } from './problems'
export type { FieldProblem } from './problems'
export type {
  OnInvalid,
  PathBase,
  ReadType,
  ToPath,
  Transformers,
  WriteOptions,
} from './types'
export { WATCH_DEBOUNCE_MS, watchStats } from './watcher'
