import { sdk } from '../sdk'
import { config } from './config'
import { hello } from './hello'

/** Every action of the package; `init` publishes them. */
export const actions = sdk.Actions.of().addAction(config).addAction(hello)
