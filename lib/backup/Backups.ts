import type { Effects } from '../effects'
import type { FullProgressTracker } from '../progress'
import type { InitKind, SDKManifest, SyncOptions } from '../types'
import { DEFAULT_HOOK_WEIGHT } from './constants'
import { mysqlDumpHooks } from './dumps/mysql'
import { pgDumpHooks } from './dumps/postgres'
import { checkOptions, checkWeight } from './options'
import { checkBackupPath, checkDataPath, overlapping } from './paths'
import { invalidConfig } from './problems'
import { runBackup, runRestore } from './run'
import type { HookSlot } from './state'
import { initState, stateOf } from './state'
import type {
  BackupHook,
  BackupInitScript,
  BackupSync,
  MysqlDumpConfig,
  PgDumpConfig,
} from './types'

/** Checks one sync and returns a copy holding checked options. */
function checkSync(
  where: string,
  sync: BackupSync<string>,
  taken: readonly BackupSync<string>[],
): BackupSync<string> {
  if (typeof sync !== 'object' || sync === null) {
    throw invalidConfig(
      where,
      'sync',
      'an object',
      sync,
      'pass { dataPath, backupPath }',
    )
  }
  checkDataPath(where, 'dataPath', sync.dataPath)
  checkBackupPath(where, 'backupPath', sync.backupPath)
  const clash = taken.find((t) => overlapping(t.backupPath, sync.backupPath))
  if (clash !== undefined) {
    throw invalidConfig(
      where,
      'backupPath',
      `a folder apart from the other syncs' (${clash.backupPath} overlaps it)`,
      sync.backupPath,
      'give each sync its own folder in the backup, neither inside the other',
    )
  }
  return {
    dataPath: sync.dataPath,
    backupPath: sync.backupPath,
    options: checkOptions(where, 'options', sync.options),
    backupOptions: checkOptions(where, 'backupOptions', sync.backupOptions),
    restoreOptions: checkOptions(where, 'restoreOptions', sync.restoreOptions),
    weight: checkWeight(where, 'weight', sync.weight),
  }
}

/**
 * What a service's backup holds and how to put it back: folders copied with rsync (whole
 * volumes or chosen paths), the rsync options, and hooks before and after each direction.
 * The chain methods change this object and return it. It is also an init script that
 * restores when init runs for a restore.
 *
 * @example
 * ```ts
 * export const { createBackup, restoreInit } = setupBackups<typeof manifest>(async () =>
 *   Backups.ofVolumes<typeof manifest>('main').setOptions({ exclude: ['cache/'] }),
 * )
 * ```
 */
export class Backups<M extends SDKManifest> implements BackupInitScript {
  /** An empty configuration; prefer the static factories. */
  constructor() {
    initState(this)
  }

  /** Backs up whole volumes: each to `/media/startos/backup/volumes/<id>/`. */
  static ofVolumes<M extends SDKManifest = never>(
    ...volumeNames: Array<M['volumes'][number]>
  ): Backups<M> {
    const backups = new Backups<M>()
    for (const volume of volumeNames) backups.addVolume(volume)
    return backups
  }

  /** Backs up the given folder pairs. */
  static ofSyncs<M extends SDKManifest = never>(
    ...syncs: BackupSync<M['volumes'][number]>[]
  ): Backups<M> {
    const backups = new Backups<M>()
    for (const sync of syncs) backups.addSync(sync)
    return backups
  }

  /** An empty configuration with these rsync options; add volumes or syncs to it. */
  static withOptions<M extends SDKManifest = never>(
    options?: Partial<SyncOptions>,
  ): Backups<M> {
    return new Backups<M>().setOptions(options)
  }

  /**
   * Backs up a PostgreSQL database as a `pg_dump` archive instead of its raw files: before
   * the backup a temporary server dumps it into the backup; after a restore a fresh cluster
   * is initialised and the dump loaded. Add the other volumes with `addVolume`.
   */
  static withPgDump<M extends SDKManifest = never>(
    config: PgDumpConfig<M>,
  ): Backups<M> {
    const hooks = pgDumpHooks(config)
    return new Backups<M>()
      .setPreBackup(hooks.backup)
      .setPostRestore(hooks.restore)
  }

