import type { Effects } from '../effects'
import { Watchable, effectSource } from '../reactive'
import type { HostId, PackageId } from '../types'
import { fillHost } from './filledAddress'
import type { FilledHost } from './filledTypes'

/** Which host to read: one of this package's, or another package's. */
type HostSelector = { hostId: HostId; packageId?: PackageId }

/**
 * A host (its bindings, port ranges, domains and forwards) with filled interface
 * addresses, or `null` when it does not exist; `map`/`eq` narrow what counts as a change.
 */
export class GetHostInfo<Mapped = FilledHost | null> extends Watchable<
  FilledHost | null,
  Mapped
> {
  /** Which host is read. */
  readonly opts: HostSelector

  constructor(
    effects: Effects,
    opts: HostSelector,
    options: {
      map?: (value: FilledHost | null) => Mapped
      eq?: (a: Mapped, b: Mapped) => boolean
    } = {},
  ) {
    const where =
      opts.packageId === undefined
        ? opts.hostId
        : `${opts.packageId}/${opts.hostId}`
    super(
      effects,
      effectSource(`GetHostInfo(${where})`, async (callback) => {
        const host = await effects.getHostInfo({ ...opts, callback })
        return host === null ? null : fillHost(host)
      }),
      options,
    )
    this.opts = opts
  }
}

/**
 * One of this package's hosts, read reactively. Pass `map` to react to a slice only:
 * `const()` then re-runs its context when the mapped value changes (per `eq`, deep
 * equality by default), not on every change of the host.
 *
 * @example
 * ```ts
 * const ui = await getOwnHost(effects, 'main', (h) => h?.bindings[80]?.interfaces['ui']).const()
 * const urls = ui?.addressInfo.nonLocal.format() ?? []
 * ```
 */
export function getOwnHost(effects: Effects, hostId: HostId): GetHostInfo
export function getOwnHost<Mapped>(
  effects: Effects,
  hostId: HostId,
  map: (host: FilledHost | null) => Mapped,
  eq?: (a: Mapped, b: Mapped) => boolean,
): GetHostInfo<Mapped>
export function getOwnHost<Mapped>(
  effects: Effects,
  hostId: HostId,
  map?: (host: FilledHost | null) => Mapped,
  eq?: (a: Mapped, b: Mapped) => boolean,
): GetHostInfo<Mapped> {
  return new GetHostInfo<Mapped>(effects, { hostId }, { map, eq })
}

/**
 * A host of any package (this one when `packageId` is left out), read reactively, with the
 * same `map`/`eq` narrowing as {@link getOwnHost}.
 *
 * @example
 * ```ts
 * const host = await getHost(effects, { hostId: 'main', packageId: 'bitcoind' }).once()
 * ```
 */
export function getHost(
  effects: Effects,
  opts: { hostId: HostId; packageId?: PackageId },
): GetHostInfo
export function getHost<Mapped>(
  effects: Effects,
  opts: { hostId: HostId; packageId?: PackageId },
  map: (host: FilledHost | null) => Mapped,
  eq?: (a: Mapped, b: Mapped) => boolean,
): GetHostInfo<Mapped>
export function getHost<Mapped>(
  effects: Effects,
  opts: { hostId: HostId; packageId?: PackageId },
  map?: (host: FilledHost | null) => Mapped,
  eq?: (a: Mapped, b: Mapped) => boolean,
): GetHostInfo<Mapped> {
  return new GetHostInfo<Mapped>(effects, opts, { map, eq })
}
