import type { ExtendedVersion, VersionRange } from '../exver'
import type { ActionInput, ActionResult } from './actions'
import type { ActionId } from './ids'
import type { Manifest } from './manifest'

/** What `main` resolves to: something the runtime builds into a running, terminable daemon. */
export type DaemonBuildable = {
  build(): Promise<{ term(): Promise<void> }>
}

/** Why `init` runs: a fresh install, an update, a restore, or an ordinary start (`null`). */
export type InitKind = 'install' | 'update' | 'restore' | null

/** What `uninit` prepares for: the version or range being moved to, or `null` on uninstall. */
export type UninitTarget = ExtendedVersion | VersionRange | null

/** The `createBackup` export, called with the effects of a backup. */
export type AbiCreateBackup<TEffects> = (options: {
  effects: TEffects
}) => Promise<unknown>

/** The `main` export, which returns the daemons to run. */
export type AbiMain<TEffects> = (options: {
  effects: TEffects
}) => Promise<DaemonBuildable>

/** The `init` export, run on every start before `main`. */
export type AbiInit<TEffects> = (options: {
  effects: TEffects
  kind: InitKind
}) => Promise<unknown>

/** The `uninit` export, run before the service stops for good, updates or is removed. */
export type AbiUninit<TEffects> = (options: {
  effects: TEffects
  target: UninitTarget
}) => Promise<unknown>

/** One action as the runtime drives it: fetch its input form, then run it. */
export interface AbiAction<TEffects> {
  /** Returns the action's input form, filled from `prefill` where given. */
  getInput(options: {
    effects: TEffects
    prefill: Record<string, unknown> | null
  }): Promise<ActionInput>
  /** Runs the action with the submitted input. */
  run(options: {
    effects: TEffects
    input: Record<string, unknown>
  }): Promise<ActionResult | null>
}

/** The `actions` export as the runtime sees it: a lookup by action id. */
export interface AbiActions<TEffects> {
  /** Returns the action with this id, or `undefined` when there is none. */
  get(actionId: ActionId): AbiAction<TEffects> | undefined
}

/** Every export the runtime requires of a package bundle, for a given effects type. */
export type PackageAbi<TEffects> = {
  createBackup: AbiCreateBackup<TEffects>
  main: AbiMain<TEffects>
  init: AbiInit<TEffects>
  uninit: AbiUninit<TEffects>
  manifest: Manifest
  actions: AbiActions<TEffects>
}
