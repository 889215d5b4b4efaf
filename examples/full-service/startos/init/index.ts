import { actions } from '../actions'
import { restoreInit } from '../backups'
import { setDependencies } from '../dependencies'
import { setInterfaces } from '../interfaces'
import { sdk } from '../sdk'
import { versionGraph } from '../versions'
import { seedFiles } from './seedFiles'

/**
 * Runs on install, update, restore and every boot, in this order. The files are seeded
 * before the steps that read them, so those read real values on the first install.
 */
export const init = sdk.setupInit(
  restoreInit,
  versionGraph,
  seedFiles,
  setDependencies,
  setInterfaces,
  actions,
)

/** Runs before an update, a downgrade or an uninstall: migrates the data towards `target`. */
export const uninit = sdk.setupUninit(versionGraph)
