import { config } from '../actions/config'
import { sdk } from '../sdk'

/** On install, asks the user to configure the service once. */
export const taskOnInstall = sdk.setupOnInit(async (effects, kind) => {
  if (kind !== 'install') return
  await sdk.action.createOwnTask(effects, config, 'important', {
    reason: 'Pick a name for the greeting',
    when: { once: false, condition: 'input-not-matches' },
    input: {
      kind: 'partial',
      accept: [{ mode: 'safe' }],
      set: { mode: 'safe' },
    },
  })
})
