import type { Effects } from '../effects'
import { SdkError } from '../errors'
import type { SDKManifest } from '../types'
import { reportUnhandled } from '../util'
import { Daemon, Oneshot } from './Daemon'
import { EXIT_SUCCESS, HealthDaemon } from './HealthDaemon'
import type { DaemonEntry } from './types'

/**
 * Turns one recorded entry into its `HealthDaemon`, not yet started (await its
 * `updateStatus()`): a daemon (the prebuilt one, or a new `Daemon`), a oneshot or a bare
 * health check. The daemon is `detach()`ed: whoever owns the result terminates it.
 */
export function materializeEntry<M extends SDKManifest>(
  effects: Effects,
  entry: DaemonEntry<M>,
  dependencies: HealthDaemon<M>[],
): HealthDaemon<M> {
  switch (entry.kind) {
    case 'daemon': {
      const daemon =
        entry.prebuiltDaemon ??
        Daemon.of<M>()(effects, entry.subcontainer, entry.exec)
      daemon.detach()
      return new HealthDaemon(
        daemon as Daemon<M>,
        dependencies,
        entry.id,
        entry.ready,
        effects,
      )
    }
    case 'oneshot': {
      const oneshot = Oneshot.of<M>()(effects, entry.subcontainer, entry.exec)
      oneshot.detach()
      return new HealthDaemon(
        oneshot as Daemon<M>,
        dependencies,
        entry.id,
        EXIT_SUCCESS,
        effects,
      )
    }
    case 'health':
      return new HealthDaemon<M>(
        null,
        dependencies,
        entry.id,
        entry.ready,
        effects,
      )
  }
}

/**
 * Checks a chain's entries: every id non-empty and unique, every `requires` naming an
 * earlier entry. Throws `DAEMON_INVALID` naming the entry and the fix.
 */
export function validateEntries(
  entries: ReadonlyArray<{ id: string; requires: ReadonlyArray<string> }>,
): void {
  const seen = new Set<string>()
  for (const [index, entry] of entries.entries()) {
    const where = `entry ${index}`
    if (typeof entry.id !== 'string' || entry.id === '') {
      throw new SdkError(
        'DAEMON_INVALID',
        `Daemons: ${where} has an empty id; give every daemon, oneshot and health check a unique non-empty id`,
        { details: { index, field: 'id' } },
      )
    }
    if (seen.has(entry.id)) {
      throw new SdkError(
        'DAEMON_INVALID',
        `Daemons: the id '${entry.id}' is already used (${where}); give each entry its own id`,
        { details: { index, id: entry.id, field: 'id' } },
      )
    }
    for (const required of entry.requires) {
      if (!seen.has(required)) {
        throw new SdkError(
          'DAEMON_INVALID',
          `Daemons: '${entry.id}' requires '${String(required)}', which is not an earlier entry; add '${String(required)}' before '${entry.id}' or remove it from requires`,
          { details: { index, id: entry.id, field: 'requires', required } },
        )
      }
    }
    seen.add(entry.id)
  }
}

/**
 * Stops `healthDaemons` dependents first: each wave stops (concurrently) those no running
 * entry requires any more. Should entries require each other in a cycle, the rest are
 * stopped together. Every entry is stopped even if some fail; the first failure is thrown.
 */
export async function stopInReverseOrder<M extends SDKManifest>(
  healthDaemons: ReadonlyArray<HealthDaemon<M>>,
  stop: (hd: HealthDaemon<M>) => Promise<void>,
): Promise<void> {
  const left = new Set(healthDaemons)
  const failures: unknown[] = []
  while (left.size > 0) {
    const needed = new Set<HealthDaemon<M>>()
    for (const hd of left) for (const d of hd.dependencies) needed.add(d)
    let wave = [...left].filter((hd) => !needed.has(hd))
    if (wave.length === 0) {
      reportUnhandled(
        'Daemons.term',
        new SdkError(
          'DAEMON_INVALID',
          `the entries ${[...left].map((hd) => `'${hd.id}'`).join(', ')} require each other in a cycle; stopping them together`,
        ),
      )
      wave = [...left]
    }
    const results = await Promise.allSettled(wave.map((hd) => stop(hd)))
    for (const r of results)
      if (r.status === 'rejected') failures.push(r.reason)
    for (const hd of wave) left.delete(hd)
  }
  if (failures.length > 0) throw failures[0]
}
