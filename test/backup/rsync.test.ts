import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import {
  Backups,
  DEFAULT_HOOK_WEIGHT,
  DEFAULT_SYNC_WEIGHT,
  setupBackups,
} from '../../lib/backup'
import { isSdkError } from '../../lib/errors'
import { FullProgressTracker, PhaseHandle } from '../../lib/progress'
import type { FullProgress } from '../../lib/types'
import type { BackupLab, BackupManifest } from './helpers'
import { backupLab, tree, writeTree } from './helpers'

type M = BackupManifest

/** Fills volumes `main` and `logs` with nested folders, binary data, links and modes. */
function seed(lab: BackupLab): void {
  const main = lab.volume('main')
  writeTree(main, {
    'a/b/c/deep.txt': 'deep\n',
    'a/notes.md': '# notes\n',
    'bin/blob': randomBytes(300_000),
    'secret.key': 'k',
    'cache/tmp.bin': randomBytes(1000),
  })
  chmodSync(join(main, 'secret.key'), 0o600)
  chmodSync(join(main, 'a/b'), 0o750)
  writeFileSync(join(main, 'run.sh'), '#!/bin/sh\necho hi\n', { mode: 0o755 })
  symlinkSync('a/notes.md', join(main, 'notes-link'))
  symlinkSync('/nonexistent/target', join(main, 'dangling'))
  mkdirSync(join(main, 'empty-dir'))
  writeTree(lab.volume('logs'), { '2024/01.log': 'line\n'.repeat(5000) })
}

function lastBackupProgress(lab: BackupLab): FullProgress {
  const all = lab.sim.state().backupProgress
  assert.ok(all.length > 0, 'no backup progress was reported')
  return all[all.length - 1] as FullProgress
}

async function rejectsWith(
  fn: () => Promise<unknown>,
  code: string,
  pattern: RegExp,
): Promise<void> {
  await assert.rejects(fn, (e: unknown) => {
    assert.ok(
      isSdkError(e, code as 'BACKUP_FAILED'),
      `expected ${code}, got ${String(e)}`,
    )
    assert.match((e as Error).message, pattern)
    return true
  })
}

