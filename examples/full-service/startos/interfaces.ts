import { configYaml } from './fileModels/config.yaml'
import { sdk } from './sdk'
import { p2pPort, p2pPorts, uiPort } from './utils'

/**
 * The web UI and API share one HTTP port; the gossip listeners are a port range. The UI's
 * path follows `server.basePath` in config.yaml (reading it with `const` re-exports the
 * interfaces when it changes).
 */
export const setInterfaces = sdk.setupInterfaces(async ({ effects }) => {
  const basePath =
    (await configYaml.read((c) => c.server.basePath).const(effects)) ?? '/'

  const web = await sdk.MultiHost.of(effects, 'web').bindPort(uiPort, {
    protocol: 'http',
  })
  const ui = sdk.createInterface(effects, {
    name: 'Web UI',
    id: 'ui',
    description: 'Read and write notes in the browser',
    type: 'ui',
    masked: false,
    schemeOverride: null,
    username: null,
    path: basePath,
    query: {},
  })
  const api = sdk.createInterface(effects, {
    name: 'JSON API',
    id: 'api',
    description: 'Programmatic access to notes and statistics',
    type: 'api',
    masked: false,
    schemeOverride: null,
    username: null,
    path: '/api',
    query: { format: 'json' },
  })
  const webReceipt = await web.export([ui, api])

  const gossip = await sdk.MultiHost.of(effects, 'gossip').bindPortRange({
    internalStartPort: p2pPort,
    externalStartPort: p2pPort,
    numberOfPorts: p2pPorts,
  })
  await gossip.export(
    sdk.createRangeInterface(effects, {
      id: 'p2p',
      name: 'Peer gossip',
      description: 'Other Full Service nodes sync notes over these ports',
      scheme: 'tcp',
    }),
  )

  return [webReceipt]
})
