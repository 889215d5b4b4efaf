import type { PluginHostnameInfo, Progress } from '../../types'
import type { Params } from '../check'
import {
  bad,
  callbackId,
  isObject,
  obj,
  objs,
  oneOf,
  optStr,
  selection,
  str,
  strs,
} from '../check'
import type { EffectHandler } from '../context'
import { fakeCertificateChain, fakePrivateKey } from '../fakeTls'

const LEVELS = ['success', 'info', 'warning', 'error'] as const
const ALGORITHMS = ['ecdsa', 'ed25519'] as const

const isCallbackId = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v)

function progressOf(p: Params): Progress {
  const value = p.progress
  if (value === null || typeof value === 'boolean' || isObject(value)) {
    return structuredClone(value) as Progress
  }
  return bad('progress', 'null, a boolean or an object', value)
}

function algorithmOf(p: Params): string {
  if (p.algorithm === undefined || p.algorithm === null) return 'ecdsa'
  return oneOf(p, 'algorithm', ALGORITHMS)
}

function hostnameInfoOf(h: Params, at: string): PluginHostnameInfo {
  str(h, 'packageId', `${at}.packageId`)
  str(h, 'hostId', `${at}.hostId`)
  str(h, 'hostname', `${at}.hostname`)
  return structuredClone(h) as PluginHostnameInfo
}

const same = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a) === JSON.stringify(b)

/** The wire methods this file implements. */
type SystemMethods =
  | 'clear-callbacks'
  | 'notification.create'
  | 'set-init-progress'
  | 'set-backup-progress'
  | 'get-system-smtp'
  | 'get-ssl-certificate'
  | 'get-ssl-key'
  | 'plugin.url.register'
  | 'plugin.url.export-url'
  | 'plugin.url.clear-urls'

/** Callbacks, notifications, progress, SMTP, certificates and URL-plugin effects. */
export const systemEffects: Record<SystemMethods, EffectHandler> = {
  'clear-callbacks': (ctx, p) => {
    ctx.callbacks.clear(selection(p, isCallbackId, 'an array of integers'))
    return null
  },
  'notification.create': (ctx, p) => {
    ctx.self.notifications.push({
      level: oneOf(p, 'level', LEVELS),
      title: str(p, 'title'),
      message: str(p, 'message'),
      data: optStr(p, 'data'),
      at: Date.now(),
    })
    return null
  },
  'set-init-progress': (ctx, p) => {
    ctx.self.initProgress.push(progressOf(p))
    return null
  },
  'set-backup-progress': (ctx, p) => {
    ctx.self.backupProgress.push(progressOf(p))
    return null
  },
  'get-system-smtp': (ctx, p) => {
    const read = () => (ctx.smtp ? { ...ctx.smtp } : null)
    ctx.callbacks.watch(callbackId(p), read)
    return read()
  },
  'get-ssl-certificate': (ctx, p) => {
    const hostnames = strs(p, 'hostnames')
    const algorithm = algorithmOf(p)
    const read = () =>
      fakeCertificateChain(hostnames, algorithm, ctx.certGeneration)
    ctx.callbacks.watch(callbackId(p), read)
    return read()
  },
  'get-ssl-key': (ctx, p) =>
    fakePrivateKey(strs(p, 'hostnames'), algorithmOf(p), ctx.certGeneration),
  'plugin.url.register': (ctx, p) => {
    ctx.self.pluginTableAction = str(p, 'tableAction')
    return null
  },
  'plugin.url.export-url': (ctx, p) => {
    const info = hostnameInfoOf(obj(p, 'hostnameInfo'), 'hostnameInfo')
    optStr(p, 'removeAction')
    strs(p, 'overflowActions')
    if (!ctx.self.pluginUrls.some((u) => same(u, info))) {
      ctx.self.pluginUrls.push(info)
    }
    return null
  },
  'plugin.url.clear-urls': (ctx, p) => {
    const except = objs(p, 'except').map((h, i) =>
      hostnameInfoOf(h, `except[${i}]`),
    )
    ctx.self.pluginUrls = ctx.self.pluginUrls.filter((u) =>
      except.some((e) => same(e, u)),
    )
    return null
  },
}
