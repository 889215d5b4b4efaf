import type {
  AbiActions,
  AbiCreateBackup,
  AbiInit,
  AbiMain,
  AbiUninit,
  Manifest,
  PackageAbi,
} from '../types'
import type { Effects } from './types'

/** The export types a package bundle must provide, one per export name. */
export declare namespace ExpectedExports {
  /** Backs up the service's data. */
  type createBackup = AbiCreateBackup<Effects>
  /** Starts the service's daemons. */
  type main = AbiMain<Effects>
  /** Runs on every start, before `main`. */
  type init = AbiInit<Effects>
  /** Runs before the service stops for good, updates or is removed. */
  type uninit = AbiUninit<Effects>
  /** The package manifest. */
  type manifest = Manifest
  /** The package's actions, looked up by id. */
  type actions = AbiActions<Effects>
}

/** The whole package interface the runtime drives. */
export type ABI = PackageAbi<Effects>
