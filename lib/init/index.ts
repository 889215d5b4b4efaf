export { setupInit, setupOnInit } from './setupInit'
export { setupOnUninit, setupUninit } from './setupUninit'
export type {
  InitFn,
  InitScript,
  InitScriptOrFn,
  UninitFn,
  UninitScript,
  UninitScriptOrFn,
} from './types'
export type { InitKind } from '../types'
