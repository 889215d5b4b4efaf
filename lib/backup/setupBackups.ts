import type { Effects, ExpectedExports } from '../effects'
import type { FullProgressTracker } from '../progress'
import type { InitKind, SDKManifest } from '../types'
import { Backups } from './Backups'
import { invalidConfig } from './problems'
import type { BackupInitScript } from './types'

/** What `setupBackups` takes: the volumes to back up whole, or a function building a {@link Backups}. */
export type SetupBackupsParams<M extends SDKManifest> =
  | M['volumes'][number][]
  | ((_: { effects: Effects }) => Promise<Backups<M>>)

/** What `setupBackups` returns: the `createBackup` export and the restore step for `setupInit`. */
export type SetupBackupsRes = {
  createBackup: ExpectedExports.createBackup
  restoreInit: BackupInitScript
}

/**
 * The service's backup export and its restore step. Export `createBackup` from the package
 * and put `restoreInit` first in `setupInit(...)`: it restores only when init runs for a restore.
 *
 * @example
 * ```ts
 * export const { createBackup, restoreInit } = setupBackups<typeof manifest>(['main'])
 * ```
 */
export function setupBackups<M extends SDKManifest>(
  options: SetupBackupsParams<M>,
): SetupBackupsRes {
  if (!Array.isArray(options) && typeof options !== 'function') {
    throw invalidConfig(
      'setupBackups',
      'options',
      'an array of volume ids or an async function returning a Backups',
      options,
      "pass ['main'] or async ({ effects }) => Backups.ofVolumes('main')",
    )
  }
  const build = async (effects: Effects): Promise<Backups<M>> => {
    if (Array.isArray(options)) return Backups.ofVolumes<M>(...options)
    const backups = await options({ effects })
    if (
      typeof (backups as Partial<Backups<M>> | null)?.createBackup !==
        'function' ||
      typeof (backups as Partial<Backups<M>>).restoreBackup !== 'function'
    ) {
      throw invalidConfig(
        'setupBackups',
        '(the function result)',
        'a Backups',
        backups,
        'return Backups.ofVolumes(...) (or another Backups factory) from the function',
      )
    }
    return backups
  }
  // checks the volume ids now, so a bad list fails at setup rather than at the first backup
  if (Array.isArray(options)) Backups.ofVolumes<M>(...options)
  return {
    createBackup: async ({ effects }) => {
      await (await build(effects)).createBackup(effects)
    },
    restoreInit: {
      init: async (
        effects: Effects,
        kind: InitKind,
        progress?: FullProgressTracker,
      ): Promise<void> => {
        if (kind !== 'restore') return
        await (await build(effects)).restoreBackup(effects, progress)
      },
    },
  }
}
