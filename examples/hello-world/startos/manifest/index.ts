import {
  VersionRange,
  buildManifest,
  setupManifest,
} from '@start9labs/start-sdk'

/** The package's own description of itself. */
export const sdkManifest = setupManifest({
  id: 'hello-world',
  title: 'Hello World',
  license: 'MIT',
  packageRepo: 'https://github.com/Start9Labs/hello-world-startos',
  upstreamRepo: 'https://github.com/Start9Labs/hello-world',
  marketingUrl: 'https://start9.com',
  donationUrl: null,
  description: {
    short: 'Says hello',
    long: 'An example service: a form with every kind of field, and a greeting.',
  },
  images: {
    main: {
      source: { dockerTag: 'start9/hello-world' },
      arch: ['x86_64', 'aarch64'],
    },
  },
  volumes: ['main'],
  dependencies: {},
})

/**
 * The versions this package has shipped. A real package uses `VersionGraph.of(...)`; this
 * example has one version, so a plain object of the same shape stands in for it.
 */
const versions = {
  current: {
    options: {
      version: '1.0.0:0',
      releaseNotes: 'First release',
      satisfies: [],
    },
  },
  canMigrateFrom: () => VersionRange.parse('=1.0.0:0'),
  canMigrateTo: () => VersionRange.parse('=1.0.0:0'),
}

export const manifest = buildManifest(versions, sdkManifest)
