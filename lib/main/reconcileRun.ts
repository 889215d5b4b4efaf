import { SdkError } from '../errors'
import type { SDKManifest } from '../types'
import { reportUnhandled } from '../util'
import { configHash, isLazySubContainer } from './configHash'
import type { HealthDaemon } from './HealthDaemon'
import {
  materializeEntry,
  stopInReverseOrder,
  validateEntries,
} from './materialize'
import type { ReconcilerState, RunningEntry } from './reconcileState'
import { FN_CONTEXT, WHERE } from './reconcileState'
import type { DaemonEntry } from './types'

/** What a subcontainer handle offers the reconciler (either kind, from either SDK copy). */
interface Destroyable {
  destroy(): Promise<unknown>
}

/** The subcontainer an entry runs in, if any (health checks and function daemons have none). */
function subcontainerOf<M extends SDKManifest>(
  entry: DaemonEntry<M>,
): Destroyable | null {
  if (entry.kind === 'health') return null
  const sub = entry.subcontainer as Destroyable | null | undefined
  return sub ?? null
}

/** Destroys `sub`, reporting a failure instead of throwing. */
async function destroyQuietly(sub: Destroyable, id: string): Promise<void> {
  try {
    await sub.destroy()
  } catch (error) {
    reportUnhandled(`${WHERE}: destroying the subcontainer of "${id}"`, error)
  }
}

/**
 * Destroys the subcontainers of `entries` that no running entry uses: the handles a run was
 * given but did not start (left-alone entries, refused or failed runs). A lazy handle that
 * was never used is only marked, so this costs nothing.
 */
async function releaseUnused<M extends SDKManifest>(
  state: ReconcilerState<M>,
  entries: ReadonlyArray<DaemonEntry<M>>,
): Promise<void> {
  const used = new Set<unknown>()
  for (const run of state.running.values()) used.add(subcontainerOf(run.entry))
  const releases: Promise<void>[] = []
  for (const entry of entries) {
    const sub = subcontainerOf(entry)
    if (sub === null || used.has(sub)) continue
    used.add(sub)
    releases.push(destroyQuietly(sub, entry.id))
  }
  await Promise.all(releases)
}

/** Throws `DAEMON_INVALID` naming every entry whose subcontainer is not a lazy handle. */
function refuseEager<M extends SDKManifest>(
  entries: ReadonlyArray<DaemonEntry<M>>,
): void {
  const eager = entries
    .filter((e) => {
      const sub = subcontainerOf(e)
      return sub !== null && !isLazySubContainer(sub)
    })
    .map((e) => `"${e.id}"`)
  if (eager.length === 0) return
  throw new SdkError(
    'DAEMON_INVALID',
    `Daemons.dynamic: ${eager.join(', ')} ${eager.length === 1 ? 'uses' : 'use'} an eager SubContainer (SubContainer.eager() or SubContainerLazy.eager()). ` +
      'The reconciler needs lazy handles, so that an entry it leaves running creates nothing on each run: ' +
      'create the subcontainer with sdk.SubContainer.of(...) inside the builder. Nothing was started or stopped by this run.',
    { details: { ids: eager } },
  )
}

/** The running ids to stop: removed or changed ones, and everything depending on them. */
function idsToStop<M extends SDKManifest>(
  running: ReadonlyMap<string, RunningEntry<M>>,
  hashes: ReadonlyMap<string, string>,
): Set<string> {
  const stop = new Set<string>()
  const dependents = new Map<string, string[]>()
  for (const [id, run] of running) {
    if (hashes.get(id) !== run.hash) stop.add(id)
    for (const required of run.entry.requires) {
      const list = dependents.get(required)
      if (list === undefined) dependents.set(required, [id])
      else list.push(id)
    }
  }
  const queue = [...stop]
  for (let i = 0; i < queue.length; i++) {
    for (const dependent of dependents.get(queue[i] as string) ?? []) {
      if (stop.has(dependent)) continue
      stop.add(dependent)
      queue.push(dependent)
    }
  }
  return stop
}

/**
 * Stops `runs` dependents first: each daemon is terminated, then its subcontainer is
 * destroyed unless an entry in `keep` still uses it. Failures are reported, never thrown.
 */
