import type { Effects } from '../effects'
import { Watchable, effectSource } from '../reactive'
import type { Host, HostId, PackageId } from '../types'
import { filledAddress } from './filledAddress'

/** What {@link getBridgeAddress} resolves. */
type BridgeOptions = {
  hostId: HostId
  packageId?: PackageId
  internalPort: number
  ssl?: boolean
  fallbackPort?: number
}

/** The first enabled IPv4 bridge address of the binding (TLS or plain when `ssl` says). */
function bridgeAddressOf(
  host: Host,
  internalPort: number,
  ssl: boolean | undefined,
): string | null {
  const filled = filledAddress(host, {
    hostId: '',
    internalPort,
    scheme: null,
    sslScheme: null,
    suffix: '',
    username: null,
  })
  const found = filled.bridge.hostnames.find(
    (h) =>
      h.metadata.kind === 'ipv4' &&
      h.port !== null &&
      (ssl === undefined || h.ssl === ssl),
  )
  return found === undefined ? null : `${found.hostname}:${found.port}`
}

/**
 * The `ip:port` on the LXC bridge at which a binding (usually a dependency's) is reachable
 * from this container, read from the binding's own addresses, so it holds however the
 * binding handles TLS and whether or not it exported an interface. `null` while there is
 * none, or `<os ip>:<fallbackPort>` when `fallbackPort` is given.
 */
export class GetBridgeAddress<
  A extends string | null = string | null,
> extends Watchable<A> {
  /** Which binding is resolved. */
  readonly opts: BridgeOptions

  constructor(effects: Effects, opts: BridgeOptions) {
    const { hostId, packageId, internalPort, ssl, fallbackPort } = opts
    const where = `${packageId === undefined ? '' : `${packageId}/`}${hostId}:${internalPort}`
    super(
      effects,
      effectSource(`GetBridgeAddress(${where})`, async (callback) => {
        const host = await effects.getHostInfo({ hostId, packageId, callback })
        let address =
          host === null ? null : bridgeAddressOf(host, internalPort, ssl)
        if (address === null && fallbackPort !== undefined) {
          address = `${await effects.getOsIp()}:${fallbackPort}`
        }
        return address as A
      }),
    )
    this.opts = opts
  }
}

/**
 * The bridge address (`10.0.3.1:<port>`) of a dependency's binding, read reactively. Pass
 * `ssl` only for a binding with both a plain and a TLS address; pass `fallbackPort` to get
 * `<os ip>:<fallbackPort>` instead of `null` while the binding is missing.
 *
 * @example
 * ```ts
 * const socks = await getBridgeAddress(effects, {
 *   hostId: 'tor',
 *   packageId: 'tor',
 *   internalPort: 9050,
 *   fallbackPort: 9050,
 * }).const()
 * ```
 */
export function getBridgeAddress(
  effects: Effects,
  opts: {
    hostId: HostId
    packageId?: PackageId
    internalPort: number
    ssl?: boolean
    fallbackPort: number
  },
): GetBridgeAddress<string>
export function getBridgeAddress(
  effects: Effects,
  opts: {
    hostId: HostId
    packageId?: PackageId
    internalPort: number
    ssl?: boolean
    fallbackPort?: undefined
  },
): GetBridgeAddress<string | null>
export function getBridgeAddress(
  effects: Effects,
  opts: BridgeOptions,
): GetBridgeAddress<string | null> {
  return new GetBridgeAddress(effects, opts)
}
