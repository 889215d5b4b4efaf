import type { Effects } from '../effects'
import type { AddSslOptions, BindParams, Security } from '../types'
import { Origin } from './Origin'
import { checkInteger, invalidOption } from './problems'
import type { BindOptionsByProtocol, BindPortRangeOptions } from './protocols'
import { MAX_BIND_PORT_RANGE_SIZE, knownProtocols } from './protocols'
import { RangeOrigin } from './RangeOrigin'

type KnownProtocol = keyof typeof knownProtocols

/** The protocol entry, with the optional fields every entry may have. */
type ProtocolEntry = {
  readonly secure: Security | null
  readonly defaultPort: number
  readonly withSsl?: string
  readonly alpn?: AddSslOptions['alpn']
  readonly addXForwardedHeaders: boolean
}

/** Lowest port a range may start at: ports up to 1024 are reserved. */
const FIRST_RANGE_PORT = 1025

function isKnown(protocol: unknown): protocol is KnownProtocol {
  return (
    typeof protocol === 'string' &&
    Object.prototype.hasOwnProperty.call(knownProtocols, protocol)
  )
}

/**
 * The `addSsl` sent for a known protocol: its defaults under the caller's overrides; a field
 * given as `undefined` keeps its default.
 */
function sslFor(
  entry: ProtocolEntry,
  given: Partial<AddSslOptions> | undefined,
): AddSslOptions | null {
  const terminates = entry.withSsl !== undefined || entry.secure?.ssl === true
  if (!terminates && given === undefined) return null
  const overrides = Object.fromEntries(
    Object.entries(given ?? {}).filter(([, value]) => value !== undefined),
  )
  return {
    addXForwardedHeaders: entry.addXForwardedHeaders,
    preferredExternalPort: 443,
    alpn: entry.alpn ?? null,
    auth: null,
    ...overrides,
  }
}

/**
 * A network identity of the package (StartOS gives each host its own addresses): bind
 * ports and port ranges on it, then export interfaces on what they return.
 *
 * @example
 * ```ts
 * const origin = await MultiHost.of(effects, 'main').bindPort(80, { protocol: 'http' })
 * ```
 */
export class MultiHost {
  /** The effects bindings go through and the host id. */
  readonly options: { effects: Effects; id: string }

  constructor(options: { effects: Effects; id: string }) {
    this.options = options
  }

  /** A host `id` bound through `effects` (what `sdk.MultiHost.of` returns). */
  static of(effects: Effects, id: string): MultiHost {
    return new MultiHost({ effects, id })
  }

  /**
   * Binds `internalPort` on this host. A known `protocol` fills in the external port and
   * TLS handling (`http` → also served as `https` by StartOS, `https` → re-wrapped, `ssh`
   * → passed through); `addSsl` fields override those defaults. With `protocol: null`,
   * every bind option is given explicitly. Returns the origin to export interfaces on.
   *
   * @example
   * ```ts
   * const origin = await MultiHost.of(effects, 'main').bindPort(80, {
   *   protocol: 'http',
   *   preferredExternalPort: 8332,
   * })
   * ```
   */
  async bindPort(
    internalPort: number,
    options: BindOptionsByProtocol,
  ): Promise<Origin> {
    checkInteger(
      'internalPort',
      internalPort,
      1,
      65535,
      'pass the port the service listens on inside its container',
    )
    const { protocol } = options
    if (protocol === null) {
      await sendBind(this.options.effects, {
        id: this.options.id,
        internalPort,
        preferredExternalPort: options.preferredExternalPort,
        addSsl: options.addSsl ?? null,
        secure: options.secure ?? null,
      })
      return new Origin(this, internalPort, null, null)
    }
    if (!isKnown(protocol)) {
      throw invalidOption(
        'protocol',
        `one of ${Object.keys(knownProtocols).join(', ')} or null`,
        protocol,
        'use `protocol: null` with preferredExternalPort, addSsl and secure for other protocols',
      )
    }
    const entry: ProtocolEntry = knownProtocols[protocol]
    const skipSsl = (options as { noAddSsl?: unknown }).noAddSsl === true
    const addSsl = skipSsl ? null : sslFor(entry, options.addSsl)
    await sendBind(this.options.effects, {
      id: this.options.id,
      internalPort,
      preferredExternalPort: options.preferredExternalPort ?? entry.defaultPort,
      addSsl,
      secure: entry.secure === null ? null : { ssl: entry.secure.ssl },
    })
    const sslScheme = addSsl === null ? null : sslSchemeOf(protocol, entry)
    return new Origin(this, internalPort, protocol, sslScheme)
  }

