export { setupI18n } from './setupI18n'
export type { I18nFunction } from './setupI18n'
export type { I18nParamValue } from './interpolate'
