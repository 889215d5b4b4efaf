/// <reference types="node" />
import type { Effects, ExpectedExports } from '../effects'
import { SdkError } from '../errors'
import type { SubContainer } from '../subcontainer'
import type { DaemonBuildable, SDKManifest } from '../types'
import { reportUnhandled } from '../util'
import { checkMs } from './commandLine'
import { daemonEntry, healthEntry, oneshotEntry } from './daemonsEntries'
import type { HealthDaemon } from './HealthDaemon'
import {
  materializeEntry,
  stopInReverseOrder,
  validateEntries,
} from './materialize'
import { DaemonsReconciler } from './reconciler'
import type {
  AddDaemonParams,
  AddHealthCheckParams,
  AddOneshotParams,
  DaemonEntry,
  DaemonsBuilder,
  OptionalParamAsync,
  OptionalParamSync,
  ValidId,
} from './types'

interface ChainState {
  built: Promise<unknown> | null
  healthDaemons: HealthDaemon<SDKManifest>[]
  termPromise: Promise<void> | null
  terminating: boolean
  detached: boolean
}

const states = new WeakMap<object, ChainState>()

function stateOf(chain: object): ChainState {
  let state = states.get(chain)
  if (state === undefined) {
    state = {
      built: null,
      healthDaemons: [],
      termPromise: null,
      terminating: false,
      detached: false,
    }
    states.set(chain, state)
  }
  return state
}

/** Adds `toEntry(options)` (or the options a factory returns; `null` skips) to `chain`. */
function append<M extends SDKManifest>(
  chain: Daemons<M, string>,
  id: string,
  options: unknown,
  toEntry: (id: string, options: unknown) => DaemonEntry<M>,
): Daemons<M, string> | Promise<Daemons<M, string>> {
  const add = (o: unknown): Daemons<M, string> =>
    o === null
      ? chain
      : new Daemons<M, string>(
          chain.effects,
          [...chain.ids, id],
          [...chain.entries, toEntry(id, o)],
        )
  if (typeof options !== 'function') return add(options)
  const produced: unknown = (options as () => unknown)()
  if (typeof (produced as PromiseLike<unknown> | null)?.then === 'function') {
    return Promise.resolve(produced).then(add)
  }
  return add(produced)
}

/** `identity` of a subcontainer of any SDK copy (the object itself if it has none). */
function identityOf(sub: SubContainer<SDKManifest>): unknown {
  return (sub as { identity?: unknown }).identity ?? sub
}

/** Builds `chain`: arms the context hook, checks, materializes and starts its entries. */
async function buildChain<M extends SDKManifest>(
  chain: Daemons<M, string>,
  state: ChainState,
): Promise<void> {
  const { effects } = chain
  try {
    if (effects.isInContext) {
      effects.onLeaveContext(() => {
        if (state.detached) return
        chain.term().catch((error) => reportUnhandled('Daemons.term', error))
      })
    }
    validateEntries(chain.entries)
    const byId = new Map<string, HealthDaemon<M>>()
    for (const entry of chain.entries) {
      if (state.terminating) return
      const dependencies = entry.requires.map(
        (id) => byId.get(id) as HealthDaemon<M>,
      )
      const hd = materializeEntry(effects, entry, dependencies)
      byId.set(entry.id, hd)
      state.healthDaemons.push(hd as unknown as HealthDaemon<SDKManifest>)
    }
    for (const hd of byId.values()) {
      if (state.terminating) return
      await hd.updateStatus()
    }
  } catch (error) {
    await chain.term().catch(() => undefined)
    throw error
  }
}

/**
 * The service's daemons, oneshots and health checks, and the order they start in: each
 * `add…` returns a new chain with one more entry; {@link Daemons.build} starts them, each
 * once the entries it `requires` are ready. Passed to (returned from) `setupMain`.
 *
 * @example
 * ```ts
 * export const main = sdk.setupMain(async ({ effects }) =>
 *   sdk.Daemons.of(effects)
 *     .addOneshot('migrate', { subcontainer: sub, exec: { command: 'app migrate' }, requires: [] })
 *     .addDaemon('app', {
 *       subcontainer: sub,
 *       exec: { command: ['app', 'serve'] },
 *       ready: { display: 'Web', fn: () => sdk.healthCheck.checkPortListening(effects, 80, { successMessage: 'up', errorMessage: 'down' }) },
 *       requires: ['migrate'],
 *     }),
 * )
 * ```
 */
