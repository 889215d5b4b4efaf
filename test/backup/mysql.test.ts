import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { Backups } from '../../lib/backup'
import { isSdkError } from '../../lib/errors'
import type { DbLab } from './dbHelpers'
import { dbLab, dbSkipReason, settled } from './dbHelpers'
import type { BackupManifest } from './helpers'

const skip = dbSkipReason([
  '/usr/sbin/mariadbd',
  '/usr/bin/mariadb-install-db',
  '/usr/bin/mariadb-dump',
  '/usr/bin/rsync',
])
const DATADIR = '/var/lib/mysql'
const START = `mariadbd --datadir=${DATADIR} --socket=/tmp/s.sock --pid-file=/tmp/s.pid --skip-networking >/tmp/log 2>&1 &
i=0; until mariadb-admin --socket=/tmp/s.sock -u root ping >/dev/null 2>&1; do i=$((i+1)); [ $i -lt 200 ] || exit 9; sleep 0.1; done`
const STOP = `kill $(cat /tmp/s.pid); while [ -e /tmp/s.sock ]; do sleep 0.1; done`

const config = (extra: object = {}) => ({
  imageId: 'db' as const,
  dbVolume: 'db' as const,
  datadir: DATADIR,
  database: 'appdb',
  user: 'app',
  password: "pw\\with'quotes",
  engine: 'mariadb' as const,
  mysqldOptions: ['--skip-networking'],
  ...extra,
})

describe('Backups.withMysqlDump against a real MariaDB', { skip }, () => {
  let lab: DbLab
  before(async () => {
    if (skip) return
    lab = await dbLab('mariadb-dump', '/usr/bin/mariadb-dump', '--result-file')
    await lab.sh(
      DATADIR,
      'mysql',
      `mariadb-install-db --datadir=${DATADIR} --auth-root-authentication-method=normal --skip-test-db >/dev/null
${START}
mariadb --socket=/tmp/s.sock -u root <<'SQL'
CREATE DATABASE appdb;
CREATE USER 'app'@'localhost' IDENTIFIED BY 'pw\\\\with''quotes';
GRANT ALL PRIVILEGES ON appdb.* TO 'app'@'localhost';
CREATE TABLE appdb.items (id INT PRIMARY KEY, name VARCHAR(50)) DEFAULT CHARSET=utf8mb4;
INSERT INTO appdb.items VALUES (1, 'one'), (2, 'zwei ß'), (3, 'three');
SQL
${STOP}`,
    )
  })
  after(async () => {
    if (lab) await lab.close()
  })

  it('dumps, then restores the rows into a fresh data directory', async () => {
    let resolved = 0
    const backups = Backups.withMysqlDump<BackupManifest>(
      config({ password: async () => (resolved++, "pw\\with'quotes") }),
    )
    await backups.createBackup(lab.effects())
    const dump = readFileSync(join(lab.backup, 'appdb-db.sql'), 'utf8')
    assert.match(dump, /INSERT INTO `items`/)
    assert.match(dump, /-- Dump completed/)
    assert.deepEqual(await settled(lab), [], 'no server left after the backup')

    lab.wipeDb()
    await backups.restoreBackup(lab.effects())
    assert.equal(resolved, 2)
    assert.deepEqual(await settled(lab), [], 'no server left after the restore')
    const out = await lab.sh(
      DATADIR,
      'mysql',
      `${START.replace('-u root ping', '-u app ping')}
MYSQL_PWD='pw\\with'"'"'quotes' mariadb --socket=/tmp/s.sock -u app -N -e "SELECT CONCAT(id, ':', name) FROM appdb.items ORDER BY id"
${STOP}`,
    )
    assert.equal(out, '1:one\n2:zwei ß\n3:three\n')
  })

  for (const [mode, pattern] of [
    ['empty', /exited 0 but wrote an empty file/],
    ['truncated', /does not end with "-- Dump completed": it is truncated/],
  ] as const) {
    it(`fails the backup when the dump comes out ${mode}`, async () => {
      lab.toolMode(mode)
      try {
        await assert.rejects(
          Backups.withMysqlDump<BackupManifest>(config()).createBackup(
            lab.effects(),
          ),
          (e: unknown) => {
            assert.ok(isSdkError(e, 'BACKUP_FAILED'), String(e))
            assert.match(
              (e as Error).message,
              /^Checking the dump of database "appdb"/,
            )
            assert.match((e as Error).message, pattern)
            return true
          },
        )
      } finally {
        lab.toolMode('real')
      }
      assert.deepEqual(await settled(lab), [])
    })
  }

  it('names readyTimeout when the server is not ready in time, and stops it', async () => {
    await assert.rejects(
      Backups.withMysqlDump<BackupManifest>(
        config({ readyTimeout: 1500, readyCommand: ['false'] }),
      ).createBackup(lab.effects()),
      (e: unknown) => {
        assert.ok(isSdkError(e, 'BACKUP_FAILED'), String(e))
        assert.match(
          (e as Error).message,
          /^Starting the temporary MariaDB server: it did not accept connections within 1500 ms \(`readyTimeout`\); raise `readyTimeout`/,
        )
        return true
      },
    )
    assert.deepEqual(await settled(lab), [])
  })
})
