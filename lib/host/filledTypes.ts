import type {
  AddressInfo,
  BindInfo,
  Host,
  HostnameInfo,
  PackageId,
  ServiceInterface,
  ServiceInterfaceId,
} from '../types'

/** A URL as text. */
export type UrlString = string

/**
 * Kinds of hostname a {@link Filter} can select: `mdns` (`.local`), `domain` (private and
 * public domains), `ip` (= `ipv4` + `ipv6`), `ipv4`, `ipv6`, `localhost` (`localhost`,
 * `127.0.0.1`, `::1`), `link-local` (IPv6 `fe80::/10`), `bridge` (IPs on the LXC bridge
 * `lxcbr0`) and `plugin` (addresses published by a URL plugin).
 */
export type FilterKinds =
  | 'mdns'
  | 'domain'
  | 'ip'
  | 'ipv4'
  | 'ipv6'
  | 'localhost'
  | 'link-local'
  | 'bridge'
  | 'plugin'

/** Which hostnames to keep; every field is optional and all given fields must hold. */
export type Filter = {
  /** `public`: reachable from the internet; `private`: LAN only. */
  visibility?: 'public' | 'private'
  /** One kind or several (any of them matches). */
  kind?: FilterKinds | FilterKinds[]
  /** Keeps the hostnames for which it returns `true`. */
  predicate?: (h: HostnameInfo) => boolean
  /** Keeps plugin hostnames published by this package. */
  pluginId?: PackageId
  /** Drops the hostnames this filter matches. */
  exclude?: Filter
}

type VisibilityFilter<V extends 'public' | 'private'> = V extends 'public'
  ? (HostnameInfo & { public: true }) | VisibilityFilter<Exclude<V, 'public'>>
  : V extends 'private'
    ?
        | (HostnameInfo & { public: false })
        | VisibilityFilter<Exclude<V, 'private'>>
    : never

type KindFilter<K extends FilterKinds> = K extends 'mdns'
  ?
      | (HostnameInfo & { metadata: { kind: 'mdns' } })
      | KindFilter<Exclude<K, 'mdns'>>
  : K extends 'domain'
    ?
        | (HostnameInfo & { metadata: { kind: 'private-domain' } })
        | (HostnameInfo & { metadata: { kind: 'public-domain' } })
        | KindFilter<Exclude<K, 'domain'>>
    : K extends 'ipv4'
      ?
          | (HostnameInfo & { metadata: { kind: 'ipv4' } })
          | KindFilter<Exclude<K, 'ipv4'>>
      : K extends 'ipv6'
        ?
            | (HostnameInfo & { metadata: { kind: 'ipv6' } })
            | KindFilter<Exclude<K, 'ipv6'>>
        : K extends 'plugin'
          ?
              | (HostnameInfo & { metadata: { kind: 'plugin' } })
              | KindFilter<Exclude<K, 'plugin'>>
          : K extends 'ip'
            ? KindFilter<Exclude<K, 'ip'> | 'ipv4' | 'ipv6'>
            : never

/** The hostname type a filter keeps. */
export type FilterReturnTy<F extends Filter> = F extends {
  visibility: infer V extends 'public' | 'private'
}
  ? VisibilityFilter<V> & FilterReturnTy<Omit<F, 'visibility'>>
  : F extends {
        kind: (infer K extends FilterKinds) | (infer K extends FilterKinds)[]
      }
    ? KindFilter<K> & FilterReturnTy<Omit<F, 'kind'>>
    : F extends {
          predicate: (h: HostnameInfo) => h is infer H extends HostnameInfo
        }
      ? H & FilterReturnTy<Omit<F, 'predicate'>>
      : F extends { exclude: infer E extends Filter }
        ? HostnameInfo extends FilterReturnTy<E>
          ? HostnameInfo
          : Exclude<HostnameInfo, FilterReturnTy<E>>
        : HostnameInfo

/** The filter behind `nonLocal`. */
export type NonLocalFilter = {
  readonly exclude: { readonly kind: ('localhost' | 'link-local' | 'bridge')[] }
}

/** The filter behind `public`. */
export type PublicFilter = { readonly visibility: 'public' }

/** The filter behind `bridge`. */
export type BridgeFilter = { readonly kind: 'bridge' }

/** What `format` can return: URL text, `URL` objects, or the hostnames themselves. */
export type Formats = 'hostname-info' | 'urlstring' | 'url'

/** The element type `format(format)` returns. */
export type FormatReturnTy<
  F extends Filter,
  Format extends Formats,
> = Format extends 'hostname-info'
  ? FilterReturnTy<F> | FormatReturnTy<F, Exclude<Format, 'hostname-info'>>
  : Format extends 'url'
    ? URL | FormatReturnTy<F, Exclude<Format, 'url'>>
    : Format extends 'urlstring'
      ? UrlString | FormatReturnTy<F, Exclude<Format, 'urlstring'>>
      : never

/**
 * An address with its reachable hostnames filled in, plus helpers to narrow and format
 * them. Every filter returns a new `Filled`, so they chain:
 * `addresses.nonLocal.filter({ kind: 'ip' }).format()`.
 */
export type Filled<F extends Filter = {}> = {
  /** The hostnames left after every filter applied so far. */
  hostnames: HostnameInfo[]
  /** The URL of one hostname with this address's scheme, username and suffix. */
  toUrl: (h: HostnameInfo) => UrlString
  /** Every hostname as URL text (default), `URL` objects, or hostname infos. */
  format: <Format extends Formats = 'urlstring'>(
    format?: Format,
  ) => FormatReturnTy<{}, Format>[]
  /** Keeps the hostnames matching `filter`. */
  filter: <NewFilter extends Filter>(
    filter: NewFilter,
  ) => Filled<NewFilter & Filter>
  /** Keeps the hostnames matching at least one of `filters`. */
  matchesAny: <NewFilters extends Filter[]>(
    filters: [...NewFilters],
  ) => Filled<NewFilters[number] & F>
  /** Drops localhost, IPv6 link-local and LXC bridge hostnames. */
  nonLocal: Filled<NonLocalFilter & Filter>
  /** Keeps the hostnames reachable from the internet. */
  public: Filled<PublicFilter & Filter>
  /** Keeps the LXC bridge addresses (other containers reach the service there). */
  bridge: Filled<BridgeFilter & Filter>
}

/** An address info with its hostnames filled in. */
export type FilledAddressInfo = AddressInfo & Filled

/** A service interface whose address info is filled. */
export type FilledServiceInterface = Omit<ServiceInterface, 'addressInfo'> & {
  addressInfo: FilledAddressInfo
}

/** A binding whose interfaces have filled address infos. */
export type FilledBindInfo = Omit<BindInfo, 'interfaces'> & {
  interfaces: { [id: ServiceInterfaceId]: FilledServiceInterface }
}

/** A host whose single-port bindings' interfaces have filled address infos. */
export type FilledHost = Omit<Host, 'bindings'> & {
  bindings: { [internalPort: number]: FilledBindInfo }
}
