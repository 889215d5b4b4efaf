import { IpAddress } from './IpAddress'
import { IpNet } from './IpNet'

const net = (octets: number[], prefix: number): IpNet =>
  IpNet.fromIpPrefix(IpAddress.fromOctets(octets), prefix)

/** IPv4 loopback, `127.0.0.0/8`. */
export const IPV4_LOOPBACK: IpNet = net([127, 0, 0, 0], 8)

/** The private IPv4 networks: loopback `127.0.0.0/8`, `10.0.0.0/8`, `172.16.0.0/12`, `192.168.0.0/16`. */
export const PRIVATE_IPV4_RANGES: IpNet[] = [
  net([127, 0, 0, 0], 8),
  net([10, 0, 0, 0], 8),
  net([172, 16, 0, 0], 12),
  net([192, 168, 0, 0], 16),
]

/** IPv6 loopback, `::1/128`. */
export const IPV6_LOOPBACK: IpNet = net(
  [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
  128,
)

/** IPv6 link-local, `fe80::/10`. */
export const IPV6_LINK_LOCAL: IpNet = net(
  [0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  10,
)

/** IPv6 unique-local, `fc00::/7`. */
export const IPV6_ULA: IpNet = net(
  [0xfc, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  7,
)

/** Carrier-grade NAT, `100.64.0.0/10` (RFC 6598). */
export const CGNAT: IpNet = net([100, 64, 0, 0], 10)
