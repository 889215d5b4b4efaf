import { StartSdk } from '@start9labs/start-sdk'
import { manifest } from './manifest'

/** The SDK bound to this package's manifest: every helper below is typed by it. */
export const sdk = StartSdk.of().withManifest(manifest).build(true)
