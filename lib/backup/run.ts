/// <reference types="node" />
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Effects } from '../effects'
import { FullProgressTracker } from '../progress'
import type { PhaseHandle } from '../progress'
import { DEFAULT_SYNC_WEIGHT } from './constants'
import { mergeOptions } from './options'
import { backupFile, hostPath } from './paths'
import { failed, invalidConfig } from './problems'
import { rsync } from './rsync'
import type { BackupsState, WeightedHook } from './state'
import type { BackupEffects } from './types'

/** Where the service's data version is kept in a backup, relative to the backup target. */
const DATA_VERSION_FILE = 'dataVersion.txt'

/** Refuses a configuration that would copy nothing at all. */
function checkNotEmpty(state: BackupsState, where: string): void {
  const h = state.hooks
  const anything =
    state.syncs.length > 0 ||
    (where === 'createBackup'
      ? h.preBackup !== undefined || h.postBackup !== undefined
      : h.preRestore !== undefined || h.postRestore !== undefined)
  if (!anything) {
    throw invalidConfig(
      `Backups.${where}`,
      'volumes',
      'at least one volume, sync or hook',
      [],
      'list volumes in setupBackups([...]) or use Backups.ofVolumes(...)/addVolume(...)/addSync(...)',
    )
  }
}

/** Runs a hook inside its phase: started before, completed after. */
async function runHook(
  hook: WeightedHook,
  phase: PhaseHandle,
  effects: Effects,
): Promise<void> {
  phase.start()
  await hook.fn(effects as BackupEffects, phase)
  phase.complete()
}

/**
 * One backup: the pre-backup hook, each sync data → backup, the data version, the post-backup
 * hook. Progress goes to `effects.setBackupProgress`; the tracker is not marked complete.
 */
export async function runBackup(
  state: BackupsState,
  effects: Effects,
): Promise<void> {
  checkNotEmpty(state, 'createBackup')
  const tracker = new FullProgressTracker((progress) =>
    effects.setBackupProgress({ progress }),
  )
  const { preBackup, postBackup } = state.hooks
  const pre = preBackup && tracker.addPhase('pre-backup', preBackup.weight)
  const phases = state.syncs.map((sync) =>
    tracker.addPhase(
      `rsync:${sync.backupPath}`,
      sync.weight ?? DEFAULT_SYNC_WEIGHT,
    ),
  )
  const post = postBackup && tracker.addPhase('post-backup', postBackup.weight)
  try {
    if (preBackup && pre) await runHook(preBackup, pre, effects)
    for (const [i, sync] of state.syncs.entries()) {
      await rsync(
        `Backup of ${sync.dataPath} to ${sync.backupPath}`,
        hostPath(sync.dataPath),
        hostPath(sync.backupPath),
        mergeOptions(
          state.options,
          state.backupOptions,
          sync.options,
          sync.backupOptions,
        ),
        phases[i]!,
      )
    }
    const version = await effects.getDataVersion()
    const file = backupFile(DATA_VERSION_FILE)
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, version ?? '')
    if (postBackup && post) await runHook(postBackup, post, effects)
  } finally {
    await tracker.sync()
  }
}

/** Whether `path` exists on this machine. */
async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

/**
 * One restore: the pre-restore hook, each sync backup → data, the data version, the
 * post-restore hook. Phases go on `progress` (the init tracker) when given.
 */
export async function runRestore(
  state: BackupsState,
  effects: Effects,
  progress: FullProgressTracker = new FullProgressTracker(),
): Promise<void> {
  checkNotEmpty(state, 'restoreBackup')
  const { preRestore, postRestore } = state.hooks
  const pre = preRestore && progress.addPhase('pre-restore', preRestore.weight)
  const phases = state.syncs.map((sync) =>
    progress.addPhase(
      `restore:${sync.dataPath}`,
      sync.weight ?? DEFAULT_SYNC_WEIGHT,
    ),
  )
  const post =
    postRestore && progress.addPhase('post-restore', postRestore.weight)
  try {
    if (preRestore && pre) await runHook(preRestore, pre, effects)
    for (const [i, sync] of state.syncs.entries()) {
      const what = `Restore of ${sync.backupPath} to ${sync.dataPath}`
      const source = hostPath(sync.backupPath)
      if (!(await exists(source))) {
        throw failed(
          what,
          `the backup has nothing at ${sync.backupPath}; restore from a backup made with this configuration, or remove that sync`,
          { backupPath: sync.backupPath },
        )
      }
      await rsync(
        what,
        source,
        hostPath(sync.dataPath),
        mergeOptions(
          state.options,
          state.restoreOptions,
          sync.options,
          sync.restoreOptions,
        ),
        phases[i]!,
      )
    }
    const versionFile = backupFile(DATA_VERSION_FILE)
    if (await exists(versionFile)) {
      const text = (await readFile(versionFile, 'utf8')).trim()
      await effects.setDataVersion({ version: text === '' ? null : text })
    }
    if (postRestore && post) await runHook(postRestore, post, effects)
  } finally {
    await progress.sync()
  }
}
