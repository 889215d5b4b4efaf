import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { Backups } from '../../lib/backup'
import { isSdkError } from '../../lib/errors'
import type { FullProgress } from '../../lib/types'
import type { DbLab } from './dbHelpers'
import { dbLab, dbSkipReason, settled } from './dbHelpers'
import type { BackupManifest } from './helpers'
import { writeTree } from './helpers'

const BIN = '/usr/lib/postgresql/15/bin'
const skip = dbSkipReason([
  `${BIN}/postgres`,
  `${BIN}/pg_dump`,
  `${BIN}/initdb`,
  '/usr/bin/rsync',
])
const MOUNT = '/var/lib/postgresql'
const QUERY = `pg_ctl -D ${MOUNT}/data -o "-c listen_addresses= -k /tmp" -w -l /tmp/log start >/dev/null
psql -h /tmp -U app -d appdb -At -c "SELECT id || ':' || name FROM items ORDER BY id"
psql -h /tmp -U app -d appdb -At -c "SELECT rolpassword IS NOT NULL FROM pg_authid WHERE rolname = 'app'"
pg_ctl -D ${MOUNT}/data -w stop >/dev/null`

const config = (extra: object = {}) => ({
  imageId: 'db' as const,
  dbVolume: 'db' as const,
  mountpoint: MOUNT,
  pgdataPath: '/data',
  database: 'appdb',
  user: 'app',
  password: null,
  ...extra,
})

describe('Backups.withPgDump against a real PostgreSQL 15', { skip }, () => {
  let lab: DbLab
  before(async () => {
    if (skip) return
    lab = await dbLab('pg_dump', `${BIN}/pg_dump`, '-f', `${BIN}:`)
    await lab.sh(
      MOUNT,
      'postgres',
      `initdb -D ${MOUNT}/data -U app >/dev/null
pg_ctl -D ${MOUNT}/data -o "-c listen_addresses= -k /tmp" -w -l /tmp/log start >/dev/null
psql -h /tmp -U app -d postgres -q -c "CREATE DATABASE appdb"
psql -h /tmp -U app -d appdb -q -c "CREATE TABLE items (id int PRIMARY KEY, name text); INSERT INTO items VALUES (1, 'one'), (2, 'zwei ß'), (3, E'three\\nlines')"
pg_ctl -D ${MOUNT}/data -w stop >/dev/null`,
    )
  })
  after(async () => {
    if (lab) await lab.close()
  })

  it('dumps, then restores the rows into a fresh cluster with the password set lazily', async () => {
    writeTree(lab.volume('main'), { 'conf.txt': 'config' })
    let resolved = 0
    const backups = Backups.withPgDump<BackupManifest>(
      config({ password: () => (resolved++, "pw-with-'quote") }),
    ).addVolume('main')
    assert.equal(resolved, 0)
    await backups.createBackup(lab.effects())
    const dump = readFileSync(join(lab.backup, 'appdb-db.dump'))
    assert.equal(dump.subarray(0, 5).toString(), 'PGDMP')
    const progress = lab.sim.state().backupProgress.at(-1) as FullProgress
    assert.deepEqual(
      progress.phases.map((p) => [p.name, p.progress]),
      [
        ['pre-backup', true],
        ['rsync:/media/startos/backup/volumes/main/', true],
      ],
    )
    assert.deepEqual(await settled(lab), [], 'no server left after the backup')

    lab.wipeDb()
    await backups.restoreBackup(lab.effects())
    assert.equal(resolved, 2, 'the password was resolved once per use')
    assert.deepEqual(await settled(lab), [], 'no server left after the restore')
    const out = await lab.sh(MOUNT, 'postgres', QUERY)
    assert.equal(out, '1:one\n2:zwei ß\n3:three\nlines\nt\n')
    assert.equal(
      readFileSync(join(lab.volume('main'), 'conf.txt'), 'utf8'),
      'config',
    )
  })

  for (const [mode, pattern] of [
    ['empty', /pg_dump exited 0 but wrote an empty file/],
    ['truncated', /pg_restore could not read it: truncated or corrupt/],
  ] as const) {
    it(`fails the backup when the dump comes out ${mode}`, async () => {
      lab.toolMode(mode)
      try {
        await assert.rejects(
          Backups.withPgDump<BackupManifest>(config()).createBackup(
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
      Backups.withPgDump<BackupManifest>(
        config({
          readyTimeout: 1500,
          // a later socket folder wins: the server runs, but never where the probe looks
          pgOptions: '-c unix_socket_directories=/tmp',
        }),
      ).createBackup(lab.effects()),
      (e: unknown) => {
        assert.ok(isSdkError(e, 'BACKUP_FAILED'), String(e))
        assert.match(
          (e as Error).message,
          /^Starting the temporary PostgreSQL server: it did not accept connections within 1500 ms \(`readyTimeout`\); raise `readyTimeout`/,
        )
        return true
      },
    )
    assert.deepEqual(await settled(lab), [])
  })

  it('refuses a restore onto an existing cluster', async () => {
    await assert.rejects(
      Backups.withPgDump<BackupManifest>(config()).restoreBackup(lab.effects()),
      /is not empty; withPgDump recreates the cluster/,
    )
  })
})
