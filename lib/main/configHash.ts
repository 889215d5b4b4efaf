import type { CommandType, SDKManifest } from '../types'
import { isUseEntrypoint } from '../types'
import type { DaemonEntry } from './types'

/**
 * Canonical JSON of a plain value: object keys sorted, `undefined`, functions and symbols
 * written as `null` (also as object members, so a key set to `undefined` and a missing key
 * only differ inside nested objects), non-finite numbers as `null` (as `JSON.stringify` does).
 * One pass, no intermediate objects.
 */
function canonical(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null'
    case 'boolean':
      return value ? 'true' : 'false'
    case 'bigint':
      return JSON.stringify(String(value))
    case 'object':
      break
    default:
      return 'null'
  }
  if (value === null) return 'null'
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ','
      out += canonical(value[i])
    }
    return out + ']'
  }
  const record = value as Record<string, unknown>
  const keys = Object.keys(record).sort()
  let out = '{'
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string
    if (i > 0) out += ','
    out += JSON.stringify(key) + ':' + canonical(record[key])
  }
  return out + '}'
}

/** What a lazy subcontainer handle exposes to the hash (structural: works across SDK copies). */
interface LazyLike {
  eager: () => unknown
  imageId: string
  sharedRun?: boolean
  name: string
  mounts: { build(): unknown } | null
}

/**
 * Whether `sub` is a lazy handle (`SubContainer.of`): only those have `eager()`. An eager
 * subcontainer has a filesystem already, which a reconcile that leaves its entry alone
 * would leak, so `Daemons.dynamic` refuses them.
 */
export function isLazySubContainer(sub: unknown): boolean {
  return (
    typeof sub === 'object' &&
    sub !== null &&
    typeof (sub as { eager?: unknown }).eager === 'function'
  )
}

function subcontainerDescriptor(sub: unknown): unknown {
  if (sub === null || sub === undefined) return null
  if (!isLazySubContainer(sub)) return { __unhashable: true }
  const lazy = sub as LazyLike
  return {
    imageId: lazy.imageId,
    sharedRun: lazy.sharedRun ?? false,
    name: lazy.name,
    mounts: lazy.mounts === null ? null : lazy.mounts.build(),
  }
}

function commandDescriptor(command: CommandType | undefined): unknown {
  if (command === undefined || command === null) return null
  if (typeof command === 'string') return { kind: 'string', value: command }
  if (Array.isArray(command)) return { kind: 'argv', value: command }
  if (isUseEntrypoint(command)) {
    return { kind: 'entrypoint', value: command.overridCmd ?? null }
  }
  return { kind: 'unknown', value: null }
}

/** The exec fields that decide what runs; `onStdout`/`onStderr` and a `fn` body do not count. */
function execDescriptor(exec: unknown): unknown {
  if (typeof exec !== 'object' || exec === null) return null
  const options = exec as {
    fn?: unknown
    command?: CommandType
    env?: unknown
    cwd?: unknown
    user?: unknown
    runAsInit?: unknown
    sigtermTimeout?: unknown
  }
  if (typeof options.fn === 'function') return { __fn: true }
  return {
    command: commandDescriptor(options.command),
    env: options.env,
    cwd: options.cwd,
    user: options.user,
    runAsInit: options.runAsInit ?? false,
    sigtermTimeout: options.sigtermTimeout,
  }
}

function sortedRequires(requires: ReadonlyArray<string>): string[] {
  return [...requires].sort()
}

/**
 * The configuration fingerprint `Daemons.dynamic` compares between runs: an entry whose hash
 * is unchanged is left running, a changed one is restarted. It is the canonical JSON (sorted
 * keys; `undefined` and functions as `null`) of the entry's kind, id and sorted `requires`;
 * for daemons and oneshots the subcontainer (a lazy handle's `imageId`, `sharedRun`, `name`
 * and built mounts; `null` without one; an unhashable marker for an eager one) and the exec
 * options (the command with its kind, `env`, `cwd`, `user`, `runAsInit` (default `false`),
 * `sigtermTimeout`; a function daemon is only marked as such); for daemons and health checks
 * `ready.display` and `ready.gracePeriod`.
 *
 * Closures (`ready.fn`, `ready.trigger`, `exec.fn`), prebuilt `Daemon` objects and the
 * `onStdout`/`onStderr` callbacks are not part of it: surface a value through a hashed field
 * (an environment variable, say) when a change must restart the daemon.
 *
 * @example
 * ```ts
 * const [before, after] = [oldChain, newChain].map((d) => configHash(d.entries[0]))
 * if (before !== after) console.log('the daemon will be restarted')
 * ```
 */
export function configHash<M extends SDKManifest>(
  entry: DaemonEntry<M>,
): string {
  switch (entry.kind) {
    case 'daemon':
      return canonical({
        kind: entry.kind,
        id: entry.id,
        requires: sortedRequires(entry.requires),
        subcontainer: subcontainerDescriptor(entry.subcontainer),
        exec: execDescriptor(entry.exec),
        display: entry.ready.display,
        gracePeriod: entry.ready.gracePeriod,
      })
    case 'oneshot':
      return canonical({
        kind: entry.kind,
        id: entry.id,
        requires: sortedRequires(entry.requires),
        subcontainer: subcontainerDescriptor(entry.subcontainer),
        exec: execDescriptor(entry.exec),
      })
    default:
      return canonical({
        kind: entry.kind,
        id: entry.id,
        requires: sortedRequires(entry.requires),
        display: entry.ready.display,
        gracePeriod: entry.ready.gracePeriod,
      })
  }
}
