export { Backups } from './Backups'
export {
  DEFAULT_HOOK_WEIGHT,
  DEFAULT_OPTIONS,
  DEFAULT_SYNC_WEIGHT,
} from './constants'
export { mountBackupTarget } from './mountBackupTarget'
export { setupBackups } from './setupBackups'
export type { SetupBackupsParams, SetupBackupsRes } from './setupBackups'
export type {
  BackupEffects,
  BackupHook,
  BackupInitScript,
  BackupSync,
  LazyPassword,
  MysqlDumpConfig,
  PgDumpConfig,
} from './types'
