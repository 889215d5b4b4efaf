import { sdk } from './sdk'
import { uiPort } from './utils'

/** One daemon, the web server, ready once its port listens. */
export const main = sdk.setupMain(async ({ effects }) => {
  const subcontainer = sdk.SubContainer.of(
    effects,
    { imageId: 'main' },
    sdk.Mounts.of().mountVolume({
      volumeId: 'main',
      subpath: null,
      mountpoint: '/data',
      readonly: false,
    }),
    'hello-world',
  )
  return sdk.Daemons.of(effects).addDaemon('primary', {
    subcontainer,
    exec: { command: ['hello-world'] },
    ready: {
      display: 'Web Interface',
      fn: () =>
        sdk.healthCheck.checkPortListening(effects, uiPort, {
          successMessage: 'The web interface is ready',
          errorMessage: 'The web interface is not ready',
        }),
    },
    requires: [],
  })
})
