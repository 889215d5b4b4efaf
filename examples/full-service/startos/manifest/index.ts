import { setupManifest } from '@start9labs/start-sdk'

/** What the package is, what it runs and what it needs (completed by `buildManifest`). */
export const manifest = setupManifest({
  id: 'full-service',
  title: 'Full Service',
  license: 'MIT',
  packageRepo: 'https://github.com/Start9Labs/full-service-startos',
  upstreamRepo: 'https://github.com/Start9Labs/full-service',
  marketingUrl: 'https://start9.com',
  donationUrl: null,
  description: {
    short: 'A self-hosted notebook with an API, metrics and peer sync',
    long: 'Full Service keeps notes in a small database, serves them on a web UI and a JSON API, exports metrics, gossips with peers over a port range and can timestamp notes with your Bitcoin node.',
  },
  images: {
    main: {
      source: { dockerBuild: { workdir: '.', dockerfile: 'Dockerfile' } },
      arch: ['x86_64', 'aarch64'],
      emulateMissingAs: 'aarch64',
    },
  },
  volumes: ['main', 'db'],
  dependencies: {
    bitcoind: {
      description: 'Timestamps notes in the Bitcoin blockchain',
      optional: true,
      s9pk: null,
    },
  },
})
