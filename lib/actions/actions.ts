import type { Effects } from '../effects'
import type { ActionId } from '../types'
import type { Action, Actions as ActionsShape } from './types'

/** The service's actions (see {@link ActionsShape}); built with `Actions.of()`. */
export interface Actions<
  AllActions extends Record<ActionId, Action<ActionId, any>>,
> extends ActionsShape<AllActions> {}

type AnyAction = Action<ActionId, any>

/** Publishes one action's metadata in its own child context, again whenever it changes. */
async function publish(effects: Effects, action: AnyAction): Promise<void> {
  const name = `setupActions/${action.id}`
  const once = async (): Promise<void> => {
    const child = effects.child(name)
    ;(child as { constRetry?: () => void }).constRetry = () => {
      if (effects.isInContext) void once().catch(() => undefined)
    }
    await action.exportMetadata({ effects: child })
  }
  await once()
}

function collection(
  actions: ReadonlyMap<string, AnyAction>,
): Actions<Record<ActionId, AnyAction>> {
  return {
    addAction(action) {
      const next = new Map(actions)
      next.set(action.id, action)
      return collection(next) as never
    },
    async init(effects) {
      for (const action of actions.values()) await publish(effects, action)
      await effects.action.clear({ except: [...actions.keys()] })
    },
    get(actionId) {
      return actions.get(actionId) as never
    },
  }
}

/**
 * The service's actions: `Actions.of().addAction(a).addAction(b)`. Each `addAction`
 * returns a new collection; `init(effects)` publishes them (put it in `setupInit`).
 */
export const Actions = {
  of(): Actions<{}> {
    return collection(new Map()) as unknown as Actions<{}>
  },
}
