import { setupManifest } from '@start9labs/start-sdk'

/** The package's description of itself; `index.ts` adds the version fields. */
export const manifest = setupManifest({
  id: 'hello-world',
  title: 'Hello World',
  license: 'MIT',
  packageRepo: 'https://github.com/Start9Labs/hello-world-startos',
  upstreamRepo: 'https://github.com/Start9Labs/hello-world',
  marketingUrl: 'https://start9.com',
  donationUrl: null,
  description: {
    short: 'Says hello',
    long: 'An example service: a web page, a form with every kind of field, and a greeting.',
  },
  images: {
    main: {
      source: { dockerBuild: { workdir: '.', dockerfile: 'Dockerfile' } },
      arch: ['x86_64', 'aarch64'],
    },
  },
  volumes: ['main'],
  dependencies: {},
})
