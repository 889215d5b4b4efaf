import type {
  BindInfo,
  DerivedAddressInfo,
  Host,
  HostnameInfo,
  RangeBindInfo,
} from '../types'
import type { SimNetwork } from './context'
import type { SimHost, SimPackage } from './state'

/**
 * The addresses a binding is reachable at, per assigned port: the OS ip and the mDNS name,
 * plus (with `bridge`) the OS ip on the LXC bridge `lxcbr0`, where other containers reach it.
 */
function addresses(
  network: SimNetwork,
  ports: Array<[number | null, boolean]>,
  enabled: boolean,
  bridge = false,
): DerivedAddressInfo {
  const available: HostnameInfo[] = []
  if (enabled) {
    for (const [port, ssl] of ports) {
      if (port === null) continue
      available.push(
        {
          ssl,
          public: false,
          hostname: network.osIp,
          port,
          metadata: { kind: 'ipv4', gateway: network.outboundGateway },
        },
        {
          ssl,
          public: false,
          hostname: `${network.hostname}.local`,
          port,
          metadata: { kind: 'mdns', gateways: [network.outboundGateway] },
        },
      )
      if (bridge) {
        available.push({
          ssl,
          public: false,
          hostname: network.osIp,
          port,
          metadata: { kind: 'ipv4', gateway: 'lxcbr0' },
        })
      }
    }
  }
  return { enabled: [], disabled: [], guaWan: [], available }
}

/** Builds the `Host` object `get-host-info` returns, or `null` for an unknown host. */
export function hostInfo(
  network: SimNetwork,
  pkg: SimPackage,
  hostId: string,
): Host | null {
  const host: SimHost | undefined = pkg.hosts.get(hostId)
  if (!host) return null
  const bindings: Record<number, BindInfo> = {}
  for (const [internalPort, b] of [...host.bindings].sort(
    (x, y) => x[0] - y[0],
  )) {
    const interfaces: BindInfo['interfaces'] = {}
    for (const iface of pkg.interfaces.values()) {
      const info = iface.addressInfo
      if (info.hostId === hostId && info.internalPort === internalPort) {
        interfaces[iface.id] = structuredClone(iface)
      }
    }
    bindings[internalPort] = {
      enabled: b.enabled,
      options: structuredClone(b.options),
      net: { ...b.net },
      addresses: addresses(
        network,
        [
          [b.net.assignedPort, false],
          [b.net.assignedSslPort, true],
        ],
        b.enabled,
        true,
      ),
      interfaces,
    }
  }
  const bindingRanges: Record<number, RangeBindInfo> = {}
  for (const [internalStart, r] of [...host.ranges].sort(
    (x, y) => x[0] - y[0],
  )) {
    bindingRanges[internalStart] = {
      enabled: r.enabled,
      externalStartPort: r.externalStartPort,
      numberOfPorts: r.numberOfPorts,
      addresses: addresses(network, [[r.externalStartPort, false]], r.enabled),
      interface: r.iface ? { ...r.iface } : null,
    }
  }
  return {
    bindings,
    bindingRanges,
    publicDomains: {},
    privateDomains: {},
    portForwards: [],
  }
}
