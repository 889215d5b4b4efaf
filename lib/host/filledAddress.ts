import type {
  AddressInfo,
  DerivedAddressInfo,
  Host,
  HostnameInfo,
} from '../types'
import type {
  FilledAddressInfo,
  FilledBindInfo,
  FilledHost,
  Filter,
  Formats,
  UrlString,
} from './filledTypes'
import { isIp, isLinkLocal, matchesFilter } from './hostnameFilter'
import { invalidOption } from './problems'
import { defaultPortOf } from './protocols'

const NON_LOCAL: Filter = {
  exclude: { kind: ['localhost', 'link-local', 'bridge'] },
}
const PUBLIC: Filter = { visibility: 'public' }
const BRIDGE: Filter = { kind: 'bridge' }

/**
 * The URL of `hostname` for an interface: its TLS or plain scheme (a bare `host:port` when
 * that scheme is `null`), `username@`, the host (IPv6 in brackets, link-local with its
 * `%scope`), the port unless it is the scheme's default, and the suffix.
 */
export function addressHostToUrl(
  { scheme, sslScheme, username, suffix }: AddressInfo,
  hostname: HostnameInfo,
): UrlString {
  const use = hostname.ssl ? sslScheme : scheme
  let host = hostname.hostname
  if (hostname.metadata.kind === 'ipv6') {
    const scope = isLinkLocal(hostname) ? `%${hostname.metadata.scopeId}` : ''
    host = `[${host}${scope}]`
  }
  const user = username ? `${username}@` : ''
  const port = hostname.port
  const showPort = port !== null && (!use || defaultPortOf(use) !== port)
  const authority = `${user}${host}${showPort ? `:${port}` : ''}`
  return `${use ? `${use}://` : ''}${authority}${suffix}`
}

/**
 * Whether an mDNS (`.local`) hostname can be resolved: only when one of its gateways has
 * an enabled LAN (non-public) IP among `enabled`. Other hostnames always can.
 */
export function mdnsResolvable(
  h: HostnameInfo,
  enabled: HostnameInfo[],
): boolean {
  if (h.metadata.kind !== 'mdns') return true
  const gateways = h.metadata.gateways
  return enabled.some(
    (e) =>
      (e.metadata.kind === 'ipv4' || e.metadata.kind === 'ipv6') &&
      !e.public &&
      gateways.includes(e.metadata.gateway),
  )
}

/** The hostnames that are neither localhost, IPv6 link-local nor on the LXC bridge. */
export function filterNonLocal(hostnames: HostnameInfo[]): HostnameInfo[] {
  return hostnames.filter((h) => matchesFilter(NON_LOCAL, h))
}

/**
 * Whether the user left `h` enabled: a public IP only when its `ip:port` (`[ip]:port`) is
 * listed in `enabled`, anything else unless its `[hostname, port]` is in `disabled`.
 */
function isEnabled(h: HostnameInfo, addresses: DerivedAddressInfo): boolean {
  if (isIp(h) && h.public) {
    if (h.port === null) return true
    const ip = h.metadata.kind === 'ipv6' ? `[${h.hostname}]` : h.hostname
    return addresses.enabled.includes(`${ip}:${h.port}`)
  }
  return !addresses.disabled.some(
    ([hostname, port]) => hostname === h.hostname && port === h.port,
  )
}

/** The hostnames a binding can be reached at: enabled ones, and resolvable `.local` names. */
function reachable(addresses: DerivedAddressInfo): HostnameInfo[] {
  const enabled = addresses.available.filter((h) => isEnabled(h, addresses))
  return enabled.filter((h) => mdnsResolvable(h, enabled))
}

/**
 * The hostnames matching any of `filters`: each filter's matches in turn, in their order,
 * each hostname once.
 */
