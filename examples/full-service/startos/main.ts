import { configYaml } from './fileModels/config.yaml'
import { metricsToml } from './fileModels/metrics.toml'
import { storeJson } from './fileModels/store.json'
import { sdk } from './sdk'
import { appDir, dbPort, p2pPort, p2pPorts, uiPort } from './utils'

/**
 * The daemons: a one-shot schema preparation, the database, the web app, the peer gossip
 * listeners, the metrics exporter and a timestamping check that runs no process.
 *
 * Paths are relative to the container root (the image's working directory is `/`), so the
 * same commands run in a real container and on the local host simulator.
 */
export const main = sdk.setupMain(async ({ effects }) => {
  // Reading with `const` restarts the service when these files change.
  const config = await configYaml.read().const(effects)
  const metrics = await metricsToml.read((m) => m.exporter).const(effects)
  const store = await storeJson.read().const(effects)
  if (!config || !store) throw new Error('config.yaml or store.json is missing')

  const mounts = sdk.Mounts.of()
    .mountVolume({
      volumeId: 'main',
      subpath: null,
      mountpoint: '/data',
      readonly: false,
    })
    .mountVolume({
      volumeId: 'db',
      subpath: null,
      mountpoint: '/db',
      readonly: false,
    })
  const container = sdk.SubContainer.of(
    effects,
    { imageId: 'main' },
    mounts,
    'full-service',
  )

  return (
    sdk.Daemons.of(effects)
      .addOneshot('prepare-db', {
        subcontainer: container,
        exec: {
          command: 'mkdir -p db && test -f db/schema || echo 2 > db/schema',
        },
        requires: [],
      })
      .addDaemon('db', {
        subcontainer: container,
        exec: {
          command: ['node', `${appDir}/db.js`],
          env: { DB_PORT: String(dbPort), DB_DIR: 'db' },
        },
        ready: {
          display: 'Database',
          fn: () =>
            sdk.healthCheck.checkPortListening(effects, dbPort, {
              successMessage: 'The database is accepting connections',
              errorMessage: 'The database is not listening yet',
            }),
        },
        requires: ['prepare-db'],
      })
      .addDaemon('app', {
        subcontainer: container,
        exec: {
          command: ['node', `${appDir}/server.js`],
          env: {
            PORT: String(uiPort),
            DB_PORT: String(dbPort),
            TITLE: config.server.title,
            MOTD: config.server.motd ?? '',
            BASE_PATH: config.server.basePath,
            ADMIN_PASSWORD: store.adminPassword,
          },
        },
        ready: {
          display: 'Web interface',
          fn: () =>
            sdk.healthCheck.checkWebUrl(
              effects,
              `http://127.0.0.1:${uiPort}/health`,
              {
                successMessage: 'The web interface is ready',
                errorMessage: 'The web interface is unreachable',
              },
            ),
        },
        requires: ['db'],
      })
      .addDaemon('p2p', {
        subcontainer: container,
        exec: {
          command: ['node', `${appDir}/p2p.js`],
          env: {
            P2P_PORT: String(p2pPort),
            P2P_PORTS: String(p2pPorts),
            NODE_ID: store.adminPassword.slice(0, 6),
          },
        },
        ready: {
          display: 'Peer gossip',
          fn: () =>
            sdk.healthCheck.checkPortListening(
              effects,
              p2pPort + p2pPorts - 1,
              {
                successMessage: `Listening on ${p2pPorts} gossip ports`,
                errorMessage: 'The gossip ports are not open',
              },
            ),
          trigger: sdk.trigger.cooldownTrigger(2_000),
        },
        requires: ['db'],
      })
      // A factory returning `null` leaves the entry out: metrics can be switched off.
      .addDaemon('metrics', () =>
        metrics?.enabled
          ? {
              subcontainer: container,
              exec: {
                // A shell loop: count the notes and publish them for the scraper.
                command: `while :; do echo "notes_total $(cat db/notes.jsonl 2>/dev/null | wc -l)" > data/metrics.prom.tmp && mv data/metrics.prom.tmp data/metrics.prom; sleep ${metrics.interval_seconds}; done`,
              },
              ready: {
                display: 'Metrics',
                fn: () =>
                  sdk.healthCheck.runHealthScript(
                    ['sh', '-c', 'test -s data/metrics.prom'],
                    container,
                    {
                      errorMessage: 'No metrics published yet',
                      message: () => 'Metrics are published',
                    },
                  ),
                gracePeriod: 5_000,
              },
              requires: ['app'],
            }
          : null,
      )
      .addHealthCheck('timestamps', {
        ready: {
          display: 'Timestamping',
          fn: async () => {
            if (!store.timestamps.enabled)
              return { result: 'disabled', message: 'Timestamping is off' }
            const deps = await sdk.checkDependencies(effects, ['bitcoind'])
            return deps.runningSatisfied('bitcoind')
              ? { result: 'success', message: 'Bitcoin Core is running' }
              : {
                  result: 'failure',
                  message: 'Start Bitcoin Core to timestamp notes',
                }
          },
        },
        requires: ['app'],
      })
  )
})
