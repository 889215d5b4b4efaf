import { testTypeVersion } from '../exver'
import type { ImageArch } from '../types'

/** The StartOS version this SDK targets; a manifest's `osVersion` defaults to it. */
export const OSVersion: '0.4.0-beta.10' = testTypeVersion('0.4.0-beta.10')

/** This SDK's version, written into every manifest as `sdkVersion` (kept equal to package.json by a test). */
export const SDK_VERSION = '2.0.9'

/** The architectures an image is built for when its manifest entry lists none. */
export const DEFAULT_IMAGE_ARCH: readonly ImageArch[] = [
  'aarch64',
  'x86_64',
  'riscv64',
]

/** The architecture an image emulates by default when it is listed. */
export const PREFERRED_EMULATION: ImageArch = 'x86_64'
