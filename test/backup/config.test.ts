import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  Backups,
  DEFAULT_HOOK_WEIGHT,
  DEFAULT_OPTIONS,
  DEFAULT_SYNC_WEIGHT,
  setupBackups,
} from '../../lib/backup'
import { mergeOptions } from '../../lib/backup/options'
import { hostPath } from '../../lib/backup/paths'
import { progressReader, rsyncArgs } from '../../lib/backup/rsync'
import { isSdkError } from '../../lib/errors'
import type { Effects } from '../../lib/effects'
import type { BackupManifest } from './helpers'

type M = BackupManifest
const noEffects = {} as Effects

function invalid(fn: () => unknown, field: string, pattern?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(
      isSdkError(e, 'BACKUP_INVALID'),
      `expected BACKUP_INVALID, got ${String(e)}`,
    )
    assert.equal((e as { details?: { field?: string } }).details?.field, field)
    if (pattern) assert.match((e as Error).message, pattern)
    return true
  })
}

describe('Backups configuration', () => {
  it('exports the reference constants', () => {
    assert.deepEqual(DEFAULT_OPTIONS, { delete: true, exclude: [] })
    assert.equal(DEFAULT_SYNC_WEIGHT, 80)
    assert.equal(DEFAULT_HOOK_WEIGHT, 10)
  })

  it('refuses paths outside the volumes and the backup target, naming the field', () => {
    invalid(
      () =>
        Backups.ofSyncs<M>({
          dataPath: '/tmp/x/' as never,
          backupPath: '/media/startos/backup/x/',
        }),
      'dataPath',
      /^Backups\.addSync: expected `dataPath` to be a path inside a volume.*got `"\/tmp\/x\/"`.*start it with \/media\/startos\/volumes\/<volume id>\//,
    )
    invalid(
      () =>
        Backups.ofSyncs<M>({
          dataPath: '/media/startos/volumes/main/../../x/',
          backupPath: '/media/startos/backup/x/',
        }),
      'dataPath',
    )
    invalid(
      () =>
        Backups.ofSyncs<M>({
          dataPath: '/media/startos/volumes/main/',
          backupPath: '/media/startos/backup/../../etc/',
        }),
      'backupPath',
      /inside the backup target/,
    )
    invalid(
      () =>
        Backups.ofSyncs<M>({
          dataPath: '/media/startos/volumes/main/',
          backupPath: '/srv/x' as never,
        }),
      'backupPath',
    )
    invalid(() => Backups.ofVolumes<M>('../etc' as never), 'volume')
  })

  it('refuses syncs whose backup folders overlap', () => {
    invalid(
      () =>
        Backups.ofSyncs<M>(
          {
            dataPath: '/media/startos/volumes/main/',
            backupPath: '/media/startos/backup/data/',
          },
          {
            dataPath: '/media/startos/volumes/logs/',
            backupPath: '/media/startos/backup/data/logs/',
          },
        ),
      'backupPath',
      /overlaps it/,
    )
    invalid(() => Backups.ofVolumes<M>('main', 'main'), 'backupPath')
  })

  it('refuses bad options and weights', () => {
    invalid(
      () => Backups.withOptions<M>({ delete: 'yes' as never }),
      'options.delete',
    )
    invalid(
      () => Backups.withOptions<M>({ exclude: 'cache' as never }),
      'options.exclude',
    )
    invalid(
      () => Backups.ofVolumes<M>().addVolume('main', { weight: -1 }),
      'weight',
    )
    invalid(
      () => Backups.ofVolumes<M>().setPreBackup(async () => {}, 1.5),
      'weight',
    )
    invalid(() => Backups.ofVolumes<M>().setPostRestore('x' as never), 'fn')
    invalid(() => setupBackups<M>('main' as never), 'options')
  })

  it('refuses a backup or restore of nothing', async () => {
    for (const run of [
      () => setupBackups<M>([]).createBackup({ effects: noEffects }),
      () => Backups.withOptions<M>().restoreBackup(noEffects),
    ]) {
      await assert.rejects(run, (e: unknown) => {
        assert.ok(isSdkError(e, 'BACKUP_INVALID'))
        assert.match(
          (e as Error).message,
          /expected `volumes` to be at least one volume, sync or hook/,
        )
        return true
      })
    }
  })

  it('refuses a setup function that does not return a Backups', async () => {
    const { createBackup } = setupBackups<M>(async () => ({}) as never)
    await assert.rejects(createBackup({ effects: noEffects }), (e: unknown) =>
      isSdkError(e, 'BACKUP_INVALID'),
    )
  })

  it('merges options with later layers winning', () => {
    assert.deepEqual(mergeOptions(), { delete: true, exclude: [] })
    assert.deepEqual(
      mergeOptions({ exclude: ['a'] }, { delete: false }, undefined, {
        exclude: ['b'],
      }),
      { delete: false, exclude: ['b'] },
    )
  })

  it('builds rsync arguments and maps container paths under STARTOS_ROOT', () => {
    assert.deepEqual(
      rsyncArgs('/s/', '/d/', { delete: true, exclude: ['c/', '*.x'] }),
      [
        '--delete',
        '--exclude=c/',
        '--exclude=*.x',
        '-rlptgoAXH',
        '--partial',
        '--inplace',
        '--timeout=300',
        '--info=progress2',
        '/s/',
        '/d/',
      ],
    )
    const saved = process.env.STARTOS_ROOT
    process.env.STARTOS_ROOT = '/sim/root'
    try {
      assert.equal(
        hostPath('/media/startos/volumes/main/'),
        '/sim/root/media/startos/volumes/main/',
      )
      assert.equal(
        hostPath('/media/startos/backup/x'),
        '/sim/root/media/startos/backup/x',
      )
    } finally {
      if (saved === undefined) delete process.env.STARTOS_ROOT
      else process.env.STARTOS_ROOT = saved
    }
  })

  it("reads rsync's progress2 output across chunk boundaries", () => {
    const seen: number[] = []
    const read = progressReader((p) => seen.push(p))
    read('\r         32   0%    0.00kB/s    0:00:00 \r      5,0')
    read(
      '00,003  99%  596.05MB/s    0:00:00 (xfr#2, to-chk=0/6)\r      5,000,003  99%',
    )
    read('  1.00MB/s    0:00:00 (xfr#2, to-chk=0/6)\r  5,000,003 100%  1MB/s\n')
    assert.deepEqual(seen, [0, 99, 100])
  })
})
