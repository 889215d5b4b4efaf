/**
 * The members of the SDK's `z`: every export of zod 4.4.3, with `object` replaced by one
 * that keeps unknown keys, plus `deepLoose` and `deepPartial`. Nothing in zod is modified.
 */
import { z as zod } from 'zod'
import { zodDeepPartial } from 'zod-deep-partial'
import { deepLoose } from './deepLoose'
import type { ZodDeepPartial } from './types'

// The whole zod namespace, re-exported so `z.string`, `z.infer`, `z.ZodType`… keep working.
// Local exports below shadow the re-exported names of the same spelling.
export * from 'zod'
export { deepLoose }

/**
 * Builds an object schema that keeps unknown keys (zod's `looseObject`); typed as zod's own
 * `object`, as the reference declares it.
 */
export const object: typeof zod.object = ((
  shape?: zod.core.$ZodLooseShape,
  params?: string | zod.core.$ZodObjectParams,
) => zod.looseObject(shape ?? {}, params)) as typeof zod.object

/** Makes every property optional at every depth (zod-deep-partial), then keeps unknown keys at every depth. */
export const deepPartial: ZodDeepPartial = (schema) =>
  deepLoose(zodDeepPartial(schema) as never)

/**
 * Hides zod's nested `z` (the stock namespace, whose `object` strips unknown keys); the
 * reference has no `z.z` either.
 */
export const z: undefined = undefined
