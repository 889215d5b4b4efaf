import type { AddSslOptions, AlpnInfo, BindOptions } from '../types'

/** ALPN offered when StartOS terminates TLS for an HTTP-family protocol. */
const HTTP_ALPN: AlpnInfo = { specified: ['http/1.1'] }

/**
 * The protocols `bindPort` knows: whether the service speaks TLS itself (`secure`), the
 * default external port, the scheme StartOS serves when it adds TLS (`withSsl`), its ALPN,
 * and whether the proxy adds `X-Forwarded-*` headers.
 */
export const knownProtocols: {
  readonly http: {
    readonly secure: null
    readonly defaultPort: 80
    readonly withSsl: 'https'
    readonly alpn: AlpnInfo
    readonly addXForwardedHeaders: true
  }
  readonly https: {
    readonly secure: { readonly ssl: true }
    readonly defaultPort: 443
    readonly addXForwardedHeaders: true
  }
  readonly ws: {
    readonly secure: null
    readonly defaultPort: 80
    readonly withSsl: 'wss'
    readonly alpn: AlpnInfo
    readonly addXForwardedHeaders: true
  }
  readonly wss: {
    readonly secure: { readonly ssl: true }
    readonly defaultPort: 443
    readonly addXForwardedHeaders: true
  }
  readonly ssh: {
    readonly secure: { readonly ssl: false }
    readonly defaultPort: 22
    readonly addXForwardedHeaders: false
  }
  readonly dns: {
    readonly secure: { readonly ssl: false }
    readonly defaultPort: 53
    readonly addXForwardedHeaders: false
  }
} = {
  http: {
    secure: null,
    defaultPort: 80,
    withSsl: 'https',
    alpn: HTTP_ALPN,
    addXForwardedHeaders: true,
  },
  https: {
    secure: { ssl: true },
    defaultPort: 443,
    addXForwardedHeaders: true,
  },
  ws: {
    secure: null,
    defaultPort: 80,
    withSsl: 'wss',
    alpn: HTTP_ALPN,
    addXForwardedHeaders: true,
  },
  wss: { secure: { ssl: true }, defaultPort: 443, addXForwardedHeaders: true },
  ssh: { secure: { ssl: false }, defaultPort: 22, addXForwardedHeaders: false },
  dns: { secure: { ssl: false }, defaultPort: 53, addXForwardedHeaders: false },
}

/** A URL scheme (`http`, `ftp`…), or `null` for a bare `host:port`. */
export type Scheme = string | null

type KnownProtocols = typeof knownProtocols

/** Protocols StartOS can serve over TLS in front of a plain port (`http`, `ws`). */
type ProtocolsWithSslVariants = {
  [K in keyof KnownProtocols]: KnownProtocols[K] extends { withSsl: string }
    ? K
    : never
}[keyof KnownProtocols]

/** The other known protocols. */
type NotProtocolsWithSslVariants = Exclude<
  keyof KnownProtocols,
  ProtocolsWithSslVariants
>

/** `bindPort` options naming a known protocol; `addSsl` fields override its defaults. */
type BindOptionsByKnownProtocol =
  | {
      protocol: ProtocolsWithSslVariants
      preferredExternalPort?: number
      addSsl?: Partial<AddSslOptions>
    }
  | {
      protocol: NotProtocolsWithSslVariants
      preferredExternalPort?: number
      addSsl?: Partial<AddSslOptions>
    }

/**
 * The options of `MultiHost.bindPort`: a known protocol (with optional overrides), or
 * `protocol: null` with every bind option spelled out.
 */
export type BindOptionsByProtocol =
  | BindOptionsByKnownProtocol
  | (BindOptions & { protocol: null })

/** The most ports one `bindPortRange` may claim (the host's limit). */
export const MAX_BIND_PORT_RANGE_SIZE = 500

/** The options of `MultiHost.bindPortRange`. */
export type BindPortRangeOptions = {
  /** First internal (container-side) port of the range. */
  internalStartPort: number
  /** First external port; external port `externalStartPort + i` reaches `internalStartPort + i`. */
  externalStartPort: number
  /** How many contiguous ports, from 2 to 500 (use `bindPort` for one). */
  numberOfPorts: number
}

/** The default external port of each known scheme, omitted from URLs that use it. */
export function defaultPortOf(scheme: string): number | null {
  return Object.prototype.hasOwnProperty.call(knownProtocols, scheme)
    ? knownProtocols[scheme as keyof KnownProtocols].defaultPort
    : null
}
