import { sdk } from './sdk'

/** Both volumes are backed up: notes (`db`) and configuration (`main`). */
export const { createBackup, restoreInit } = sdk.setupBackups(async () =>
  sdk.Backups.ofVolumes('main', 'db').setOptions({
    exclude: ['metrics.prom.tmp'],
  }),
)
