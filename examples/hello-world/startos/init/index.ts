import { actions } from '../actions'
import { restoreInit } from '../backups'
import { setInterfaces } from '../interfaces'
import { sdk } from '../sdk'
import { versionGraph } from '../versions'
import { taskOnInstall } from './taskOnInstall'

/** Runs on install, update, restore and every boot, step by step in this order. */
export const init = sdk.setupInit(
  restoreInit,
  versionGraph,
  setInterfaces,
  actions,
  taskOnInstall,
)

/** Runs on uninstall, update and shutdown. */
export const uninit = sdk.setupUninit(versionGraph)
