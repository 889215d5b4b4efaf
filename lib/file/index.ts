export {
  cleanupTempFiles,
  readFileIfExists,
  writeFileAtomic,
} from './atomicWrite'
export type { WriteFileAtomicOptions } from './atomicWrite'
