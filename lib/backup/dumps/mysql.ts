/// <reference types="node" />
import { stat } from 'node:fs/promises'
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
import type { BackupHook, MysqlDumpConfig } from '../types'
import {
  BACKUP_TARGET,
  checkDumpConfig,
  checkStrings,
  myIdent,
  myString,
  nonEmptyDir,
  resolvePassword,
} from './common'
import { pick, run } from './run'
import { startServer } from './server'
import type { RunningServer } from './server'

const WHERE = 'Backups.withMysqlDump'
/** The system user the server runs as. */
const OS_USER = 'mysql'
const SOCKET_DIR = '/tmp/startos-mysql'
const SOCKET = `${SOCKET_DIR}/mysqld.sock`
const PID_FILE = `${SOCKET_DIR}/mysqld.pid`
/** The default of `readyTimeout`. */
const READY_TIMEOUT_MS = 30_000
/** The last comment every complete mysqldump/mariadb-dump output carries. */
const TRAILER = '-- Dump completed'

type Sub<M extends SDKManifest> = SubContainerEager<M>
type Config<M extends SDKManifest> = MysqlDumpConfig<M>

/** The programs of each engine, preferred name first. */
function programs(
  engine: 'mysql' | 'mariadb',
): Record<'server' | 'dump' | 'client' | 'admin', string[]> {
  return engine === 'mariadb'
    ? {
        server: ['mariadbd', 'mysqld'],
        dump: ['mariadb-dump', 'mysqldump'],
        client: ['mariadb', 'mysql'],
        admin: ['mariadb-admin', 'mysqladmin'],
      }
    : {
        server: ['mysqld'],
        dump: ['mysqldump'],
        client: ['mysql'],
        admin: ['mysqladmin'],
      }
}

function dumpName(config: { database: string }): string {
  return `${config.database}-db.sql`
}

function checkConfig<M extends SDKManifest>(config: Config<M>): void {
  checkDumpConfig(WHERE, config as unknown as Record<string, unknown>, [
    'datadir',
  ])
  if (config.engine !== 'mysql' && config.engine !== 'mariadb') {
    throw invalidConfig(
      WHERE,
      'engine',
      '"mysql" or "mariadb"',
      config.engine,
      'name the server the image runs',
    )
  }
  checkStrings(WHERE, 'readyCommand', config.readyCommand)
  if (config.readyCommand !== undefined && config.readyCommand.length === 0) {
    throw invalidConfig(
      WHERE,
      'readyCommand',
      'a non-empty command',
      config.readyCommand,
      'leave it out for the default ping',
    )
  }
  checkStrings(WHERE, 'mysqldOptions', config.mysqldOptions)
}

async function withDbContainer<M extends SDKManifest, R>(
  effects: Effects,
  config: Config<M>,
  name: string,
  fn: (sub: Sub<M>) => Promise<R>,
): Promise<R> {
  const mounts = Mounts.of<M>().mountVolume({
    volumeId: config.dbVolume,
    subpath: null,
    mountpoint: config.datadir,
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
        `Preparing the ${config.engine} socket folder`,
        [
          'sh',
          '-c',
          'mkdir -p "$1" && chown "$2:" "$1" "$3" && chmod 700 "$1"',
          'sh',
          SOCKET_DIR,
          OS_USER,
          config.datadir,
        ],
        { user: 'root' },
      )
      return fn(sub)
    },
  )
}

/** Starts the server on the data directory, on 127.0.0.1 and a private socket, and waits for it. */
async function startMysql<M extends SDKManifest>(
  sub: Sub<M>,
  config: Config<M>,
  env: Record<string, string>,
  user: string,
): Promise<RunningServer> {
  const names = programs(config.engine)
  const server = await pick(
    sub,
    `Starting the temporary ${config.engine} server`,
    names.server,
  )
  const admin =
    config.readyCommand === undefined
      ? await pick(
          sub,
          `Starting the temporary ${config.engine} server`,
          names.admin,
        )
      : ''
  const ready = config.readyCommand ?? [
    admin,
    'ping',
    `--socket=${SOCKET}`,
    '-u',
    user,
  ]
  return startServer(sub, {
    label: config.engine === 'mariadb' ? 'MariaDB' : 'MySQL',
    command: [
      server,
      `--datadir=${config.datadir}`,
      `--socket=${SOCKET}`,
      `--pid-file=${PID_FILE}`,
      '--bind-address=127.0.0.1',
      ...(config.mysqldOptions ?? []),
    ],
    user: OS_USER,
    pidFile: PID_FILE,
    readyTimeout: config.readyTimeout ?? READY_TIMEOUT_MS,
    readyField: 'readyTimeout',
    ready: async () =>
      (await sub.exec(ready, { user: OS_USER, env }, 10_000)).exitCode === 0,
  })
}

/** Checks a dump inside the subcontainer: not empty, and ending with the completion trailer. */
async function verifyDump<M extends SDKManifest>(
  sub: Sub<M>,
  file: string,
  database: string,
): Promise<void> {
  const step = `Checking the dump of database ${JSON.stringify(database)}`
  const size = await run(sub, step, ['sh', '-c', 'wc -c < "$1"', 'sh', file], {
    user: 'root',
  })
  if (Number(String(size.stdout).trim()) === 0) {
    throw failed(
      step,
      'the dump tool exited 0 but wrote an empty file; the backup would hold no database',
    )
  }
  const end = await run(sub, step, ['tail', '-c', '512', file], {
    user: 'root',
  })
  if (!String(end.stdout).includes(TRAILER)) {
    throw failed(
      step,
      `the dump does not end with "${TRAILER}": it is truncated (the dump tool stopped early) or was written with --skip-comments`,
    )
  }
}

