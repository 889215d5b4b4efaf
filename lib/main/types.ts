import type { Effects } from '../effects'
import type { SubContainer } from '../subcontainer'
import type { SDKManifest } from '../types'
import type { DaemonCommandType, Ready } from './commandTypes'
import type { Daemon } from './Daemon'

export type {
  DaemonCommandType,
  DaemonExit,
  ExecCommandOptions,
  ExecFnOptions,
  Ready,
} from './commandTypes'

/**
 * One recorded entry of a `Daemons` chain, before `build()` turns it into a running
 * `HealthDaemon`: a daemon, a oneshot, or a health check with no process.
 */
export type DaemonEntry<M extends SDKManifest> =
  | {
      kind: 'daemon'
      id: string
      subcontainer: SubContainer<M> | null
      exec: DaemonCommandType<M, SubContainer<M> | null>
      ready: Ready
      requires: ReadonlyArray<string>
      prebuiltDaemon: Daemon<M> | null
    }
  | {
      kind: 'oneshot'
      id: string
      subcontainer: SubContainer<M> | null
      exec: DaemonCommandType<M, SubContainer<M> | null>
      requires: ReadonlyArray<string>
    }
  | {
      kind: 'health'
      id: string
      ready: Ready
      requires: ReadonlyArray<string>
    }

/**
 * What a `DaemonsBuilder` returns: a recorded `Daemons` chain. Every `Daemons<M, Ids>` is
 * one; the type is structural so this file need not import the chain class.
 */
export interface DaemonsChain<M extends SDKManifest> {
  /** The effects the chain was made with. */
  readonly effects: Effects
  /** The ids of its entries, in order. */
  readonly ids: readonly string[]
  /** Its recorded entries, in order. */
  readonly entries: ReadonlyArray<DaemonEntry<M>>
}

/** The function `Daemons.dynamic` re-runs: returns the daemon set wanted right now. */
export type DaemonsBuilder<M extends SDKManifest> = (opts: {
  effects: Effects
}) => Promise<DaemonsChain<M>> | DaemonsChain<M>

/** A value, or a function returning it or `null` (to leave the entry out). */
export type OptionalParamSync<T> = T | (() => T | null)

/** An async function returning the value or `null` (to leave the entry out). */
export type OptionalParamAsync<T> = () => Promise<T | null>

/** How a daemon is given: a subcontainer and what to run in it. */
export type NewDaemonParams<
  Manifest extends SDKManifest,
  C extends SubContainer<Manifest> | null,
> = {
  exec: DaemonCommandType<Manifest, C>
  subcontainer: C
}

/** The options of `addDaemon`: a new or prebuilt daemon, its readiness and prerequisites. */
export type AddDaemonParams<
  Manifest extends SDKManifest,
  Ids extends string,
  Id extends string,
  C extends SubContainer<Manifest> | null,
> = (
  | NewDaemonParams<Manifest, C>
  | {
      daemon: Daemon<Manifest>
    }
) & {
  ready: Ready
  requires: Exclude<Ids, Id>[]
}

/** The options of `addOneshot`: what to run and its prerequisites. */
export type AddOneshotParams<
  Manifest extends SDKManifest,
  Ids extends string,
  Id extends string,
  C extends SubContainer<Manifest> | null,
> = NewDaemonParams<Manifest, C> & {
  requires: Exclude<Ids, Id>[]
}

/** The options of `addHealthCheck`: the check and its prerequisites. */
export type AddHealthCheckParams<Ids extends string, Id extends string> = {
  ready: Ready
  requires: Exclude<Ids, Id>[]
}

/** The compile-time error an id already in the chain gets. */
export type ErrorDuplicateId<Id extends string> =
  `The id '${Id}' is already used`

/**
 * The type an id must have to be added to a chain holding `Ids`: an empty string and a
 * repeated id are refused (the latter with {@link ErrorDuplicateId}).
 */
export type ValidId<Id extends string, Ids extends string> = '' extends Id
  ? never
  : ErrorDuplicateId<Id> extends Id
    ? never
    : Id extends Ids
      ? ErrorDuplicateId<Id>
      : Id
