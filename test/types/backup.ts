/*
 * Compile-only tests of lib/backup: volume names checked against the manifest, the path
 * templates of BackupSync, hook and config shapes, and the exported types against the
 * reference's.
 */
import type {
  BackupSync as RefBackupSync,
  LazyPassword as RefLazyPassword,
  BackupHook as RefBackupHook,
} from 'start-sdk-reference/lib/backup/Backups'
import type {
  DEFAULT_HOOK_WEIGHT as RefHookWeight,
  DEFAULT_SYNC_WEIGHT as RefSyncWeight,
} from 'start-sdk-reference/lib/backup/Backups'
import {
  Backups,
  DEFAULT_HOOK_WEIGHT,
  DEFAULT_OPTIONS,
  DEFAULT_SYNC_WEIGHT,
  setupBackups,
} from '../../lib/backup'
import type {
  BackupEffects,
  BackupHook,
  BackupSync,
  LazyPassword,
  MysqlDumpConfig,
  PgDumpConfig,
  SetupBackupsParams,
} from '../../lib/backup'
import type { Effects, ExpectedExports } from '../../lib/effects'
import type { PhaseHandle } from '../../lib/progress'
import type { SDKManifest, SyncOptions } from '../../lib/types'
import type { Equal, Expect } from './helpers'

type M = Omit<SDKManifest, 'images' | 'volumes'> & {
  readonly images: {
    main: SDKManifest['images'][string]
    pg: SDKManifest['images'][string]
  }
  readonly volumes: ['main', 'db']
}

type _Weights = [
  Expect<Equal<typeof DEFAULT_SYNC_WEIGHT, 80>>,
  Expect<Equal<typeof DEFAULT_HOOK_WEIGHT, 10>>,
  Expect<Equal<typeof DEFAULT_SYNC_WEIGHT, typeof RefSyncWeight>>,
  Expect<Equal<typeof DEFAULT_HOOK_WEIGHT, typeof RefHookWeight>>,
  Expect<Equal<typeof DEFAULT_OPTIONS, SyncOptions>>,
]

type _Shapes = [
  Expect<Equal<LazyPassword, RefLazyPassword>>,
  Expect<Equal<BackupSync<'main' | 'db'>, RefBackupSync<'main' | 'db'>>>,
  Expect<Equal<Parameters<BackupHook>[1], PhaseHandle>>,
  Expect<Equal<Parameters<BackupHook>[0], BackupEffects>>,
  Expect<Equal<ReturnType<BackupHook>, ReturnType<RefBackupHook>>>,
  Expect<Equal<PgDumpConfig<M>['dbVolume'], 'main' | 'db'>>,
  Expect<Equal<PgDumpConfig<M>['imageId'], 'main' | 'pg'>>,
  Expect<Equal<MysqlDumpConfig<M>['engine'], 'mysql' | 'mariadb'>>,
  Expect<
    Equal<
      ReturnType<typeof setupBackups>['createBackup'],
      ExpectedExports.createBackup
    >
  >,
  Expect<Equal<ReturnType<typeof Backups.ofVolumes<M>>, Backups<M>>>,
]

// volume names come from the manifest
Backups.ofVolumes<M>('main', 'db')
// @ts-expect-error 'logs' is not a volume of M
Backups.ofVolumes<M>('main', 'logs')
Backups.withOptions<M>({ exclude: ['cache/'] }).addVolume('db', { weight: 5 })
// @ts-expect-error addVolume takes a volume of M
Backups.withOptions<M>().addVolume('nope')
// @ts-expect-error options are SyncOptions fields
Backups.withOptions<M>({ excludes: [] })
setupBackups<M>(['main'])
// @ts-expect-error setupBackups checks the list against the manifest
setupBackups<M>(['other'])
const params: SetupBackupsParams<M> = async ({ effects }) => {
  const e: Effects = effects
  void e
  return Backups.ofVolumes<M>('main')
}
void params

// BackupSync paths are typed by their prefixes
Backups.ofSyncs<M>({
  dataPath: '/media/startos/volumes/main/data/',
  backupPath: '/media/startos/backup/data/',
  restoreOptions: { delete: false },
  weight: 20,
})
Backups.ofSyncs<M>({
  // @ts-expect-error dataPath must be inside a volume of M
  dataPath: '/media/startos/volumes/logs/',
  backupPath: '/media/startos/backup/logs/',
})
Backups.ofSyncs<M>({
  dataPath: '/media/startos/volumes/main/',
  // @ts-expect-error backupPath must be inside /media/startos/backup/
  backupPath: '/srv/backup/',
})

// hooks get backup effects and their own phase; a plain Effects is not BackupEffects
Backups.ofVolumes<M>('main').setPreBackup(async (effects, phase) => {
  phase.setTotal(2)
  const plain: Effects = effects
  void plain
}, 5)
declare const plainEffects: Effects
// @ts-expect-error the Affine brand keeps ordinary effects out
const branded: BackupEffects = plainEffects
void branded

// dump configs: image and volume ids from the manifest
Backups.withPgDump<M>({
  imageId: 'pg',
  dbVolume: 'db',
  mountpoint: '/var/lib/postgresql',
  pgdataPath: '/data',
  database: 'app',
  user: 'app',
  password: async () => 'secret',
  readyTimeout: 120_000,
})
Backups.withMysqlDump<M>({
  // @ts-expect-error 'mysql' is not an image of M
  imageId: 'mysql',
  dbVolume: 'db',
  datadir: '/var/lib/mysql',
  database: 'app',
  user: 'app',
  password: null,
  engine: 'mariadb',
})
