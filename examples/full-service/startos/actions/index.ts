import { sdk } from '../sdk'
import { configure } from './configure'
import { resetPassword } from './resetPassword'
import { stats } from './stats'

/** Every action of the package; `init` publishes them. */
export const actions = sdk.Actions.of()
  .addAction(configure)
  .addAction(resetPassword)
  .addAction(stats)
