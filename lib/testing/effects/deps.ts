import type {
  CheckDependenciesResult,
  DependencyRequirement,
  IdMap,
  Manifest,
  MountParams,
  TaskEntry,
} from '../../types'
import type { Params } from '../check'
import {
  bool,
  callbackId,
  int,
  obj,
  objs,
  oneOf,
  optStr,
  str,
  strs,
} from '../check'
import type { EffectHandler, SimContext } from '../context'
import { HostError } from '../hostErrors'

function requirementOf(r: Params, i: number): DependencyRequirement {
  const at = `dependencies[${i}]`
  const kind = oneOf(r, 'kind', ['running', 'exists'] as const, `${at}.kind`)
  const id = str(r, 'id', `${at}.id`)
  const versionRange = str(r, 'versionRange', `${at}.versionRange`)
  if (kind === 'exists') return { kind, id, versionRange }
  const healthChecks = strs(r, 'healthChecks', `${at}.healthChecks`)
  return { kind, id, healthChecks, versionRange }
}

function checkOne(ctx: SimContext, id: string): CheckDependenciesResult {
  const pkg = ctx.packages.get(id)
  const tasks: Record<string, TaskEntry> = {}
  for (const [replayId, entry] of ctx.self.tasks) {
    if (entry.task.packageId === id) tasks[replayId] = structuredClone(entry)
  }
  const required = ctx.self.dependencies.find((d) => d.id === id)
  const healthChecks: CheckDependenciesResult['healthChecks'] = {}
  for (const [checkId, result] of Object.entries(pkg?.health ?? {})) {
    if (
      required?.kind !== 'running' ||
      required.healthChecks.includes(checkId)
    ) {
      healthChecks[checkId] = { ...result }
    }
  }
  return {
    packageId: id,
    title: pkg ? (pkg.manifest.title ?? null) : null,
    installedVersion: pkg ? pkg.manifest.version : null,
    satisfies: pkg ? [...(pkg.manifest.satisfies ?? [])] : [],
    isRunning: pkg ? pkg.started !== null : false,
    tasks,
    healthChecks,
  }
}

function mountOf(p: Params): MountParams {
  const t = obj(p, 'target')
  const idmap: IdMap[] = objs(t, 'idmap', 'target.idmap').map((m, i) => ({
    fromId: int(m, 'fromId', 0, 2 ** 32, `target.idmap[${i}].fromId`),
    toId: int(m, 'toId', 0, 2 ** 32, `target.idmap[${i}].toId`),
    range: int(m, 'range', 0, 2 ** 32, `target.idmap[${i}].range`),
  }))
  return {
    location: str(p, 'location'),
    target: {
      packageId: str(t, 'packageId', 'target.packageId'),
      volumeId: str(t, 'volumeId', 'target.volumeId'),
      subpath: optStr(t, 'subpath', 'target.subpath'),
      readonly: bool(t, 'readonly', 'target.readonly'),
      idmap,
    },
  }
}

/** The wire methods this file implements. */
type DependencyMethods =
  | 'set-dependencies'
  | 'get-dependencies'
  | 'check-dependencies'
  | 'get-installed-packages'
  | 'get-service-manifest'
  | 'mount'

/** Dependencies, installed packages, manifests and dependency mounts. */
export const dependencyEffects: Record<DependencyMethods, EffectHandler> = {
  'set-dependencies': (ctx, p) => {
    ctx.self.dependencies = objs(p, 'dependencies').map(requirementOf)
    return null
  },
  'get-dependencies': (ctx) => structuredClone(ctx.self.dependencies),
  'check-dependencies': (ctx, p) => {
    const ids =
      p.packageIds === undefined || p.packageIds === null
        ? ctx.self.dependencies.map((d) => d.id)
        : strs(p, 'packageIds')
    return ids.map((id) => checkOne(ctx, id))
  },
  'get-installed-packages': (ctx) => [...ctx.packages.keys()].sort(),
  'get-service-manifest': (ctx, p) => {
    const packageId = str(p, 'packageId')
    const read = (): Manifest | null => {
      const pkg = ctx.packages.get(packageId)
      return pkg ? structuredClone(pkg.manifest) : null
    }
    const manifest = read()
    if (!manifest) {
      throw new HostError('NotFound', `package ${packageId} is not installed`)
    }
    ctx.callbacks.watch(callbackId(p), read)
    return manifest
  },
  mount: (ctx, p) => {
    const params = mountOf(p)
    ctx.self.mounts.push(params)
    return params.location
  },
}