export async function stopEntries<M extends SDKManifest>(
  runs: ReadonlyArray<RunningEntry<M>>,
  keep: Iterable<RunningEntry<M>>,
): Promise<void> {
  if (runs.length === 0) return
  const byDaemon = new Map<HealthDaemon<M>, RunningEntry<M>>()
  for (const run of runs) byDaemon.set(run.daemon, run)
  const shared = new Set<unknown>()
  for (const run of keep) shared.add(subcontainerOf(run.entry))
  const stopOne = async (daemon: HealthDaemon<M>): Promise<void> => {
    const run = byDaemon.get(daemon)
    const id = run?.entry.id ?? daemon.id
    try {
      await daemon.term()
    } catch (error) {
      reportUnhandled(`${WHERE}: stopping "${id}"`, error)
    }
    const sub = run === undefined ? null : subcontainerOf(run.entry)
    if (sub !== null && !shared.has(sub)) await destroyQuietly(sub, id)
  }
  try {
    await stopInReverseOrder([...byDaemon.keys()], stopOne)
  } catch (error) {
    reportUnhandled(`${WHERE}: stopping daemons`, error)
  }
}

/** Creates, records and starts one entry; reports instead of throwing when it cannot. */
async function startEntry<M extends SDKManifest>(
  state: ReconcilerState<M>,
  entry: DaemonEntry<M>,
  hash: string,
): Promise<void> {
  const dependencies: HealthDaemon<M>[] = []
  for (const required of entry.requires) {
    const run = state.running.get(required)
    if (run === undefined) {
      reportUnhandled(
        WHERE,
        new SdkError(
          'DAEMON_FAILED',
          `Daemons.dynamic: "${entry.id}" was not started because "${required}", which it requires, failed to start; fix "${required}" (see the error above) and it is retried on the next run.`,
        ),
      )
      return
    }
    dependencies.push(run.daemon)
  }
  let daemon: HealthDaemon<M>
  try {
    daemon = materializeEntry(state.rootEffects, entry, dependencies)
  } catch (error) {
    reportUnhandled(`${WHERE}: creating "${entry.id}"`, error)
    return
  }
  state.running.set(entry.id, { entry, hash, daemon })
  try {
    await daemon.updateStatus()
  } catch (error) {
    reportUnhandled(`${WHERE}: starting "${entry.id}"`, error)
  }
}

/**
 * One run: calls the builder in a fresh child context whose `constRetry` asks for the next
 * run (once), checks the entries, then stops what was removed or changed (with everything
 * depending on it) and starts what is new, leaving unchanged entries running. Never throws:
 * every problem is reported.
 */
export async function runOnce<M extends SDKManifest>(
  state: ReconcilerState<M>,
  scheduleRerun: () => void,
): Promise<void> {
  const effects = state.rootEffects.child(FN_CONTEXT)
  state.runs++
  let retried = false
  effects.constRetry = () => {
    if (retried || state.terminating) return
    retried = true
    scheduleRerun()
  }
  let entries: ReadonlyArray<DaemonEntry<M>>
  try {
    entries = (await state.fn({ effects })).entries
  } catch (error) {
    reportUnhandled(`${WHERE}: the builder threw`, error)
    return
  }
  if (state.terminating) return releaseUnused(state, entries)
  const hashes = new Map<string, string>()
  try {
    validateEntries(entries)
    refuseEager(entries)
    for (const entry of entries) hashes.set(entry.id, configHash(entry))
  } catch (error) {
    await releaseUnused(state, entries)
    reportUnhandled(WHERE, error)
    return
  }
  const stop = idsToStop(state.running, hashes)
  const stopping: RunningEntry<M>[] = []
  const kept = new Map<string, RunningEntry<M>>()
  for (const [id, run] of state.running) {
    if (stop.has(id)) stopping.push(run)
    else kept.set(id, run)
  }
  await stopEntries(stopping, kept.values())
  state.running = new Map()
  for (const entry of entries) {
    const old = kept.get(entry.id)
    if (old !== undefined) state.running.set(entry.id, old)
    else if (!state.terminating) {
      await startEntry(state, entry, hashes.get(entry.id) as string)
    }
  }
  await releaseUnused(state, entries)
}

/** Stops everything the reconciler runs, dependents first; reports failures. */
export async function stopAll<M extends SDKManifest>(
  state: ReconcilerState<M>,
): Promise<void> {
  const all = [...state.running.values()]
  state.running = new Map()
  await stopEntries(all, [])
}
