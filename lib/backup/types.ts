import type { Effects } from '../effects'
import type { FullProgressTracker, PhaseHandle } from '../progress'
import type {
  Affine,
  ImageId,
  InitKind,
  SDKManifest,
  SyncOptions,
} from '../types'

/**
 * A database password: the text itself, a function that produces it (called only at the
 * moment the password is used, so it may read files restored a moment earlier), or `null`
 * when the database trusts local connections.
 */
export type LazyPassword = string | (() => string | Promise<string>) | null

/** How `Backups.withPgDump` reaches a PostgreSQL cluster kept in one volume. */
export type PgDumpConfig<M extends SDKManifest> = {
  /** The image holding the PostgreSQL server and tools (e.g. `'postgres'`). */
  imageId: keyof M['images'] & ImageId
  /** The volume holding the cluster. */
  dbVolume: M['volumes'][number]
  /** Where that volume is mounted in the image (e.g. `'/var/lib/postgresql'`). */
  mountpoint: string
  /** The cluster's folder below `mountpoint` (e.g. `'/data'`). */
  pgdataPath: string
  /** The database to dump and restore. */
  database: string
  /** The PostgreSQL role that owns it (the cluster's superuser after a restore). */
  user: string
  /** That role's password, or `null` for trust authentication. */
  password: LazyPassword
  /** Extra `initdb` arguments used when a restore recreates the cluster. */
  initdbArgs?: string[]
  /** Extra server options (`-c name=value …`), added after `-c listen_addresses=`. */
  pgOptions?: string
  /** Milliseconds to wait for the server to accept connections (default 60000). */
  readyTimeout?: number
}

/** How `Backups.withMysqlDump` reaches a MySQL or MariaDB data directory kept in one volume. */
export type MysqlDumpConfig<M extends SDKManifest> = {
  /** The image holding the server and tools (e.g. `'mariadb'`). */
  imageId: keyof M['images'] & ImageId
  /** The volume holding the data directory. */
  dbVolume: M['volumes'][number]
  /** The data directory inside the image (usually `'/var/lib/mysql'`); the volume is mounted there. */
  datadir: string
  /** The database to dump and restore. */
  database: string
  /** The account that dumps it (and owns it after a restore). */
  user: string
  /** That account's password, or `null` for none. */
  password: LazyPassword
  /** Which server the image runs: `'mysql'` or `'mariadb'`. */
  engine: 'mysql' | 'mariadb'
  /** A command that exits 0 once the server accepts connections (default: an admin `ping`). */
  readyCommand?: string[]
  /** Extra server arguments, added after `--bind-address=127.0.0.1`. */
  mysqldOptions?: string[]
  /** Milliseconds to wait for the server to accept connections (default 30000). */
  readyTimeout?: number
}

/** One pair of folders copied by a backup (`dataPath` → `backupPath`) and back by a restore. */
export type BackupSync<Volumes extends string> = {
  dataPath: `/media/startos/volumes/${Volumes}/${string}`
  backupPath: `/media/startos/backup/${string}`
  options?: Partial<SyncOptions>
  backupOptions?: Partial<SyncOptions>
  restoreOptions?: Partial<SyncOptions>
  /** This sync's share of the progress bar (default `DEFAULT_SYNC_WEIGHT`). */
  weight?: number
}

/** The effects a backup or restore hook receives: branded so they are not kept for later. */
export type BackupEffects = Effects & Affine<'Backups'>

/** A hook run before or after a backup or restore, driving its own progress phase. */
export type BackupHook = (
  effects: BackupEffects,
  progress: PhaseHandle,
) => Promise<void>

/**
 * Something `setupInit` can run: the shape of `lib/init`'s `InitScript`, written here because
 * `backup` does not import `init`.
 */
export interface BackupInitScript {
  /** Runs as part of init; `kind` says why init runs. */
  init(
    effects: Effects,
    kind: InitKind,
    progress?: FullProgressTracker,
  ): Promise<void>
}
