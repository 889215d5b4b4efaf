/// <reference types="node" />
import { open, stat } from 'node:fs/promises'
import { posix } from 'node:path'
import type { Effects } from '../../effects'
import { startosPaths } from '../../paths'
import type { PhaseHandle } from '../../progress'
import { Mounts, SubContainer } from '../../subcontainer'
import type { SubContainerEager } from '../../subcontainer'
import type { SDKManifest } from '../../types'
import { mountBackupTarget } from '../mountBackupTarget'
import { backupFile } from '../paths'
import { failed, invalidConfig } from '../problems'
import type { BackupHook, PgDumpConfig } from '../types'
import {
  BACKUP_TARGET,
  checkDumpConfig,
  checkStrings,
  nonEmptyDir,
  pgIdent,
  resolvePassword,
  sqlString,
  under,
} from './common'
import { run } from './run'
import { startServer } from './server'
import type { RunningServer } from './server'

const WHERE = 'Backups.withPgDump'
/** The system user PostgreSQL runs as (it refuses to run as root). */
const OS_USER = 'postgres'
/** The socket folder of the temporary server (short: socket paths are limited to ~100 bytes). */
const SOCKET_DIR = '/tmp/startos-pg'
/** The default of `readyTimeout`. */
const READY_TIMEOUT_MS = 60_000
/** The first bytes of every `pg_dump -Fc` archive. */
const MAGIC = 'PGDMP'

type Sub<M extends SDKManifest> = SubContainerEager<M>

/** The dump file's name in the backup target. */
function dumpName(config: { database: string }): string {
  return `${config.database}-db.dump`
}

function checkConfig<M extends SDKManifest>(config: PgDumpConfig<M>): void {
  checkDumpConfig(WHERE, config as unknown as Record<string, unknown>, [
    'mountpoint',
  ])
  if (
    typeof config.pgdataPath !== 'string' ||
    config.pgdataPath.split('/').includes('..')
  ) {
    failedField('pgdataPath', config.pgdataPath)
  }
  checkStrings(WHERE, 'initdbArgs', config.initdbArgs)
  if (config.pgOptions !== undefined && typeof config.pgOptions !== 'string') {
    failedField('pgOptions', config.pgOptions)
  }
}

function failedField(field: string, value: unknown): never {
  throw invalidConfig(
    WHERE,
    field,
    field === 'pgOptions'
      ? 'a string of server options'
      : 'a path without ".."',
    value,
    field === 'pgOptions'
      ? 'pass options such as "-c shared_buffers=256MB"'
      : 'give the cluster folder below `mountpoint`, such as "/data"',
  )
}

/** Runs `fn` in a temporary subcontainer with the database volume and the backup target mounted. */
async function withDbContainer<M extends SDKManifest, R>(
  effects: Effects,
  config: PgDumpConfig<M>,
  name: string,
  fn: (sub: Sub<M>, pgdata: string) => Promise<R>,
): Promise<R> {
  const mounts = Mounts.of<M>().mountVolume({
    volumeId: config.dbVolume,
    subpath: null,
    mountpoint: config.mountpoint,
    readonly: false,
  })
  return SubContainer.withTemp(
    effects,
    { imageId: config.imageId },
    mounts,
    name,
    async (sub) => {
      await mountBackupTarget(sub.rootfs, BACKUP_TARGET)
      await run(
        sub,
        'Preparing the PostgreSQL socket folder',
        [
          'sh',
          '-c',
          'mkdir -p "$1" && chown "$2" "$1" && chmod 700 "$1"',
          'sh',
          SOCKET_DIR,
          OS_USER,
        ],
        { user: 'root' },
      )
      return fn(sub, under(config.mountpoint, config.pgdataPath))
    },
  )
}

