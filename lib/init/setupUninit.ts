import type { ExpectedExports } from '../effects'
import { SdkError } from '../errors'
import { describeStep, messageOf } from './describeStep'
import type { UninitScript, UninitScriptOrFn } from './types'

/**
 * Builds the `uninit` export from uninit steps, run one after another in the order given
 * with the target version. A failing step stops uninit with `UNINIT_FAILED` naming it.
 *
 * @example
 * ```ts
 * export const uninit = setupUninit(versions)
 * ```
 */
export function setupUninit(
  ...uninits: UninitScriptOrFn[]
): ExpectedExports.uninit {
  return async ({ effects, target }) => {
    for (let i = 0; i < uninits.length; i++) {
      const step = uninits[i]!
      try {
        if (typeof step === 'function') await step(effects, target)
        else await step.uninit(effects, target)
      } catch (cause) {
        const name = describeStep(step)
        throw new SdkError(
          'UNINIT_FAILED',
          `Uninit step ${i + 1} of ${uninits.length} (${name}) failed: ${messageOf(cause)}`,
          { cause, details: { step: i + 1, name } },
        )
      }
    }
  }
}

/**
 * Turns an uninit function into an {@link UninitScript} (a script is returned as it is).
 *
 * @example
 * ```ts
 * export const cleanup = setupOnUninit(async (effects, target) => {
 *   if (target === null) await removeExternalState(effects)
 * })
 * ```
 */
export function setupOnUninit(onUninit: UninitScriptOrFn): UninitScript {
  if (typeof onUninit !== 'function') return onUninit
  return {
    async uninit(effects, target) {
      await onUninit(effects, target)
    },
  }
}
