import { VersionGraph } from '@start9labs/start-sdk'
import { v1_0_0 } from './v1_0_0'
import { v1_1_0 } from './v1_1_0'
import { v1_2_0 } from './v1_2_0'

/** Every version this package has shipped; `current` is the one being built. */
export const versionGraph = VersionGraph.of({
  current: v1_2_0,
  other: [v1_1_0, v1_0_0],
})
