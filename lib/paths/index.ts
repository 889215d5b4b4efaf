export { STARTOS_ROOT_ENV, startosPaths } from './startosPaths'
export type { StartOsPaths } from './startosPaths'
