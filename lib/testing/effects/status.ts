import type { StatusInfo } from '../../types'
import { bad, callbackId, oneOf, optPackageId, str } from '../check'
import type { EffectHandler, SimContext } from '../context'
import { targetOf } from '../context'
import type { SimPackage } from '../state'
import { markStarted, markStopped } from '../state'

const HEALTH = [
  'success',
  'disabled',
  'starting',
  'waiting',
  'loading',
  'failure',
] as const

/** A package's `StatusInfo` as `get-status` reports it. */
export function statusInfo(pkg: SimPackage): StatusInfo {
  return {
    health: structuredClone(pkg.health),
    error: null,
    started: pkg.started,
    desired: { ...pkg.desired },
  }
}

function desire(ctx: SimContext, pkg: SimPackage, restart: boolean): null {
  pkg.desired = restart
    ? pkg.started === null
      ? { main: 'running' }
      : { main: 'restarting', restartAgain: false }
    : { main: 'stopped' }
  ctx.onDesiredStatus(pkg.id, { ...pkg.desired })
  return null
}

/** The wire methods this file implements. */
type StatusMethods =
  | 'get-status'
  | 'set-health'
  | 'restart'
  | 'shutdown'
  | 'set-main-status'
  | 'get-data-version'
  | 'set-data-version'

/** Status, health and data-version effects. */
export const statusEffects: Record<StatusMethods, EffectHandler> = {
  'get-status': (ctx, p) => {
    const packageId = optPackageId(p)
    const read = (): StatusInfo | null => {
      const pkg = targetOf(ctx, packageId)
      return pkg ? statusInfo(pkg) : null
    }
    ctx.callbacks.watch(callbackId(p), read)
    return read()
  },
  'set-health': (ctx, p) => {
    const id = str(p, 'id')
    const name = str(p, 'name')
    const result = oneOf(p, 'result', HEALTH)
    const message = p.message ?? null
    const needsMessage = result === 'loading' || result === 'failure'
    if (typeof message !== 'string' && (needsMessage || message !== null)) {
      bad('message', needsMessage ? 'a string' : 'a string or null', message)
    }
    ctx.self.health[id] = {
      name,
      result,
      message,
    } as SimPackage['health'][string]
    return null
  },
  restart: (ctx) => desire(ctx, ctx.self, true),
  shutdown: (ctx) => desire(ctx, ctx.self, false),
  'set-main-status': (ctx, p) => {
    const status = oneOf(p, 'status', ['running', 'stopped'] as const)
    if (status === 'running') markStarted(ctx.self)
    else markStopped(ctx.self)
    return null
  },
  'get-data-version': (ctx) => ctx.self.dataVersion,
  'set-data-version': (ctx, p) => {
    const version = p.version
    if (version !== null && typeof version !== 'string') {
      bad('version', 'a string or null', version)
    }
    ctx.self.dataVersion = version
    return null
  },
}
