import { SdkError } from '../errors'
import {
  LOCAL_IPV6,
  PRIVATE_IPV4,
  checkOctets,
  compareOctets,
  fromBigInt,
  inNetwork,
  parseIp,
  renderOctets,
  toBigInt,
} from './ipMath'

/** The text last rendered for an address, and the octets it was rendered from. */
interface Rendered {
  octets: number[]
  text: string
}

const rendered = new WeakMap<object, Rendered>()

/** Remembers `text` as the rendering of `ip`'s current octets. */
export function setRendered(ip: IpAddress, text: string): void {
  rendered.set(ip, { octets: [...ip.octets], text })
}

/**
 * Whether `ip` lies in `net`/`prefix` as `IpNet.contains` decides: a network (an address with
 * a numeric `prefix`) only when it is no wider than the range.
 */
function inRange(
  ip: IpAddress,
  [net, prefix]: readonly [number[], number],
): boolean {
  const own = (ip as { prefix?: unknown }).prefix
  if (typeof own === 'number' && own < prefix) return false
  return inNetwork(net, prefix, ip.octets)
}

function shift(ip: IpAddress, n: number, sign: 1n | -1n): IpAddress {
  if (!Number.isFinite(n))
    throw new SdkError(
      'IP_INVALID',
      `Invalid step \`${n}\` for IP arithmetic on \`${ip.address}\`: pass a finite number`,
    )
  const value = toBigInt(ip.octets) + sign * BigInt(Math.floor(n))
  return IpAddress.fromOctets(fromBigInt(value, ip.octets.length))
}

/**
 * An IPv4 (4 octets) or IPv6 (16 octets) address, with arithmetic and ordering.
 *
 * @example
 * ```ts
 * const ip = IpAddress.parse('192.168.1.1')
 * ip.add(1).address // '192.168.1.2'
 * ```
 */
export class IpAddress {
  /** The address bytes, most significant first. */
  octets: number[]

  /**
   * Builds an address from checked octets; prefer {@link IpAddress.parse} or
   * {@link IpAddress.fromOctets}. `renderedAddress` is the text `address` returns until the
   * octets change (the canonical form when omitted).
   */
  constructor(octets: number[], renderedAddress?: string) {
    checkOctets(octets)
    this.octets = octets
    if (renderedAddress !== undefined) setRendered(this, renderedAddress)
  }

  /**
   * Parses dotted IPv4 (`192.168.1.1`) or IPv6 (`2001:db8::1`, `::ffff:1.2.3.4`,
   * `fe80::1%eth0`); `address` then returns the text as given.
   * @throws SdkError `IP_INVALID` naming the part that is wrong
   */
  static parse(address: string): IpAddress {
    const { octets, text } = parseIp(address)
    return new IpAddress(octets, text)
  }

  /**
   * An address from 4 (IPv4) or 16 (IPv6) octets, each an integer from 0 to 255.
   * @throws SdkError `IP_INVALID` for any other list
   */
  static fromOctets(octets: number[]): IpAddress {
    return new IpAddress([...octets])
  }

  /** Whether this is an IPv4 address (4 octets). */
  isIpv4(): boolean {
    return this.octets.length === 4
  }

  /** Whether this is an IPv6 address (16 octets). */
  isIpv6(): boolean {
    return this.octets.length === 16
  }

  /**
   * Whether this is an IPv4 address outside loopback, 10/8, 172.16/12 and 192.168/16 (IPv6:
   * false). A network counts as public unless one of those ranges contains all of it.
   */
  isPublic(): boolean {
    return this.isIpv4() && !PRIVATE_IPV4.some((range) => inRange(this, range))
  }

  /**
   * Whether this is an IPv6 address outside `::1`, `fc00::/7` and `fe80::/10` (a global
   * unicast address). A network counts unless one of those ranges contains all of it.
   */
  isGua(): boolean {
    return this.isIpv6() && !LOCAL_IPV6.some((range) => inRange(this, range))
  }

  /**
   * The address `n` after this one (`n` rounded down), wrapping around past the last address.
   * @throws SdkError `IP_INVALID` when `n` is not finite
   */
  add(n: number): IpAddress {
    return shift(this, n, 1n)
  }

  /**
   * The address `n` before this one (`n` rounded down), wrapping around below zero.
   * @throws SdkError `IP_INVALID` when `n` is not finite
   */
  sub(n: number): IpAddress {
    return shift(this, n, -1n)
  }

  /** -1, 0 or 1 as this address sorts before, with or after `other` (parsed when a string). */
  cmp(other: string | IpAddress): -1 | 0 | 1 {
    const that = typeof other === 'string' ? IpAddress.parse(other) : other
    return compareOctets(this.octets, that.octets)
  }

  /** The address as text: as parsed, or canonical once the octets have changed. */
  get address(): string {
    const last = rendered.get(this)
    const { octets } = this
    if (
      last !== undefined &&
      last.octets.length === octets.length &&
      last.octets.every((o, i) => o === octets[i])
    )
      return last.text
    const text = renderOctets(octets)
    rendered.set(this, { octets: [...octets], text })
    return text
  }
}
