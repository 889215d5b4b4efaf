/**
 * The `T` namespace of the public API: every wire type the host and a package exchange,
 * plus the effects contract. Types only; `lib/index.ts` exposes it as `T`.
 */
export type * from './types'
export type { ABI, Effects, ExpectedExports } from './effects'
