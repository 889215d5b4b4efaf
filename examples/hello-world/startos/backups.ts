import { sdk } from './sdk'

/** Backs up the whole `main` volume; `restoreInit` puts it back on restore. */
export const { createBackup, restoreInit } = sdk.setupBackups(async () =>
  sdk.Backups.ofVolumes('main'),
)
