/**
 * `z`: zod 4.4.3 whose `object` keeps unknown keys, plus `deepLoose` and `deepPartial`;
 * stock `zod` is left untouched.
 */
import * as z from './zod'

export { z }
export type { DeepPartial, ZodDeepLoose, ZodDeepPartial } from './types'
export { guardCatches } from './catchGuard'
export type { CatchGuard, GuardedParse, ReplacedValue } from './catchGuard'