async function backup<M extends SDKManifest>(
  config: Config<M>,
  effects: Effects,
  phase: PhaseHandle,
): Promise<void> {
  const step = `Dumping ${config.engine} database ${JSON.stringify(config.database)}`
  if (
    !(await stat(
      posix.join(startosPaths().volume(config.dbVolume), 'mysql'),
    ).catch(() => null))
  ) {
    throw failed(
      step,
      `there is no data directory in volume ${JSON.stringify(config.dbVolume)} (mounted at \`datadir\` ${config.datadir}); check \`dbVolume\``,
    )
  }
  phase.setTotal(5)
  const name = dumpName(config)
  const tmp = `/tmp/${name}`
  await withDbContainer(effects, config, 'mysql-dump', async (sub) => {
    const password = await resolvePassword(WHERE, config.password)
    const env: Record<string, string> =
      password === null ? {} : { MYSQL_PWD: password }
    const server = await startMysql(sub, config, env, config.user)
    phase.setDone(1)
    try {
      const dump = await pick(sub, step, programs(config.engine).dump)
      await run(
        sub,
        step,
        [
          dump,
          `--socket=${SOCKET}`,
          '-u',
          config.user,
          '--single-transaction',
          `--result-file=${tmp}`,
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
    await run(
      sub,
      'Copying the dump into the backup',
      [
        'sh',
        '-c',
        'cp "$1" "$2.partial" && mv -f "$2.partial" "$2"',
        'sh',
        tmp,
        posix.join(BACKUP_TARGET, name),
      ],
      { user: 'root' },
    )
  })
  if (!(await stat(backupFile(name)).catch(() => null))?.size) {
    throw failed(
      'Checking the copied dump',
      `${backupFile(name)} is missing or empty after the copy`,
    )
  }
  phase.setDone(5)
}

/** The SQL creating the account and database a restore needs (run as root before the import). */
function accountSql(
  config: { database: string; user: string },
  password: string | null,
): string {
  const db = myIdent(config.database)
  const lines = [`CREATE DATABASE IF NOT EXISTS ${db};`]
  if (config.user !== 'root') {
    for (const host of ['localhost', '%']) {
      const account = `${myString(config.user)}@${myString(host)}`
      lines.push(
        `CREATE USER IF NOT EXISTS ${account}${password === null ? '' : ` IDENTIFIED BY ${myString(password)}`};`,
        `GRANT ALL PRIVILEGES ON ${db}.* TO ${account};`,
      )
    }
  }
  lines.push('FLUSH PRIVILEGES;')
  return `${lines.join('\n')}\n`
}

async function restore<M extends SDKManifest>(
  config: Config<M>,
  effects: Effects,
  phase: PhaseHandle,
): Promise<void> {
  const step = `Restoring ${config.engine} database ${JSON.stringify(config.database)}`
  const name = dumpName(config)
  if (!(await stat(backupFile(name)).catch(() => null))) {
    throw failed(
      step,
      `the backup has no dump /media/startos/backup/${name}; it was not made with this withMysqlDump configuration`,
    )
  }
  if (await nonEmptyDir(startosPaths().volume(config.dbVolume))) {
    throw failed(
      step,
      `volume ${JSON.stringify(config.dbVolume)} (\`datadir\` ${config.datadir}) is not empty; withMysqlDump recreates the data directory, so do not also back it up with addVolume`,
    )
  }
  phase.setTotal(5)
  await withDbContainer(effects, config, 'mysql-restore', async (sub) => {
    const names = programs(config.engine)
    const tmp = `/tmp/${name}`
    await run(
      sub,
      step,
      [
        'sh',
        '-c',
        'cp "$1" "$2" && chown "$3:" "$2"',
        'sh',
        posix.join(BACKUP_TARGET, name),
        tmp,
        OS_USER,
      ],
      { user: 'root' },
    )
    const init =
      config.engine === 'mariadb'
        ? [
            await pick(sub, step, ['mariadb-install-db', 'mysql_install_db']),
            `--datadir=${config.datadir}`,
            '--auth-root-authentication-method=normal',
            '--skip-test-db',
          ]
        : [
            await pick(sub, step, names.server),
            '--initialize-insecure',
            `--datadir=${config.datadir}`,
          ]
    await run(sub, `${step} (initialising ${config.datadir})`, init, {
      user: OS_USER,
    })
    phase.setDone(1)
    const server = await startMysql(sub, config, {}, 'root')
    try {
      phase.setDone(2)
      const client = await pick(sub, step, names.client)
      const password = await resolvePassword(WHERE, config.password)
      const base = [client, `--socket=${SOCKET}`, '-u', 'root']
      await run(sub, `${step} (creating the database and account)`, base, {
        user: OS_USER,
        input: accountSql(config, password),
      })
      await run(
        sub,
        `${step} (loading the dump)`,
        ['sh', '-c', '"$@" < "$0"', tmp, ...base, config.database],
        { user: OS_USER },
      )
      phase.setDone(3)
      if (password !== null) {
        await run(sub, `${step} (setting the root password)`, base, {
          user: OS_USER,
          input: `ALTER USER 'root'@'localhost' IDENTIFIED BY ${myString(password)};\nFLUSH PRIVILEGES;\n`,
        })
      }
      phase.setDone(4)
    } finally {
      await server.stop()
    }
    phase.setDone(5)
  })
}

/** The hooks `Backups.withMysqlDump` installs; checks the configuration first. */
export function mysqlDumpHooks<M extends SDKManifest>(
  config: Config<M>,
): { backup: BackupHook; restore: BackupHook } {
  checkConfig(config)
  const frozen = { ...config }
  return {
    backup: (effects, phase) => backup(frozen, effects, phase),
    restore: (effects, phase) => restore(frozen, effects, phase),
  }
}