export class Daemons<
  Manifest extends SDKManifest,
  Ids extends string,
> implements DaemonBuildable {
  /** The effects the chain runs with; leaving their context terminates it (unless detached). */
  readonly effects: Effects
  /** The ids of the entries, in order. */
  readonly ids: Ids[]
  /** The recorded entries, in order; nothing runs before {@link build}. */
  readonly entries: ReadonlyArray<DaemonEntry<Manifest>>

  /** @internal Use {@link Daemons.of} and the `add…` methods. */
  constructor(
    effects: Effects,
    ids: Ids[],
    entries: ReadonlyArray<DaemonEntry<Manifest>>,
  ) {
    this.effects = effects
    this.ids = ids
    this.entries = entries
  }

  /** An empty chain for `effects` (those `setupMain` passes). */
  static of<Manifest extends SDKManifest>(options: {
    effects: Effects
  }): Daemons<Manifest, never> {
    return new Daemons<Manifest, never>(options.effects, [], [])
  }

  /**
   * A daemon set that follows `fn`: a `DaemonsReconciler` to return from `setupMain`. With
   * `fn` alone (the 2.0.0 form) it returns a `main` export instead.
   */
  static dynamic<Manifest extends SDKManifest>(
    effects: Effects,
    fn: DaemonsBuilder<Manifest>,
  ): DaemonsReconciler<Manifest>
  static dynamic<Manifest extends SDKManifest>(
    fn: DaemonsBuilder<Manifest>,
  ): ExpectedExports.main
  static dynamic<Manifest extends SDKManifest>(
    a: Effects | DaemonsBuilder<Manifest>,
    b?: DaemonsBuilder<Manifest>,
  ): DaemonsReconciler<Manifest> | ExpectedExports.main {
    if (typeof a === 'function') {
      const fn = a
      return async ({ effects }) => new DaemonsReconciler(effects, fn)
    }
    if (typeof b !== 'function') {
      throw new SdkError(
        'DAEMON_INVALID',
        `Daemons.dynamic(effects, fn): fn must be a function returning a Daemons chain, got ${String(b)}; pass async ({ effects }) => sdk.Daemons.of(effects)...`,
        { details: { field: 'fn' } },
      )
    }
    return new DaemonsReconciler(a, b)
  }

  /**
   * Adds a daemon: `{ subcontainer, exec }` or a prebuilt `{ daemon }`, with its `ready`
   * check and the earlier ids it `requires`. A function may supply the options; returning
   * `null` leaves the entry out, and an async one makes this return a promise.
   */
  addDaemon<Id extends string, C extends SubContainer<Manifest> | null>(
    id: ValidId<Id, Ids>,
    options: OptionalParamSync<AddDaemonParams<Manifest, Ids, Id, C>>,
  ): Daemons<Manifest, Ids | Id>
  addDaemon<Id extends string, C extends SubContainer<Manifest> | null>(
    id: ValidId<Id, Ids>,
    options: OptionalParamAsync<AddDaemonParams<Manifest, Ids, Id, C>>,
  ): Promise<Daemons<Manifest, Ids | Id>>
  addDaemon(
    id: string,
    options: unknown,
  ): Daemons<Manifest, string> | Promise<Daemons<Manifest, string>> {
    return append(this, id, options, daemonEntry<Manifest>)
  }

  /**
   * Adds a command run once: ready when it exits 0, retried with backoff while it fails,
   * not run again after success. Factories as for {@link addDaemon}.
   */
  addOneshot<Id extends string, C extends SubContainer<Manifest> | null>(
    id: ValidId<Id, Ids>,
    options: OptionalParamSync<AddOneshotParams<Manifest, Ids, Id, C>>,
  ): Daemons<Manifest, Ids | Id>
  addOneshot<Id extends string, C extends SubContainer<Manifest> | null>(
    id: ValidId<Id, Ids>,
    options: OptionalParamAsync<AddOneshotParams<Manifest, Ids, Id, C>>,
  ): Promise<Daemons<Manifest, Ids | Id>>
  addOneshot(
    id: string,
    options: unknown,
  ): Daemons<Manifest, string> | Promise<Daemons<Manifest, string>> {
    return append(this, id, options, oneshotEntry<Manifest>)
  }

  /** Adds a health check with no process of its own. Factories as for {@link addDaemon}. */
  addHealthCheck<Id extends string>(
    id: ValidId<Id, Ids>,
    options: OptionalParamSync<AddHealthCheckParams<Ids, Id>>,
  ): Daemons<Manifest, Ids | Id>
  addHealthCheck<Id extends string>(
    id: ValidId<Id, Ids>,
    options: OptionalParamAsync<AddHealthCheckParams<Ids, Id>>,
  ): Promise<Daemons<Manifest, Ids | Id>>
  addHealthCheck(
    id: string,
    options: unknown,
  ): Daemons<Manifest, string> | Promise<Daemons<Manifest, string>> {
    return append(this, id, options, healthEntry<Manifest>)
  }

  /**
   * Starts the chain (once; later calls share the first): arms termination on context
   * leave, checks the entries (`DAEMON_INVALID`), creates each entry's daemon and starts
   * those whose requirements are ready. If anything throws, everything is terminated first.
   */
  build(): Promise<this> {
    const state = stateOf(this)
    state.built ??= buildChain(this as Daemons<Manifest, string>, state)
    return state.built.then(() => this)
  }

  /** The running entries, in order (empty before {@link build}). */
  get healthDaemons(): ReadonlyArray<HealthDaemon<Manifest>> {
    return stateOf(this).healthDaemons as unknown as HealthDaemon<Manifest>[]
  }

  /**
   * Builds the chain, waits until every entry is ready, then terminates it all. Rejects
   * with `DAEMON_TIMEOUT` (`Timed out waiting for <ids>`) after `timeout` ms (`null`: no
   * limit); nothing is left running either way.
   */
  async runUntilSuccess(timeout: number | null): Promise<null> {
    if (timeout !== null) checkMs('runUntilSuccess(timeout)', timeout)
    let timer: NodeJS.Timeout | undefined
    try {
      await this.build()
      const waiting = new Set(this.healthDaemons)
      const all = Promise.all(
        [...waiting].map((hd) => hd.onReady().then(() => waiting.delete(hd))),
      )
      if (timeout === null) await all
      else {
        const expired = await Promise.race([
          all.then(() => false),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(true), timeout)
          }),
        ])
        if (expired) {
          const ids = [...waiting].map((hd) => hd.id)
          throw new SdkError(
            'DAEMON_TIMEOUT',
            `Timed out waiting for ${ids.join(', ')} (after ${timeout} ms); raise the timeout or check why they do not become ready`,
            { details: { ids, timeout } },
          )
        }
      }
    } finally {
      clearTimeout(timer)
      await this.term()
    }
    return null
  }

  /** Leaving the effects' context no longer terminates the chain; call `term()` yourself. */
  detach(): void {
    stateOf(this).detached = true
  }

  /**
   * Stops everything, dependents before what they require, then destroys each
   * subcontainer the entries use (each once). Idempotent; concurrent calls share one promise.
   */
  term(): Promise<void> {
    const state = stateOf(this)
    if (state.termPromise === null) {
      state.terminating = true
      state.termPromise = (async () => {
        const failures: unknown[] = []
        await stopInReverseOrder(state.healthDaemons, (hd) => hd.term()).catch(
          (error: unknown) => failures.push(error),
        )
        const seen = new Map<unknown, SubContainer<SDKManifest>>()
        for (const entry of this.entries) {
          if (entry.kind === 'health' || entry.subcontainer === null) continue
          const sub = entry.subcontainer as SubContainer<SDKManifest>
          if (!seen.has(identityOf(sub))) seen.set(identityOf(sub), sub)
        }
        const results = await Promise.allSettled(
          [...seen.values()].map((sub) => sub.destroy()),
        )
        for (const r of results)
          if (r.status === 'rejected') failures.push(r.reason)
        if (failures.length > 0) throw failures[0]
      })()
    }
    return state.termPromise
  }
}
