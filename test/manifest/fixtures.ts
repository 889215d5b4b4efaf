import { VersionRange } from '../../lib/exver'
import type { ManifestVersionSource } from '../../lib/manifest'
import type { SDKManifest } from '../../lib/types'

/** A version-graph stand-in that both our `buildManifest` and the reference's accept. */
export function graph(
  options: {
    version?: string
    releaseNotes?: SDKManifest['description']['short']
    satisfies?: string[]
    from?: string
    to?: string
  } = {},
): ManifestVersionSource {
  return {
    current: {
      options: {
        version: options.version ?? '1.2.0:0',
        releaseNotes: options.releaseNotes ?? 'Fixes',
        satisfies: options.satisfies ?? [],
      },
    },
    canMigrateFrom: () => VersionRange.parse(options.from ?? '<=1.2.0:0'),
    canMigrateTo: () => VersionRange.parse(options.to ?? '<=1.2.0:0'),
  }
}

/** A small valid manifest; `extra` is spread over it. */
export function manifest(extra: Record<string, unknown> = {}): SDKManifest {
  return {
    id: 'hello-world',
    title: 'Hello World',
    license: 'MIT',
    packageRepo: 'https://github.com/Start9Labs/hello-world-startos',
    upstreamRepo: 'https://github.com/Start9Labs/hello-world',
    marketingUrl: 'https://start9.com',
    donationUrl: null,
    description: { short: 'Says hello', long: 'A service that says hello.' },
    images: { main: { source: { dockerTag: 'start9/hello-world' } } },
    volumes: ['main'],
    dependencies: {},
    ...extra,
  } as SDKManifest
}

/** Freezes `value` and everything inside it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

/** Every object and array reachable from `value`. */
export function objectsIn(
  value: unknown,
  out = new Set<object>(),
): Set<object> {
  if (typeof value === 'object' && value !== null && !out.has(value)) {
    out.add(value)
    for (const inner of Object.values(value)) objectsIn(inner, out)
  }
  return out
}
