/** Identifier of an installed package, such as `bitcoind`. */
export type PackageId = string

/** Identifier of an action a package exports. */
export type ActionId = string

/** Identifier of one of a package's network hosts. */
export type HostId = string

/** Identifier of an exported service interface. */
export type ServiceInterfaceId = string

/** Identifier of a health check reported by a package. */
export type HealthCheckId = string

/** Identifier of a container image declared in the manifest. */
export type ImageId = string

/** Identifier of a data volume declared in the manifest. */
export type VolumeId = string

/** Identifier of a network gateway on the server. */
export type GatewayId = string

/** Identifier that deduplicates a task when it is requested again. */
export type ReplayId = string

/** Globally unique id issued by the host (events, subcontainers). */
export type Guid = string

/** Extended-version string as it travels on the wire, such as `1.2.3:0`. */
export type Version = string

/** Git commit hash string recorded in a manifest. */
export type GitHash = string

/** Local file path or URL string. */
export type PathOrUrl = string

/** Name or directory URL of an ACME certificate provider. */
export type AcmeProvider = string

/** Plugin kinds a package may provide. */
export type PluginId = 'url-v0'

/** Text that is either one string or a map from locale code to translation. */
export type LocaleString = string | Record<string, string>
