export { SdkError, isSdkError } from './SdkError'
export type { SdkErrorCode, SdkErrorOptions } from './SdkError'
