import type { DesiredStatus, SmtpValue } from '../types'
import type { CallbackRegistry } from './callbacks'
import type { Params } from './check'
import { HostError } from './hostErrors'
import type { PortAllocator } from './ports'
import type { SimPackage } from './state'

/** The fixed network facts the simulator reports; all configurable. */
export interface SimNetwork {
  /** `get-container-ip` for every simulated package (default `127.0.0.1`). */
  containerIp: string
  /** `get-os-ip` and the ipv4 address in host info (default `127.0.0.1`). */
  osIp: string
  /** `get-outbound-gateway` and the gateway id in host info (default `lo`). */
  outboundGateway: string
  /** The mDNS name in host info, without `.local` (default `startos-sim`). */
  hostname: string
}

/** Everything an effect handler may read or change. */
export interface SimContext {
  /** The package whose runtime is connected to `host.sock`. */
  readonly self: SimPackage
  readonly packages: Map<string, SimPackage>
  readonly images: Map<string, string | null>
  /** The StartOS root subcontainers are created under. */
  readonly root: string
  readonly ports: PortAllocator
  readonly network: SimNetwork
  readonly callbacks: CallbackRegistry
  smtp: SmtpValue | null
  /** Bumped by `rotateCertificates()`, which changes every certificate. */
  certGeneration: number
  /** Called when an effect changes a package's desired status. */
  onDesiredStatus: (packageId: string, desired: DesiredStatus) => void
}

/** One effect's implementation. */
export type EffectHandler = (ctx: SimContext, params: Params) => unknown

/** The package `packageId` names, or the calling package when it is absent. */
export function targetOf(
  ctx: SimContext,
  packageId: string | undefined,
): SimPackage | undefined {
  return packageId === undefined ? ctx.self : ctx.packages.get(packageId)
}

/** Like {@link targetOf}, but a missing package is a NotFound error. */
export function requireTarget(
  ctx: SimContext,
  packageId: string | undefined,
): SimPackage {
  const pkg = targetOf(ctx, packageId)
  if (!pkg)
    throw new HostError('NotFound', `package ${packageId} is not installed`)
  return pkg
}