  /**
   * Binds `numberOfPorts` contiguous ports (TCP and UDP) at once, for media relays and
   * other pooled-port servers; external port `externalStartPort + i` reaches internal port
   * `internalStartPort + i`. StartOS allocates the whole range or nothing: a port already
   * taken is an error, never a shifted range. Returns the range to export its one
   * interface on.
   *
   * @example
   * ```ts
   * const turn = await MultiHost.of(effects, 'turn').bindPortRange({
   *   internalStartPort: 49152,
   *   externalStartPort: 49152,
   *   numberOfPorts: 100,
   * })
   * ```
   */
  async bindPortRange(options: BindPortRangeOptions): Promise<RangeOrigin> {
    const { internalStartPort, externalStartPort, numberOfPorts } = options
    checkInteger(
      'numberOfPorts',
      numberOfPorts,
      2,
      MAX_BIND_PORT_RANGE_SIZE,
      'use bindPort for a single port, and split larger pools into several ranges',
    )
    for (const [field, start] of [
      ['internalStartPort', internalStartPort],
      ['externalStartPort', externalStartPort],
    ] as const) {
      checkInteger(
        field,
        start,
        FIRST_RANGE_PORT,
        65536 - numberOfPorts,
        `ranges start above 1024 and their ${numberOfPorts} ports must end by 65535`,
      )
    }
    await this.options.effects.bindRange({
      id: this.options.id,
      internalStartPort,
      externalStartPort,
      numberOfPorts,
    })
    return new RangeOrigin(
      this,
      internalStartPort,
      externalStartPort,
      numberOfPorts,
    )
  }
}

/** The scheme StartOS serves when it terminates TLS for `protocol`. */
function sslSchemeOf(
  protocol: KnownProtocol,
  entry: ProtocolEntry,
): string | null {
  if (entry.withSsl !== undefined) return entry.withSsl
  return entry.secure?.ssl === true ? protocol : null
}

/** Sends `bind` after checking the external ports. */
function sendBind(effects: Effects, params: BindParams): Promise<null> {
  checkInteger(
    'preferredExternalPort',
    params.preferredExternalPort,
    1,
    65535,
    'pass a port number, or leave it out to use the protocol default',
  )
  if (params.addSsl !== null) {
    checkInteger(
      'addSsl.preferredExternalPort',
      params.addSsl.preferredExternalPort,
      1,
      65535,
      'pass a port number, or leave it out to use 443',
    )
    checkUpstream(params.addSsl.upstreamCertValidation)
  }
  return effects.bind(params)
}

/** Throws unless `value` is a valid `addSsl.upstreamCertValidation` (or absent). */
function checkUpstream(value: unknown): void {
  if (value === undefined || value === 'disable') return
  const certificate =
    typeof value === 'object' && value !== null
      ? (value as { certificate?: unknown }).certificate
      : undefined
  if (typeof certificate === 'string' && certificate.includes('-----BEGIN'))
    return
  throw invalidOption(
    'addSsl.upstreamCertValidation',
    "`'disable'` or `{ certificate: <PEM> }`",
    value,
    'leave it out to validate against the StartOS root CA',
  )
}
