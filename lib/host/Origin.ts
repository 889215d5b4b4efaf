import type { Effects } from '../effects'
import type { AddressInfo } from '../types'
import type { Scheme } from './protocols'
import type { ServiceInterfaceBuilder } from './ServiceInterfaceBuilder'

declare const AddressProof: unique symbol
declare const InterfaceProof: unique symbol

/** Proof that addresses were exported: what `setupInterfaces` callbacks return. */
export type AddressReceipt = { [AddressProof]: never }

/** Proof that an interface was exported. */
export type InterfaceReceipt = { [InterfaceProof]: never }

/** The host a binding belongs to (a `MultiHost`): its id and the effects it binds with. */
export type OriginHost = {
  readonly options: { effects: Effects; id: string }
}

/** The URL parts an interface adds to its binding's origin. */
type BuildOptions = {
  schemeOverride: { ssl: Scheme; noSsl: Scheme } | null
  username: string | null
  path: string
  query: Record<string, string>
}

/** `?k=v&…` with every key and value percent-encoded, or `''` when there is none. */
function queryString(query: Record<string, string>): string {
  const pairs = Object.entries(query).map(
    ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`,
  )
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`
}

/**
 * One bound port of a host (`scheme://host:port`), as `MultiHost.bindPort` returns it;
 * `export` publishes service interfaces on it.
 */
export class Origin {
  /** The host the port is bound on. */
  readonly host: OriginHost
  /** The port the service listens on inside its container. */
  readonly internalPort: number
  /** The scheme of plain addresses, or `null` for bare `host:port`. */
  readonly scheme: string | null
  /** The scheme of TLS addresses, or `null` for bare `host:port`. */
  readonly sslScheme: string | null

  constructor(
    host: OriginHost,
    internalPort: number,
    scheme: string | null,
    sslScheme: string | null,
  ) {
    this.host = host
    this.internalPort = internalPort
    this.scheme = scheme
    this.sslScheme = sslScheme
  }

  /** The address info an interface with these URL parts gets on this origin. */
  build({ username, path, query, schemeOverride }: BuildOptions): AddressInfo {
    return {
      hostId: this.host.options.id,
      internalPort: this.internalPort,
      scheme: schemeOverride ? schemeOverride.noSsl : this.scheme,
      sslScheme: schemeOverride ? schemeOverride.ssl : this.sslScheme,
      suffix: `${path}${queryString(query)}`,
      username,
    }
  }

  /**
   * Exports each interface on this origin, in order, through the effects it was created
   * with; resolves with their address infos, the receipt `setupInterfaces` expects.
   *
   * @example
   * ```ts
   * const origin = await MultiHost.of(effects, 'main').bindPort(80, { protocol: 'http' })
   * const receipt = await origin.export([ui])
   * ```
   */
  async export(
    serviceInterfaces: ServiceInterfaceBuilder[],
  ): Promise<AddressInfo[] & AddressReceipt> {
    const infos: AddressInfo[] = []
    for (const { options } of serviceInterfaces) {
      const addressInfo = this.build(options)
      await options.effects.exportServiceInterface({
        id: options.id,
        name: options.name,
        description: options.description,
        addressInfo,
        type: options.type,
        masked: options.masked,
      })
      infos.push(addressInfo)
    }
    return infos as AddressInfo[] & AddressReceipt
  }
}