/** Starts PostgreSQL on `pgdata`, reachable only through its socket, and waits for it. */
function startPostgres<M extends SDKManifest>(
  sub: Sub<M>,
  config: PgDumpConfig<M>,
  pgdata: string,
  env: Record<string, string>,
): Promise<RunningServer> {
  const script = `exec postgres -D "$1" -c listen_addresses= -c unix_socket_directories="$2" ${config.pgOptions ?? ''}`
  return startServer(sub, {
    label: 'PostgreSQL',
    command: ['sh', '-c', script, 'sh', pgdata, SOCKET_DIR],
    user: OS_USER,
    env,
    pidFile: posix.join(pgdata, 'postmaster.pid'),
    readyTimeout: config.readyTimeout ?? READY_TIMEOUT_MS,
    readyField: 'readyTimeout',
    ready: async () =>
      (
        await sub.exec(
          [
            'pg_isready',
            '-q',
            '-h',
            SOCKET_DIR,
            '-U',
            config.user,
            '-d',
            config.database,
          ],
          { user: OS_USER, env },
          10_000,
        )
      ).exitCode === 0,
  })
}

/** Checks a dump inside the subcontainer: not empty, a pg_dump archive, readable to its end. */
async function verifyDump<M extends SDKManifest>(
  sub: Sub<M>,
  file: string,
  database: string,
): Promise<void> {
  const step = `Checking the dump of database ${JSON.stringify(database)}`
  const size = await run(sub, step, ['sh', '-c', 'wc -c < "$1"', 'sh', file], {
    user: OS_USER,
  })
  if (Number(String(size.stdout).trim()) === 0) {
    throw failed(
      step,
      "pg_dump exited 0 but wrote an empty file; the backup would hold no database. Check the image's pg_dump and the free space in /tmp",
    )
  }
  const head = await run(
    sub,
    step,
    ['head', '-c', String(MAGIC.length), file],
    { user: OS_USER },
  )
  if (String(head.stdout) !== MAGIC) {
    throw failed(
      step,
      `the dump does not start with the pg_dump archive header "${MAGIC}"; it is not a custom-format dump`,
    )
  }
  // reading the whole archive finds truncation anywhere, not only in its table of contents
  await run(
    sub,
    `${step} (pg_restore could not read it: truncated or corrupt)`,
    ['pg_restore', '-f', '/dev/null', file],
    { user: OS_USER },
  )
}

/** The pre-backup hook: dump the database into the backup target and verify it. */
async function backup<M extends SDKManifest>(
  config: PgDumpConfig<M>,
  effects: Effects,
  phase: PhaseHandle,
): Promise<void> {
  const paths = startosPaths()
  const hostData = under(paths.volume(config.dbVolume), config.pgdataPath)
  if (!(await stat(posix.join(hostData, 'PG_VERSION')).catch(() => null))) {
    throw failed(
      `Dumping PostgreSQL database ${JSON.stringify(config.database)}`,
      `there is no cluster at ${under(config.mountpoint, config.pgdataPath)} (volume ${JSON.stringify(config.dbVolume)}); check \`pgdataPath\` and \`mountpoint\``,
    )
  }
  phase.setTotal(5)
  const name = dumpName(config)
  const tmp = `/tmp/${name}`
  await withDbContainer(effects, config, 'pg-dump', async (sub, pgdata) => {
    const password = await resolvePassword(WHERE, config.password)
    const env: Record<string, string> =
      password === null ? {} : { PGPASSWORD: password }
    const server = await startPostgres(sub, config, pgdata, env)
    phase.setDone(1)
    try {
      await run(
        sub,
        `Dumping PostgreSQL database ${JSON.stringify(config.database)}`,
        [
          'pg_dump',
          '-h',
          SOCKET_DIR,
          '-U',
          config.user,
          '-Fc',
          '-f',
          tmp,
          '--',
          config.database,
        ],
        { user: OS_USER, env },
      )
      phase.setDone(2)
    } finally {
      await server.stop()
    }
    phase.setDone(3)
    await verifyDump(sub, tmp, config.database)
    phase.setDone(4)
    const target = posix.join(BACKUP_TARGET, name)
    await run(
      sub,
      'Copying the dump into the backup',
      [
        'sh',
        '-c',
        'cp "$1" "$2.partial" && mv -f "$2.partial" "$2"',
        'sh',
        tmp,
        target,
      ],
      { user: 'root' },
    )
  })
  await checkCopied(backupFile(name))
  phase.setDone(5)
}

