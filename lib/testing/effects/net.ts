import type { AddSslOptions, Security } from '../../types'
import type { Params } from '../check'
import {
  bad,
  bool,
  callbackId,
  int,
  isObject,
  objs,
  optPackageId,
  port,
  str,
} from '../check'
import type { EffectHandler, SimContext } from '../context'
import { requireTarget, targetOf } from '../context'
import { HostError } from '../hostErrors'
import { hostInfo } from '../hostInfo'
import type { SimHost } from '../state'

/** The most ports one `bind-range` may take, as on StartOS. */
export const MAX_RANGE_PORTS = 500

function hostOf(ctx: SimContext, id: string): SimHost {
  let host = ctx.self.hosts.get(id)
  if (!host) {
    host = { bindings: new Map(), ranges: new Map() }
    ctx.self.hosts.set(id, host)
  }
  return host
}

function addSslOf(p: Params): AddSslOptions | null {
  const value = p.addSsl
  if (value === null || value === undefined) return null
  if (!isObject(value)) return bad('addSsl', 'an object or null', value)
  port(value, 'preferredExternalPort', 'addSsl.preferredExternalPort')
  bool(value, 'addXForwardedHeaders', 'addSsl.addXForwardedHeaders')
  return structuredClone(value) as AddSslOptions
}

function secureOf(p: Params): Security | null {
  const value = p.secure
  if (value === null || value === undefined) return null
  if (!isObject(value)) return bad('secure', 'an object or null', value)
  return { ssl: bool(value, 'ssl', 'secure.ssl') }
}

/** The wire methods this file implements. */
type NetMethods =
  | 'bind'
  | 'bind-range'
  | 'get-service-port-forward'
  | 'clear-bindings'
  | 'get-host-info'
  | 'get-container-ip'
  | 'get-os-ip'
  | 'get-outbound-gateway'

/** Port bindings and host/network lookups. */
export const netEffects: Record<NetMethods, EffectHandler> = {
  bind: (ctx, p) => {
    const id = str(p, 'id')
    const internalPort = port(p, 'internalPort')
    const preferredExternalPort = port(p, 'preferredExternalPort')
    const addSsl = addSslOf(p)
    const secure = secureOf(p)
    const host = hostOf(ctx, id)
    const old = host.bindings.get(internalPort)
    const keep = old?.options.preferredExternalPort === preferredExternalPort
    let assignedPort = keep ? old.net.assignedPort : null
    if (assignedPort === null) {
      ctx.ports.release(old?.net.assignedPort ?? null)
      assignedPort = ctx.ports.take(preferredExternalPort)
    }
    let assignedSslPort = old?.net.assignedSslPort ?? null
    const sslPreferred = addSsl?.preferredExternalPort ?? null
    if (
      assignedSslPort !== null &&
      (addSsl === null ||
        old?.options.addSsl?.preferredExternalPort !== sslPreferred)
    ) {
      ctx.ports.release(assignedSslPort)
      assignedSslPort = null
    }
    if (addSsl !== null && assignedSslPort === null) {
      assignedSslPort = ctx.ports.take(sslPreferred)
    }
    host.bindings.set(internalPort, {
      enabled: true,
      options: { preferredExternalPort, addSsl, secure },
      net: { assignedPort, assignedSslPort },
    })
    return null
  },
  'bind-range': (ctx, p) => {
    const id = str(p, 'id')
    const internalStartPort = port(p, 'internalStartPort')
    const externalStartPort = port(p, 'externalStartPort')
    const count = p.numberOfPorts
    if (
      typeof count !== 'number' ||
      !Number.isInteger(count) ||
      count < 1 ||
      count > MAX_RANGE_PORTS
    ) {
      if (typeof count === 'number' && Number.isInteger(count)) {
        throw new HostError(
          'InvalidRequest',
          `numberOfPorts must be from 1 to ${MAX_RANGE_PORTS}, got ${count}`,
        )
      }
      int(p, 'numberOfPorts', 1, MAX_RANGE_PORTS)
    }
    const numberOfPorts = count as number
    if (internalStartPort + numberOfPorts - 1 > 65535) {
      throw new HostError(
        'InvalidRequest',
        `internal ports ${internalStartPort}-${internalStartPort + numberOfPorts - 1} go past 65535`,
      )
    }
    const host = hostOf(ctx, id)
    const old = host.ranges.get(internalStartPort)
    if (
      old?.externalStartPort !== externalStartPort ||
      old.numberOfPorts !== numberOfPorts
    ) {
      if (old) ctx.ports.release(old.externalStartPort, old.numberOfPorts)
      try {
        ctx.ports.takeRange(externalStartPort, numberOfPorts)
      } catch (error) {
        if (old) ctx.ports.takeRange(old.externalStartPort, old.numberOfPorts)
        throw error
      }
    }
    host.ranges.set(internalStartPort, {
      enabled: true,
      externalStartPort,
      numberOfPorts,
      iface: old?.iface ?? null,
    })
    return null
  },
  'get-service-port-forward': (ctx, p) => {
    const pkg = requireTarget(ctx, optPackageId(p))
    const hostId = str(p, 'hostId')
    const internalPort = port(p, 'internalPort')
    const binding = pkg.hosts.get(hostId)?.bindings.get(internalPort)
    if (!binding) {
      throw new HostError(
        'NotFound',
        `no binding for port ${internalPort} on host ${hostId} of ${pkg.id}`,
      )
    }
    return { ...binding.net }
  },
  'clear-bindings': (ctx, p) => {
    const except = objs(p, 'except').map((e, i) => ({
      id: str(e, 'id', `except[${i}].id`),
      internalPort: port(e, 'internalPort', `except[${i}].internalPort`),
    }))
    const kept = (id: string, internalPort: number): boolean =>
      except.some((e) => e.id === id && e.internalPort === internalPort)
    for (const [id, host] of ctx.self.hosts) {
      for (const [internalPort, b] of host.bindings) {
        if (!kept(id, internalPort)) b.enabled = false
      }
      for (const [internalPort, r] of host.ranges) {
        if (!kept(id, internalPort)) r.enabled = false
      }
    }
    return null
  },
  'get-host-info': (ctx, p) => {
    const packageId = optPackageId(p)
    const hostId = str(p, 'hostId')
    const read = () => {
      const pkg = targetOf(ctx, packageId)
      return pkg ? hostInfo(ctx.network, pkg, hostId) : null
    }
    ctx.callbacks.watch(callbackId(p), read)
    return read()
  },
  'get-container-ip': (ctx, p) => {
    const packageId = optPackageId(p)
    const read = () =>
      targetOf(ctx, packageId) ? ctx.network.containerIp : null
    const id = callbackId(p)
    // The calling package's own IP is fixed, so only another package's is watched.
    if (packageId !== undefined && packageId !== ctx.self.id) {
      ctx.callbacks.watch(id, read)
    }
    return read()
  },
  'get-os-ip': (ctx) => ctx.network.osIp,
  'get-outbound-gateway': (ctx, p) => {
    const read = () => ctx.network.outboundGateway
    ctx.callbacks.watch(callbackId(p), read)
    return read()
  },
}
