import type { SyncOptions } from '../types'
import type { BackupHook, BackupSync } from './types'

/** A hook and its progress weight. */
export interface WeightedHook {
  readonly fn: BackupHook
  readonly weight: number
}

/** The four hook slots of a `Backups`. */
export type HookSlot = 'preBackup' | 'postBackup' | 'preRestore' | 'postRestore'

/** Everything a `Backups` holds; kept outside the class so the class has no private members. */
export interface BackupsState {
  options: Partial<SyncOptions>
  backupOptions: Partial<SyncOptions>
  restoreOptions: Partial<SyncOptions>
  readonly syncs: BackupSync<string>[]
  readonly hooks: { [slot in HookSlot]?: WeightedHook }
}

const states = new WeakMap<object, BackupsState>()

/** Registers a fresh, empty state for `backups`. */
export function initState(backups: object): BackupsState {
  const state: BackupsState = {
    options: {},
    backupOptions: {},
    restoreOptions: {},
    syncs: [],
    hooks: {},
  }
  states.set(backups, state)
  return state
}

/** The state of `backups`; throws a `TypeError` for anything not built by this SDK copy. */
export function stateOf(backups: object): BackupsState {
  const state = states.get(backups)
  if (state === undefined)
    throw new TypeError('not a Backups built by this copy of the SDK')
  return state
}