describe('Backups with real rsync through the simulator', () => {
  let lab: BackupLab
  before(async () => {
    lab = await backupLab()
  })
  after(() => lab.close())

  it('backs up two volumes and restores them byte for byte, deleting what appeared since', async () => {
    seed(lab)
    lab.sim.state().dataVersion = '1.2.3:0'
    const original = {
      main: tree(lab.volume('main')),
      logs: tree(lab.volume('logs')),
    }
    const { createBackup, restoreInit } = setupBackups<M>(['main', 'logs'])
    await createBackup({ effects: lab.effects() })

    assert.deepEqual(tree(join(lab.backup, 'volumes/main')), original.main)
    assert.deepEqual(tree(join(lab.backup, 'volumes/logs')), original.logs)
    assert.equal(
      readFileSync(join(lab.backup, 'dataVersion.txt'), 'utf8'),
      '1.2.3:0',
    )

    const progress = lastBackupProgress(lab)
    const total = 2 * DEFAULT_SYNC_WEIGHT
    assert.deepEqual(progress.overall, { done: total, total, units: null })
    assert.deepEqual(
      progress.phases.map((p) => [p.name, p.progress]),
      [
        ['rsync:/media/startos/backup/volumes/main/', true],
        ['rsync:/media/startos/backup/volumes/logs/', true],
      ],
    )

    // the data changes after the backup: a new file, a deleted one, a rewritten one
    writeFileSync(join(lab.volume('main'), 'a/new.txt'), 'not in the backup')
    rmSync(join(lab.volume('main'), 'a/b/c/deep.txt'))
    writeFileSync(join(lab.volume('main'), 'bin/blob'), 'short')
    rmSync(lab.volume('logs'), { recursive: true })
    lab.sim.state().dataVersion = '9.9.9:0'

    await restoreInit.init(lab.effects(), null)
    assert.ok(
      existsSync(join(lab.volume('main'), 'a/new.txt')),
      'init without restore changed nothing',
    )

    const tracker = new FullProgressTracker()
    await restoreInit.init(lab.effects(), 'restore', tracker)
    assert.deepEqual(tree(lab.volume('main')), original.main)
    assert.deepEqual(tree(lab.volume('logs')), original.logs)
    assert.equal(lab.sim.state().dataVersion, '1.2.3:0')
    assert.deepEqual(
      tracker.snapshot().phases.map((p) => [p.name, p.progress]),
      [
        ['restore:/media/startos/volumes/main/', true],
        ['restore:/media/startos/volumes/logs/', true],
      ],
    )
  })

  it('runs hooks around the syncs, each in its own weighted phase', async () => {
    seed2(lab)
    lab.sim.state().backupProgress.length = 0
    const events: string[] = []
    const backupDir = join(lab.backup, 'volumes/main')
    rmSync(lab.backup, { recursive: true, force: true })
    const backups = Backups.ofVolumes<M>('main')
      .setPreBackup(async (effects, phase) => {
        assert.ok(phase instanceof PhaseHandle)
        assert.equal(typeof effects.getDataVersion, 'function')
        phase.setTotal(4)
        phase.setDone(2)
        assert.deepEqual(phase.snapshot(), { done: 2, total: 4, units: null })
        events.push(`pre:${existsSync(backupDir)}`)
      }, 5)
      .setPostBackup(async () => {
        events.push(`post:${existsSync(join(backupDir, 'only.txt'))}`)
      })
      .setPreRestore(async () => void events.push('pre-restore'), 0)
      .setPostRestore(async () => void events.push('post-restore'), 3)
    await backups.createBackup(lab.effects())
    assert.deepEqual(events, ['pre:false', 'post:true'])
    const progress = lastBackupProgress(lab)
    const total = 5 + DEFAULT_SYNC_WEIGHT + DEFAULT_HOOK_WEIGHT
    assert.deepEqual(progress.overall, { done: total, total, units: null })
    assert.deepEqual(
      progress.phases.map((p) => [p.name, p.progress]),
      [
        ['pre-backup', true],
        ['rsync:/media/startos/backup/volumes/main/', true],
        ['post-backup', true],
      ],
    )
    const tracker = new FullProgressTracker()
    await backups.init(lab.effects(), 'restore', tracker)
    assert.deepEqual(events.slice(2), ['pre-restore', 'post-restore'])
    const snap = tracker.snapshot()
    assert.deepEqual(
      snap.phases.map((p) => p.name),
      ['pre-restore', 'restore:/media/startos/volumes/main/', 'post-restore'],
    )
    assert.deepEqual(snap.overall, {
      done: DEFAULT_SYNC_WEIGHT + 3,
      total: DEFAULT_SYNC_WEIGHT + 3,
      units: null,
    })
  })

  it('applies options: instance, backup-only, per-sync', async () => {
    rmSync(lab.backup, { recursive: true, force: true })
    rmSync(lab.volume('main'), { recursive: true, force: true })
    writeTree(lab.volume('main'), {
      'keep.txt': 'k',
      'cache/a': 'c',
      'x.tmp': 't',
      'logs/l': 'l',
    })
    await Backups.withOptions<M>({ exclude: ['cache/'] })
      .setBackupOptions({ exclude: ['cache/', '*.tmp'] })
      .addVolume('main', { restoreOptions: { delete: false, exclude: [] } })
      .createBackup(lab.effects())
    assert.deepEqual(
      Object.keys(tree(join(lab.backup, 'volumes/main'))).sort(),
      ['keep.txt', 'logs', 'logs/l'],
    )
    writeFileSync(join(lab.volume('main'), 'added.txt'), 'a')
    await Backups.ofVolumes<M>('main')
      .setRestoreOptions({ delete: false })
      .restoreBackup(lab.effects())
    assert.ok(
      existsSync(join(lab.volume('main'), 'added.txt')),
      'delete: false kept a file the backup lacks',
    )
  })

  it('reports an rsync failure with its exit code and error lines', async () => {
    rmSync(lab.volume('logs'), { recursive: true, force: true })
    await rejectsWith(
      () => Backups.ofVolumes<M>('logs').createBackup(lab.effects()),
      'BACKUP_FAILED',
      /^Backup of \/media\/startos\/volumes\/logs\/ to \/media\/startos\/backup\/volumes\/logs\/: rsync exited with code 23:\n.*No such file or directory/s,
    )
  })

  it('says how to install rsync when it is missing', async () => {
    const saved = process.env.PATH
    process.env.PATH = join(lab.root, 'bin')
    try {
      await rejectsWith(
        () => Backups.ofVolumes<M>('main').createBackup(lab.effects()),
        'BACKUP_FAILED',
        /rsync was not found on PATH; install rsync .*apt-get install rsync/,
      )
    } finally {
      process.env.PATH = saved
    }
  })

  it('refuses a restore from a backup that lacks a sync', async () => {
    rmSync(lab.backup, { recursive: true, force: true })
    await rejectsWith(
      () => Backups.ofVolumes<M>('main').restoreBackup(lab.effects()),
      'BACKUP_FAILED',
      /the backup has nothing at \/media\/startos\/backup\/volumes\/main\//,
    )
  })
})

function seed2(lab: BackupLab): void {
  rmSync(lab.volume('main'), { recursive: true, force: true })
  writeTree(lab.volume('main'), { 'only.txt': 'one' })
}
