import { SdkError } from '../errors'
import { IpAddress } from './IpAddress'
import { inNetwork, maskOctets, parseIp } from './ipMath'

const PREFIX = /^[0-9]{1,3}$/

function checkPrefix(ip: IpAddress, prefix: number, text: string): void {
  const bits = ip.octets.length * 8
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits)
    throw new SdkError(
      'IP_INVALID',
      `Invalid prefix \`${prefix}\` for \`${text}\`: expected an integer from 0 to ${bits}`,
      { details: { prefix } },
    )
}

/** Whether `value` is a network (an `IpNet` from any copy of this SDK). */
function isNet(value: IpAddress): value is IpNet {
  return typeof (value as Partial<IpNet>).prefix === 'number'
}

/**
 * A network in CIDR notation: an address and a prefix length.
 *
 * @example
 * ```ts
 * const net = IpNet.parse('192.168.1.0/24')
 * net.contains('192.168.1.100') // true
 * net.broadcast().address // '192.168.1.255'
 * ```
 */
export class IpNet extends IpAddress {
  /** How many leading bits name the network. */
  prefix: number

  /** Builds a network from checked parts; prefer {@link IpNet.parse} or {@link IpNet.fromIpPrefix}. */
  constructor(octets: number[], prefix: number, renderedAddress?: string) {
    super(octets, renderedAddress)
    checkPrefix(this, prefix, renderedAddress ?? this.address)
    this.prefix = prefix
  }

  /**
   * The network of `ip` with a `prefix`-bit mask; `address` keeps `ip`'s text.
   * @throws SdkError `IP_INVALID` unless `prefix` is an integer from 0 to 32 (IPv4) or 128 (IPv6)
   */
  static fromIpPrefix(ip: IpAddress, prefix: number): IpNet {
    return new IpNet([...ip.octets], prefix, ip.address)
  }

  /**
   * Parses CIDR notation: `192.168.1.0/24`, `fe80::/10`.
   * @throws SdkError `IP_INVALID` naming the address or prefix that is wrong
   */
  static override parse(ipnet: string): IpNet {
    const slash = typeof ipnet === 'string' ? ipnet.lastIndexOf('/') : -1
    const bits = slash === -1 ? '' : ipnet.slice(slash + 1)
    if (!PREFIX.test(bits))
      throw new SdkError(
        'IP_INVALID',
        `Invalid network \`${ipnet}\`: expected an address, \`/\` and a prefix length, as in \`192.168.1.0/24\``,
        { details: { ipnet } },
      )
    const { octets, text } = parseIp(ipnet.slice(0, slash))
    return new IpNet(octets, Number(bits), text)
  }

  /**
   * Whether `address` (an address, or a whole network, given as text or parsed) lies in this
   * network. Addresses of the other family are never contained.
   */
  contains(address: string | IpAddress | IpNet): boolean {
    const other =
      typeof address === 'string'
        ? address.includes('/')
          ? IpNet.parse(address)
          : IpAddress.parse(address)
        : address
    if (isNet(other) && other.prefix < this.prefix) return false
    return inNetwork(this.octets, this.prefix, other.octets)
  }

  /** The network address: this address with every host bit 0. */
  zero(): IpAddress {
    return IpAddress.fromOctets(maskOctets(this.octets, this.prefix, false))
  }

  /** The broadcast address: this address with every host bit 1. */
  broadcast(): IpAddress {
    return IpAddress.fromOctets(maskOctets(this.octets, this.prefix, true))
  }

  /** The network in CIDR notation, `<address>/<prefix>`. */
  get ipnet(): string {
    return `${this.address}/${this.prefix}`
  }
}