  /**
   * Backs up a MySQL or MariaDB database as an SQL dump instead of its raw files, as
   * {@link Backups.withPgDump} does for PostgreSQL.
   */
  static withMysqlDump<M extends SDKManifest = never>(
    config: MysqlDumpConfig<M>,
  ): Backups<M> {
    const hooks = mysqlDumpHooks(config)
    return new Backups<M>()
      .setPreBackup(hooks.backup)
      .setPostRestore(hooks.restore)
  }

  /** Sets rsync options for both directions (merged into those set before). */
  setOptions(options?: Partial<SyncOptions>): this {
    const state = stateOf(this)
    state.options = {
      ...state.options,
      ...checkOptions('Backups.setOptions', 'options', options),
    }
    return this
  }

  /** Sets rsync options for backups only (merged into those set before). */
  setBackupOptions(options?: Partial<SyncOptions>): this {
    const state = stateOf(this)
    state.backupOptions = {
      ...state.backupOptions,
      ...checkOptions('Backups.setBackupOptions', 'options', options),
    }
    return this
  }

  /** Sets rsync options for restores only (merged into those set before). */
  setRestoreOptions(options?: Partial<SyncOptions>): this {
    const state = stateOf(this)
    state.restoreOptions = {
      ...state.restoreOptions,
      ...checkOptions('Backups.setRestoreOptions', 'options', options),
    }
    return this
  }

  /** Runs `fn` before the backup copies anything (weight default `DEFAULT_HOOK_WEIGHT`). */
  setPreBackup(fn: BackupHook, weight?: number): this {
    return setHook(this, 'preBackup', fn, weight)
  }

  /** Runs `fn` after the backup copied everything. */
  setPostBackup(fn: BackupHook, weight?: number): this {
    return setHook(this, 'postBackup', fn, weight)
  }

  /** Runs `fn` before a restore copies anything back. */
  setPreRestore(fn: BackupHook, weight?: number): this {
    return setHook(this, 'preRestore', fn, weight)
  }

  /** Runs `fn` after a restore copied everything back. */
  setPostRestore(fn: BackupHook, weight?: number): this {
    return setHook(this, 'postRestore', fn, weight)
  }

  /** Adds a whole volume, with its own rsync options and progress weight if given. */
  addVolume(
    volume: M['volumes'][number],
    options?: Partial<{
      options: SyncOptions
      backupOptions: SyncOptions
      restoreOptions: SyncOptions
      weight: number
    }>,
  ): this {
    if (typeof volume !== 'string' || volume === '' || /[/\\\0]/.test(volume)) {
      throw invalidConfig(
        'Backups.addVolume',
        'volume',
        'a volume id from the manifest',
        volume,
        'pass one of manifest.volumes',
      )
    }
    return this.addSync({
      dataPath: `/media/startos/volumes/${volume}/`,
      backupPath: `/media/startos/backup/volumes/${volume}/`,
      ...options,
    } as BackupSync<M['volumes'][0]>)
  }

  /** Adds one folder pair. */
  addSync(sync: BackupSync<M['volumes'][0]>): this {
    const state = stateOf(this)
    state.syncs.push(checkSync('Backups.addSync', sync, state.syncs))
    return this
  }

  /** Backs up: pre-backup hook, every sync, the data version, post-backup hook. */
  async createBackup(effects: Effects): Promise<void> {
    await runBackup(stateOf(this), effects)
  }

  /** The init-script side: restores when `kind` is `'restore'`, does nothing otherwise. */
  async init(
    effects: Effects,
    kind: InitKind,
    progress?: FullProgressTracker,
  ): Promise<void> {
    if (kind === 'restore') await this.restoreBackup(effects, progress)
  }

  /**
   * Restores: pre-restore hook, every sync back into its volume, the data version,
   * post-restore hook. Progress goes on `progress` (the init tracker) when given.
   */
  async restoreBackup(
    effects: Effects,
    progress?: FullProgressTracker,
  ): Promise<void> {
    await runRestore(stateOf(this), effects, progress)
  }
}

function setHook<B extends object>(
  backups: B,
  slot: HookSlot,
  fn: BackupHook,
  weight: number | undefined,
): B {
  const where = `Backups.set${slot[0]!.toUpperCase()}${slot.slice(1)}`
  if (typeof fn !== 'function') {
    throw invalidConfig(
      where,
      'fn',
      'a function',
      fn,
      'pass async (effects, progress) => { … }',
    )
  }
  stateOf(backups).hooks[slot] = {
    fn,
    weight: checkWeight(where, 'weight', weight) ?? DEFAULT_HOOK_WEIGHT,
  }
  return backups
}
