/**
 * The `T` namespace of the public API: every wire type the host and a package exchange,
 * the effects contract, and the few values that go with them (`UseEntrypoint`,
 * `isUseEntrypoint`). `lib/index.ts` exposes it as `T` and as `types`.
 */
export * from './types'
export type { ABI, Effects, ExpectedExports } from './effects'
export type { KnownError } from './util'
export { HealthCheck } from './main'
