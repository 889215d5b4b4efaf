import type { SDKManifest, VolumeId } from '../types'
import type { RejectRemovedKeys } from './types'

/**
 * Declares a package's static manifest. Returns its argument unchanged; its signature keeps
 * the literal package id and volume ids for the rest of the SDK, and rejects keys removed
 * in 2.0 (`alerts`, `nestedRuntime`).
 *
 * @example
 * ```ts
 * export const manifest = setupManifest({
 *   id: 'hello-world',
 *   title: 'Hello World',
 *   license: 'MIT',
 *   packageRepo: 'https://github.com/Start9Labs/hello-world-startos',
 *   upstreamRepo: 'https://github.com/Start9Labs/hello-world',
 *   marketingUrl: 'https://start9.com',
 *   donationUrl: null,
 *   description: { short: 'A hello world service', long: 'Says hello.' },
 *   volumes: ['main'],
 *   images: { main: { source: { dockerTag: 'start9/hello-world' } } },
 *   dependencies: {},
 * })
 * ```
 */
export function setupManifest<
  TId extends string,
  TVolumes extends VolumeId,
  TManifest extends { id: TId; volumes: TVolumes[] } & SDKManifest,
>(manifest: TManifest & RejectRemovedKeys<TManifest>): TManifest {
  return manifest
}
