import { SdkError } from '../errors'
import type { SubContainer } from '../subcontainer'
import type { SDKManifest } from '../types'
import type { Ready } from './commandTypes'
import type { Daemon } from './Daemon'
import type { DaemonEntry } from './types'

type Loose = Record<string, unknown>

function invalid(id: string, field: string, fix: string): SdkError {
  return new SdkError('DAEMON_INVALID', `Daemons: '${id}': ${field}; ${fix}`, {
    details: { id, field },
  })
}

function checkRequires(id: string, o: Loose): string[] {
  const requires = o.requires
  if (
    !Array.isArray(requires) ||
    !requires.every((r) => typeof r === 'string')
  ) {
    throw invalid(
      id,
      'requires must be a list of ids',
      'pass requires: [] when it needs nothing',
    )
  }
  return [...requires]
}

function checkReady(id: string, o: Loose): Ready {
  const ready = o.ready as Loose | undefined
  if (
    typeof ready !== 'object' ||
    ready === null ||
    typeof ready.fn !== 'function' ||
    (ready.display !== null && typeof ready.display !== 'string')
  ) {
    throw invalid(
      id,
      'ready must be { display: string | null, fn }',
      "pass e.g. ready: { display: 'Web', fn: () => checkPortListening(...) }",
    )
  }
  return ready as unknown as Ready
}

function checkObject(id: string, o: unknown): Loose {
  if (typeof o !== 'object' || o === null) {
    throw invalid(
      id,
      `the options must be an object, got ${String(o)}`,
      'pass { subcontainer, exec, ready, requires }',
    )
  }
  return o as Loose
}

/** The exec recorded for a prebuilt daemon, which runs its own command: never called. */
const prebuiltExec = {
  fn: (): Promise<null> =>
    Promise.reject(
      new SdkError(
        'DAEMON_INVALID',
        'a prebuilt daemon runs its own command; its entry exec is never run',
      ),
    ),
}

/** The entry `addDaemon(id, options)` records. */
export function daemonEntry<M extends SDKManifest>(
  id: string,
  options: unknown,
): DaemonEntry<M> {
  const o = checkObject(id, options)
  const ready = checkReady(id, o)
  const requires = checkRequires(id, o)
  if (o.daemon !== undefined && o.daemon !== null) {
    const daemon = o.daemon as Daemon<M>
    return {
      kind: 'daemon',
      id,
      subcontainer: daemon.subcontainer,
      exec: prebuiltExec,
      ready,
      requires,
      prebuiltDaemon: daemon,
    }
  }
  if (!('subcontainer' in o) || o.exec === undefined) {
    throw invalid(
      id,
      'needs either { subcontainer, exec } or { daemon }',
      'pass the subcontainer and the command to run, or a Daemon built with sdk.Daemon.of',
    )
  }
  return {
    kind: 'daemon',
    id,
    subcontainer: (o.subcontainer ?? null) as SubContainer<M> | null,
    exec: o.exec as Extract<DaemonEntry<M>, { kind: 'daemon' }>['exec'],
    ready,
    requires,
    prebuiltDaemon: null,
  }
}

/** The entry `addOneshot(id, options)` records. */
export function oneshotEntry<M extends SDKManifest>(
  id: string,
  options: unknown,
): DaemonEntry<M> {
  const o = checkObject(id, options)
  const requires = checkRequires(id, o)
  if (!('subcontainer' in o) || o.exec === undefined) {
    throw invalid(
      id,
      'needs { subcontainer, exec }',
      'pass the subcontainer and the command to run once',
    )
  }
  return {
    kind: 'oneshot',
    id,
    subcontainer: (o.subcontainer ?? null) as SubContainer<M> | null,
    exec: o.exec as Extract<DaemonEntry<M>, { kind: 'oneshot' }>['exec'],
    requires,
  }
}

/** The entry `addHealthCheck(id, options)` records. */
export function healthEntry<M extends SDKManifest>(
  id: string,
  options: unknown,
): DaemonEntry<M> {
  const o = checkObject(id, options)
  return {
    kind: 'health',
    id,
    ready: checkReady(id, o),
    requires: checkRequires(id, o),
  }
}
