import type { AddressInfo, ServiceInterface } from '../../types'
import {
  bool,
  callbackId,
  obj,
  oneOf,
  optPackageId,
  optStr,
  port,
  str,
  strs,
} from '../check'
import type { EffectHandler } from '../context'
import { targetOf } from '../context'
import { HostError } from '../hostErrors'

const TYPES = ['ui', 'p2p', 'api'] as const

/** The wire methods this file implements. */
type InterfaceMethods =
  | 'export-service-interface'
  | 'export-range-service-interface'
  | 'get-service-interface'
  | 'list-service-interfaces'
  | 'clear-service-interfaces'

/** Service interface effects. */
export const interfaceEffects: Record<InterfaceMethods, EffectHandler> = {
  'export-service-interface': (ctx, p) => {
    const a = obj(p, 'addressInfo')
    const addressInfo: AddressInfo = {
      username: optStr(a, 'username', 'addressInfo.username'),
      hostId: str(a, 'hostId', 'addressInfo.hostId'),
      internalPort: port(a, 'internalPort', 'addressInfo.internalPort'),
      scheme: optStr(a, 'scheme', 'addressInfo.scheme'),
      sslScheme: optStr(a, 'sslScheme', 'addressInfo.sslScheme'),
      suffix: str(a, 'suffix', 'addressInfo.suffix'),
    }
    const iface: ServiceInterface = {
      id: str(p, 'id'),
      name: str(p, 'name'),
      description: str(p, 'description'),
      masked: bool(p, 'masked'),
      addressInfo,
      type: oneOf(p, 'type', TYPES),
    }
    ctx.self.interfaces.set(iface.id, iface)
    return null
  },
  'export-range-service-interface': (ctx, p) => {
    const hostId = str(p, 'hostId')
    const internalStartPort = port(p, 'internalStartPort')
    const iface = {
      id: str(p, 'id'),
      name: str(p, 'name'),
      description: str(p, 'description'),
      scheme: optStr(p, 'scheme'),
    }
    const range = ctx.self.hosts.get(hostId)?.ranges.get(internalStartPort)
    if (!range) {
      throw new HostError(
        'NotFound',
        `no port range starting at ${internalStartPort} on host ${hostId}`,
      )
    }
    range.iface = iface
    return null
  },
  'get-service-interface': (ctx, p) => {
    const packageId = optPackageId(p)
    const id = str(p, 'serviceInterfaceId')
    const read = () => {
      const iface = targetOf(ctx, packageId)?.interfaces.get(id)
      return iface ? structuredClone(iface) : null
    }
    ctx.callbacks.watch(callbackId(p), read)
    return read()
  },
  'list-service-interfaces': (ctx, p) => {
    const packageId = optPackageId(p)
    const read = () => {
      const all: Record<string, ServiceInterface> = {}
      const pkg = targetOf(ctx, packageId)
      for (const [id, iface] of pkg?.interfaces ?? []) {
        all[id] = structuredClone(iface)
      }
      return all
    }
    ctx.callbacks.watch(callbackId(p), read)
    return read()
  },
  'clear-service-interfaces': (ctx, p) => {
    const except = strs(p, 'except')
    for (const id of [...ctx.self.interfaces.keys()]) {
      if (!except.includes(id)) ctx.self.interfaces.delete(id)
    }
    for (const host of ctx.self.hosts.values()) {
      for (const range of host.ranges.values()) {
        if (range.iface && !except.includes(range.iface.id)) range.iface = null
      }
    }
    return null
  },
}