function union(hostnames: HostnameInfo[], filters: Filter[]): HostnameInfo[] {
  const kept = new Set<HostnameInfo>()
  for (const filter of filters) {
    for (const h of hostnames) {
      if (!kept.has(h) && matchesFilter(filter, h)) kept.add(h)
    }
  }
  return [...kept]
}

/** A non-enumerable property: helpers stay out of equality checks and JSON. */
function hidden(value: unknown): PropertyDescriptor {
  return { value, enumerable: false, configurable: true, writable: true }
}

/** A memoized non-enumerable getter. */
function lazy(name: string, make: () => unknown): PropertyDescriptor {
  return {
    enumerable: false,
    configurable: true,
    get(this: object): unknown {
      const value = make()
      Object.defineProperty(this, name, hidden(value))
      return value
    },
  }
}

/** `info` plus `hostnames`, with the helpers as non-enumerable properties. */
function fill(info: AddressInfo, hostnames: HostnameInfo[]): FilledAddressInfo {
  const toUrl = (h: HostnameInfo): UrlString => addressHostToUrl(info, h)
  const narrowed = (keep: (h: HostnameInfo) => boolean): FilledAddressInfo =>
    fill(info, hostnames.filter(keep))
  const format = (which: Formats = 'urlstring'): unknown[] => {
    switch (which) {
      case 'urlstring':
        return hostnames.map(toUrl)
      case 'url':
        return hostnames.map((h) => new URL(toUrl(h)))
      case 'hostname-info':
        return [...hostnames]
    }
    throw invalidOption(
      'format',
      "`'urlstring'`, `'url'` or `'hostname-info'`",
      which,
      'leave it out for URL strings',
    )
  }
  const filled = {
    username: info.username,
    hostId: info.hostId,
    internalPort: info.internalPort,
    scheme: info.scheme,
    sslScheme: info.sslScheme,
    suffix: info.suffix,
    hostnames,
  }
  Object.defineProperties(filled, {
    toUrl: hidden(toUrl),
    format: hidden(format),
    filter: hidden((filter: Filter) =>
      narrowed((h) => matchesFilter(filter, h)),
    ),
    matchesAny: hidden((filters: Filter[]) =>
      fill(info, union(hostnames, filters)),
    ),
    nonLocal: lazy('nonLocal', () =>
      narrowed((h) => matchesFilter(NON_LOCAL, h)),
    ),
    public: lazy('public', () => narrowed((h) => matchesFilter(PUBLIC, h))),
    bridge: lazy('bridge', () => narrowed((h) => matchesFilter(BRIDGE, h))),
  })
  return filled as unknown as FilledAddressInfo
}

/**
 * Fills `addressInfo` with the hostnames its binding on `host` is reachable at, and adds
 * the helpers (`filter`, `matchesAny`, `nonLocal`, `public`, `bridge`, `format`, `toUrl`).
 * The helpers are non-enumerable, so two fills of the same data are deep-equal.
 *
 * @example
 * ```ts
 * const urls = filledAddress(host, iface.addressInfo).nonLocal.format()
 * ```
 */
export function filledAddress(
  host: Host,
  addressInfo: AddressInfo,
): FilledAddressInfo {
  const binding = host.bindings[addressInfo.internalPort]
  return fill(addressInfo, binding ? reachable(binding.addresses) : [])
}

/**
 * `host` with every exported interface of its single-port bindings carrying a filled
 * address info. Port ranges are left as they are (their interface has no address info).
 */
export function fillHost(host: Host): FilledHost {
  const bindings: FilledHost['bindings'] = {}
  for (const [port, binding] of Object.entries(host.bindings)) {
    const interfaces: FilledBindInfo['interfaces'] = {}
    for (const [id, iface] of Object.entries(binding.interfaces)) {
      interfaces[id] = {
        ...iface,
        addressInfo: filledAddress(host, iface.addressInfo),
      }
    }
    bindings[Number(port)] = { ...binding, interfaces }
  }
  return { ...host, bindings }
}
