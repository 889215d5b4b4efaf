import type {
  AcmeProvider,
  ActionId,
  GatewayId,
  HostId,
  PackageId,
  ServiceInterfaceId,
} from './ids'

/** A protocol name as UTF-8 text or raw bytes. */
export type MaybeUtf8String = string | number[]

/** ALPN handling for TLS: echo what the client offers, or offer a fixed list. */
export type AlpnInfo = 'reflect' | { specified: Array<MaybeUtf8String> }

/** How the proxy checks the container's certificate when re-encrypting. */
export type UpstreamCertValidation = 'disable' | { certificate: string }

/** One username/password pair accepted by the proxy's basic auth. */
export type BasicCredential = {
  username: string
  password: string
}

/** An authorization gate the reverse proxy enforces before forwarding. */
export type ProxyAuth =
  | { type: 'bearer'; tokens: Array<string>; realm: string | null }
  | { type: 'basic'; credentials: Array<BasicCredential>; realm: string | null }

/** Whether the service itself already speaks TLS on the port. */
export type Security = {
  ssl: boolean
}

/** Options for terminating TLS in front of a bound port. */
export type AddSslOptions = {
  preferredExternalPort: number
  addXForwardedHeaders: boolean
  alpn: AlpnInfo | null
  upstreamCertValidation?: UpstreamCertValidation
  auth: ProxyAuth | null
}

/** The binding options stored for a port on a host. */
export type BindOptions = {
  preferredExternalPort: number
  addSsl: AddSslOptions | null
  secure: Security | null
}

/** Params of `bind`: attach an internal port to a host. */
export type BindParams = {
  id: HostId
  internalPort: number
  preferredExternalPort: number
  addSsl: AddSslOptions | null
  secure: Security | null
}

/** Params of `bindRange`: attach a contiguous port range to a host. */
export type BindRangeParams = {
  id: HostId
  internalStartPort: number
  externalStartPort: number
  numberOfPorts: number
}

/** The external ports the host assigned to a binding. */
export type NetInfo = {
  assignedPort: number | null
  assignedSslPort: number | null
}

/** Where a reachable address comes from (IP, mDNS, domain or plugin). */
export type HostnameMetadata =
  | { kind: 'ipv4'; gateway: GatewayId }
  | { kind: 'ipv6'; gateway: GatewayId; scopeId: number }
  | { kind: 'mdns'; gateways: Array<GatewayId> }
  | { kind: 'private-domain'; gateways: Array<GatewayId> }
  | { kind: 'public-domain'; gateway: GatewayId }
  | {
      kind: 'plugin'
      packageId: PackageId
      removeAction: ActionId | null
      overflowActions: Array<ActionId>
      info: unknown
    }

/** One address at which a binding can be reached. */
export type HostnameInfo = {
  ssl: boolean
  public: boolean
  hostname: string
  port: number | null
  metadata: HostnameMetadata
}

/** A binding's computed addresses with the user's enable/disable overrides. */
export type DerivedAddressInfo = {
  enabled: Array<string>
  disabled: Array<[string, number]>
  guaWan: Array<string>
  available: Array<HostnameInfo>
}

/** How an interface's URLs are built from a host port. */
export type AddressInfo = {
  username: string | null
  hostId: HostId
  internalPort: number
  scheme: string | null
  sslScheme: string | null
  suffix: string
}

/** The kinds of service interface. */
export type ServiceInterfaceType = 'ui' | 'p2p' | 'api'

/** A service interface as exported to the user. */
export type ServiceInterface = {
  id: ServiceInterfaceId
  name: string
  description: string
  masked: boolean
  addressInfo: AddressInfo
  type: ServiceInterfaceType
}

/** The single `api` interface a port range may export. */
export type RangeServiceInterface = {
  id: ServiceInterfaceId
  name: string
  description: string
  scheme: string | null
}

/** Params of `exportServiceInterface`: the interface as it will be exported. */
export type ExportServiceInterfaceParams = ServiceInterface

/** Params of `exportRangeServiceInterface`. */
export type ExportRangeServiceInterfaceParams = {
  hostId: HostId
  internalStartPort: number
  id: ServiceInterfaceId
  name: string
  description: string
  scheme: string | null
}

/** A single-port binding: its options, assigned ports, addresses and interfaces. */
export type BindInfo = {
  enabled: boolean
  options: BindOptions
  net: NetInfo
  addresses: DerivedAddressInfo
  interfaces: { [key: ServiceInterfaceId]: ServiceInterface }
}

/** A port-range binding: its external span, addresses and optional interface. */
export type RangeBindInfo = {
  enabled: boolean
  externalStartPort: number
  numberOfPorts: number
  addresses: DerivedAddressInfo
  interface: RangeServiceInterface | null
}

/** Single-port bindings keyed by internal port. */
export type Bindings = { [key: number]: BindInfo }

/** Port-range bindings keyed by internal start port. */
export type BindingRanges = { [key: number]: RangeBindInfo }

/** A public domain's gateway and certificate provider. */
export type PublicDomainConfig = {
  gateway: GatewayId
  acme: AcmeProvider | null
}

/** A gateway forwarding rule that public addresses need. */
export type PortForward = {
  src: string
  dst: string
  gateway: GatewayId
  count: number
}

/** A network host with its bindings, domains and required port forwards. */
export type Host = {
  bindings: Bindings
  bindingRanges: BindingRanges
  publicDomains: { [key: string]: PublicDomainConfig }
  privateDomains: { [key: string]: Array<GatewayId> }
  portForwards: Array<PortForward>
}

/** An address published by a URL plugin for some package's binding. */
export type PluginHostnameInfo = {
  packageId: PackageId
  hostId: HostId
  internalPort: number
  ssl: boolean
  public: boolean
  hostname: string
  port: number | null
  info: unknown
}
