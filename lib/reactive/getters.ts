import type { EffectParams, EffectResult, Effects } from '../effects'
import { effectSource } from './effectSource'
import { Watchable } from './watchable'

/** A package id, as the effects take it. */
type PackageId = NonNullable<EffectParams<'getStatus'>['packageId']>

/** The manifest `getServiceManifest` reports. */
type Manifest = EffectResult<'getServiceManifest'>

/** Key algorithms a certificate may be issued for. */
type SslAlgorithm = NonNullable<EffectParams<'getSslCertificate'>['algorithm']>

/** `name` or `name(detail)`, for labels. */
function labelled(name: string, detail: string | undefined): string {
  return detail === undefined ? name : `${name}(${detail})`
}

/** The status of this package, or of `opts.packageId`: `null` when it is not installed. */
export class GetStatus extends Watchable<EffectResult<'getStatus'>> {
  /** Which package's status is read. */
  readonly opts: { packageId?: PackageId }

  constructor(effects: Effects, opts: { packageId?: PackageId } = {}) {
    super(
      effects,
      effectSource(labelled('GetStatus', opts.packageId), (callback) =>
        effects.getStatus({ ...opts, callback }),
      ),
    )
    this.opts = opts
  }
}

/** The container IP of this package, or of `opts.packageId`. */
export class GetContainerIp extends Watchable<string> {
  /** Which package's container IP is read. */
  readonly opts: { packageId?: PackageId }

  constructor(effects: Effects, opts: { packageId?: PackageId } = {}) {
    super(
      effects,
      effectSource(labelled('GetContainerIp', opts.packageId), (callback) =>
        effects.getContainerIp({ ...opts, callback }),
      ),
    )
    this.opts = opts
  }
}

/** The SMTP server StartOS is configured with, or `null` when there is none. */
export class GetSystemSmtp extends Watchable<EffectResult<'getSystemSmtp'>> {
  constructor(effects: Effects) {
    super(
      effects,
      effectSource('GetSystemSmtp', (callback) =>
        effects.getSystemSmtp({ callback }),
      ),
    )
  }
}

/** The gateway this package's outbound traffic leaves through. */
export class GetOutboundGateway extends Watchable<string> {
  constructor(effects: Effects) {
    super(
      effects,
      effectSource('GetOutboundGateway', (callback) =>
        effects.getOutboundGateway({ callback }),
      ),
    )
  }
}

/** A certificate chain (three PEM strings) for `opts.hostnames`, renewed by StartOS. */
export class GetSslCertificate extends Watchable<[string, string, string]> {
  /** The hostnames (and key algorithm) the certificate is for. */
  readonly opts: { hostnames: string[]; algorithm?: SslAlgorithm }

  constructor(
    effects: Effects,
    opts: { hostnames: string[]; algorithm?: SslAlgorithm },
  ) {
    super(
      effects,
      effectSource(
        labelled('GetSslCertificate', opts.hostnames.join(',')),
        (callback) => effects.getSslCertificate({ ...opts, callback }),
      ),
    )
    this.opts = opts
  }
}

/** The manifest of an installed package, optionally narrowed with `map`/`eq`. */
export class GetServiceManifest<Mapped = Manifest | null> extends Watchable<
  Manifest | null,
  Mapped
> {
  /** Which package's manifest is read. */
  readonly opts: { packageId: PackageId }

  constructor(
    effects: Effects,
    opts: { packageId: PackageId },
    options: {
      map?: (value: Manifest | null) => Mapped
      eq?: (a: Mapped, b: Mapped) => boolean
    } = {},
  ) {
    super(
      effects,
      effectSource(labelled('GetServiceManifest', opts.packageId), (callback) =>
        effects.getServiceManifest({ packageId: opts.packageId, callback }),
      ),
      options,
    )
    this.opts = opts
  }
}

/**
 * Reactive status of this package (or `options.packageId`).
 *
 * @example
 * ```ts
 * const running = (await getStatus(effects).const())?.started !== null
 * ```
 */
export function getStatus(
  effects: Effects,
  options: { packageId?: PackageId } = {},
): GetStatus {
  return new GetStatus(effects, options)
}

/** Reactive container IP of this package (or `options.packageId`). */
export function getContainerIp(
  effects: Effects,
  options: { packageId?: PackageId } = {},
): GetContainerIp {
  return new GetContainerIp(effects, options)
}

/** Reactive system SMTP settings (`null` when StartOS has none). */
export function getSystemSmtp(effects: Effects): GetSystemSmtp {
  return new GetSystemSmtp(effects)
}

/** Reactive outbound gateway of this package. */
export function getOutboundGateway(effects: Effects): GetOutboundGateway {
  return new GetOutboundGateway(effects)
}

/** Reactive certificate chain for `hostnames`, re-read when StartOS renews it. */
export function getSslCertificate(
  effects: Effects,
  hostnames: string[],
  algorithm?: SslAlgorithm,
): GetSslCertificate {
  return new GetSslCertificate(
    effects,
    algorithm === undefined ? { hostnames } : { hostnames, algorithm },
  )
}

/**
 * Reactive manifest of package `packageId`; `map`/`eq` narrow what counts as a change.
 *
 * @example
 * ```ts
 * const version = await getServiceManifest(effects, 'bitcoind', (m) => m?.version).const()
 * ```
 */
export function getServiceManifest(
  effects: Effects,
  packageId: PackageId,
): GetServiceManifest<Manifest | null>
export function getServiceManifest<Mapped>(
  effects: Effects,
  packageId: PackageId,
  map: (manifest: Manifest | null) => Mapped,
  eq?: (a: Mapped, b: Mapped) => boolean,
): GetServiceManifest<Mapped>
export function getServiceManifest<Mapped>(
  effects: Effects,
  packageId: PackageId,
  map?: (manifest: Manifest | null) => Mapped,
  eq?: (a: Mapped, b: Mapped) => boolean,
): GetServiceManifest<Mapped> {
  return new GetServiceManifest<Mapped>(effects, { packageId }, { map, eq })
}
