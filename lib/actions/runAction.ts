import type { Effects } from '../effects'
import type { IST } from '../input'
import type { ActionId, ActionResult } from '../types'

/** The input to run an action with, or a function of its current form and values. */
export type RunActionInput<Input> =
  | Input
  | ((prev?: { spec: IST.InputSpec; value: Input | null }) => Input)

/**
 * Runs one of this service's actions. When `input` is a function, the action's current
 * form and values are fetched first and passed to it.
 */
export async function runAction<
  Input extends Record<string, unknown>,
>(options: {
  effects: Effects
  actionId: ActionId
  input?: RunActionInput<Input>
}): Promise<ActionResult | null> {
  const { effects, actionId, input } = options
  if (typeof input !== 'function')
    return effects.action.run({
      actionId,
      ...(input === undefined ? {} : { input }),
    })
  const current = await effects.action.getInput({ actionId })
  const prev =
    current === null
      ? undefined
      : {
          spec: current.spec as IST.InputSpec,
          value: current.value as Input | null,
        }
  return effects.action.run({ actionId, input: input(prev) })
}
