import type { HostnameInfo } from '../types'
import type { Filter, FilterKinds } from './filledTypes'
import { invalidOption } from './problems'

/** The gateway id of the LXC bridge other containers reach services through. */
export const BRIDGE_GATEWAY = 'lxcbr0'

const LOCALHOST_NAMES: ReadonlySet<string> = new Set([
  'localhost',
  '127.0.0.1',
  '::1',
])

const KINDS: ReadonlySet<string> = new Set<FilterKinds>([
  'mdns',
  'domain',
  'ip',
  'ipv4',
  'ipv6',
  'localhost',
  'link-local',
  'bridge',
  'plugin',
])

/** Whether `h` is an IP address (v4 or v6). */
export function isIp(h: HostnameInfo): boolean {
  return h.metadata.kind === 'ipv4' || h.metadata.kind === 'ipv6'
}

/** Whether `h` is an IPv6 address in `fe80::/10`. */
export function isLinkLocal(h: HostnameInfo): boolean {
  if (h.metadata.kind !== 'ipv6') return false
  const first = /^([0-9a-f]{1,4}):/i.exec(h.hostname)
  if (first === null) return false
  return (Number.parseInt(first[1], 16) & 0xffc0) === 0xfe80
}

/** Whether `h` is an IP on the LXC bridge. */
export function isBridge(h: HostnameInfo): boolean {
  return (
    (h.metadata.kind === 'ipv4' || h.metadata.kind === 'ipv6') &&
    h.metadata.gateway === BRIDGE_GATEWAY
  )
}

function hasKind(kind: FilterKinds, h: HostnameInfo): boolean {
  const actual = h.metadata.kind
  switch (kind) {
    case 'mdns':
    case 'ipv4':
    case 'ipv6':
    case 'plugin':
      return actual === kind
    case 'domain':
      return actual === 'private-domain' || actual === 'public-domain'
    case 'ip':
      return isIp(h)
    case 'localhost':
      return LOCALHOST_NAMES.has(h.hostname)
    case 'link-local':
      return isLinkLocal(h)
    case 'bridge':
      return isBridge(h)
  }
}

/** Throws unless every kind a filter names is known (a typo would otherwise match nothing). */
function checkKinds(kinds: readonly unknown[]): void {
  for (const kind of kinds) {
    if (typeof kind !== 'string' || !KINDS.has(kind)) {
      throw invalidOption(
        'filter.kind',
        `one of ${[...KINDS].join(', ')}`,
        kind,
        'use a known hostname kind, or `predicate` for anything else',
      )
    }
  }
}

/** Whether `h` satisfies one condition of `filter`, or `undefined` when it is absent. */
function conditions(filter: Filter, h: HostnameInfo): (boolean | undefined)[] {
  const { visibility, kind, pluginId, predicate } = filter
  if (
    visibility !== undefined &&
    visibility !== 'public' &&
    visibility !== 'private'
  ) {
    throw invalidOption(
      'filter.visibility',
      "`'public'` or `'private'`",
      visibility,
      'leave it out to keep both',
    )
  }
  const kinds =
    kind === undefined ? undefined : Array.isArray(kind) ? kind : [kind]
  if (kinds !== undefined) checkKinds(kinds)
  return [
    visibility === undefined
      ? undefined
      : h.public === (visibility === 'public'),
    kinds === undefined ? undefined : kinds.some((k) => hasKind(k, h)),
    pluginId === undefined
      ? undefined
      : h.metadata.kind === 'plugin' && h.metadata.packageId === pluginId,
    predicate === undefined ? undefined : predicate(h),
  ]
}

/**
 * Whether `h` passes `filter`: every given condition holds, and `h` is not removed by
 * `exclude`. An `exclude` removes a hostname matching *any* of its conditions, and an
 * `exclude` nested in it keeps only what matches again (each level flips), as in 2.0.9.
 */
export function matchesFilter(
  filter: Filter,
  h: HostnameInfo,
  invert = false,
): boolean {
  for (const holds of conditions(filter, h)) {
    if (holds !== undefined && holds === invert) return false
  }
  return filter.exclude === undefined
    ? true
    : matchesFilter(filter.exclude, h, !invert)
}
