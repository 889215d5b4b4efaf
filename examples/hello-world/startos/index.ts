import { Actions, createTask } from '@start9labs/start-sdk'
import type { T } from '@start9labs/start-sdk'
import { config } from './actions/config'
import { hello } from './actions/hello'

export { manifest } from './manifest'

/** Every action of the package; `init` publishes them. */
export const actions = Actions.of().addAction(config).addAction(hello)

/** Runs on every boot: publish the actions, and nudge the user to configure once. */
export const init: T.ExpectedExports.init = async ({ effects }) => {
  await actions.init(effects)
  await createTask({
    effects,
    packageId: 'hello-world',
    action: config,
    severity: 'important',
    options: {
      reason: 'Pick a name for the greeting',
      when: { once: false, condition: 'input-not-matches' },
      input: {
        kind: 'partial',
        accept: [{ mode: 'safe' }],
        set: { mode: 'safe' },
      },
    },
  })
}

/** No daemons in this example: `main` builds nothing. */
export const main: T.ExpectedExports.main = async () => ({
  build: async () => ({ term: async () => undefined }),
})

export const uninit: T.ExpectedExports.uninit = async () => undefined

export const createBackup: T.ExpectedExports.createBackup = async () =>
  undefined