/** Checks, from outside the subcontainer, that the dump landed in the backup target. */
async function checkCopied(file: string): Promise<void> {
  const handle = await open(file, 'r').catch(() => null)
  if (handle === null)
    throw failed(
      'Checking the copied dump',
      `${file} is missing after the copy`,
    )
  try {
    const { bytesRead, buffer } = await handle.read(
      Buffer.alloc(MAGIC.length),
      0,
      MAGIC.length,
      0,
    )
    if (buffer.subarray(0, bytesRead).toString('latin1') !== MAGIC) {
      throw failed(
        'Checking the copied dump',
        `${file} does not start with "${MAGIC}" after the copy`,
      )
    }
  } finally {
    await handle.close()
  }
}

/** The post-restore hook: a fresh cluster with the dump loaded into it. */
async function restore<M extends SDKManifest>(
  config: PgDumpConfig<M>,
  effects: Effects,
  phase: PhaseHandle,
): Promise<void> {
  const step = `Restoring PostgreSQL database ${JSON.stringify(config.database)}`
  const name = dumpName(config)
  if (!(await stat(backupFile(name)).catch(() => null))) {
    throw failed(
      step,
      `the backup has no dump /media/startos/backup/${name}; it was not made with this withPgDump configuration`,
    )
  }
  const hostData = under(
    startosPaths().volume(config.dbVolume),
    config.pgdataPath,
  )
  if (await nonEmptyDir(hostData)) {
    throw failed(
      step,
      `${under(config.mountpoint, config.pgdataPath)} is not empty; withPgDump recreates the cluster, so do not also back up volume ${JSON.stringify(config.dbVolume)} with addVolume`,
    )
  }
  phase.setTotal(5)
  await withDbContainer(effects, config, 'pg-restore', async (sub, pgdata) => {
    const tmp = `/tmp/${name}`
    await run(
      sub,
      step,
      [
        'sh',
        '-c',
        'mkdir -p "$3" && chown "$4:" "$2" "$3" && chmod 700 "$3" && cp "$1" "$5" && chown "$4:" "$5"',
        'sh',
        posix.join(BACKUP_TARGET, name),
        config.mountpoint,
        pgdata,
        OS_USER,
        tmp,
      ],
      { user: 'root' },
    )
    await run(
      sub,
      `${step} (initdb)`,
      ['initdb', '-D', pgdata, '-U', config.user, ...(config.initdbArgs ?? [])],
      { user: OS_USER },
    )
    phase.setDone(1)
    const server = await startPostgres(sub, config, pgdata, {})
    try {
      phase.setDone(2)
      const base = ['-h', SOCKET_DIR, '-U', config.user]
      if (config.database !== 'postgres') {
        await run(
          sub,
          `${step} (createdb)`,
          ['createdb', ...base, '--', config.database],
          { user: OS_USER },
        )
      }
      await run(
        sub,
        `${step} (pg_restore)`,
        [
          'pg_restore',
          ...base,
          '-d',
          config.database,
          '--no-owner',
          '--no-privileges',
          tmp,
        ],
        { user: OS_USER },
      )
      phase.setDone(3)
      const password = await resolvePassword(WHERE, config.password)
      if (password !== null) {
        await run(
          sub,
          `${step} (setting the password of ${JSON.stringify(config.user)})`,
          [
            'psql',
            ...base,
            '-d',
            config.database,
            '-v',
            'ON_ERROR_STOP=1',
            '-q',
            '-f',
            '-',
          ],
          {
            user: OS_USER,
            input: `ALTER ROLE ${pgIdent(config.user)} WITH PASSWORD ${sqlString(password)};\n`,
          },
        )
      }
      phase.setDone(4)
    } finally {
      await server.stop()
    }
    phase.setDone(5)
  })
}

/** The hooks `Backups.withPgDump` installs; checks the configuration first. */
export function pgDumpHooks<M extends SDKManifest>(
  config: PgDumpConfig<M>,
): { backup: BackupHook; restore: BackupHook } {
  checkConfig(config)
  const frozen = { ...config }
  return {
    backup: (effects, phase) => backup(frozen, effects, phase),
    restore: (effects, phase) => restore(frozen, effects, phase),
  }
}
