import type { SyncOptions } from '../types'

/** The rsync options every sync starts from: mirror the source, exclude nothing. */
export const DEFAULT_OPTIONS: SyncOptions = Object.freeze({
  delete: true,
  exclude: Object.freeze([]) as unknown as string[],
})

/** The progress weight of one sync phase unless the sync sets its own. */
export const DEFAULT_SYNC_WEIGHT = 80

/** The progress weight of a pre/post backup or restore hook unless it is given one. */
export const DEFAULT_HOOK_WEIGHT = 10
