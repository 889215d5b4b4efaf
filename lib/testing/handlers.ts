import type { EffectWireMethod } from '../effects'
import type { EffectHandler } from './context'
import { actionEffects } from './effects/actions'
import { dependencyEffects } from './effects/deps'
import { interfaceEffects } from './effects/interfaces'
import { netEffects } from './effects/net'
import { statusEffects } from './effects/status'
import { subcontainerEffects } from './effects/subcontainer'
import { systemEffects } from './effects/system'

/** Every effect of the table by wire method; the type makes a missing one a compile error. */
const TABLE: Record<EffectWireMethod, EffectHandler> = {
  ...statusEffects,
  ...netEffects,
  ...interfaceEffects,
  ...actionEffects,
  ...dependencyEffects,
  ...systemEffects,
  ...subcontainerEffects,
}

/** The handler of a wire method from the effects table, or `undefined` for any other name. */
export function effectHandler(method: string): EffectHandler | undefined {
  return Object.prototype.hasOwnProperty.call(TABLE, method)
    ? TABLE[method as EffectWireMethod]
    : undefined
}
