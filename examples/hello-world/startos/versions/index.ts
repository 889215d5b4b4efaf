import { VersionGraph } from '@start9labs/start-sdk'
import { v1_0_0 } from './v1.0.0'

/** Every version this package has shipped; the current one first. */
export const versionGraph = VersionGraph.of({ current: v1_0_0, other: [] })
