import { simulateDependencies } from './dependencies'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  statSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import { ExtendedVersion } from '../exver'
import { startosPaths } from '../paths'
import type { ActionMetadata, Manifest } from '../types'
import { defaultInput } from './defaults'
import { waitHealthy } from './health'
import type { Session } from './session'
import { within } from './session'

/** What every step of `run` works on. */
export interface WalkContext {
  readonly session: Session
  readonly manifest: Manifest
  /** The version an update is tried from, if the graph has one. */
  readonly previous: ExtendedVersion | undefined
  readonly healthTimeoutMs: number
  /** Prints a detail line under the current step. */
  readonly print: (line: string) => void
}

/** One step's outcome: a short detail, and whether it was skipped. */
export interface StepOutcome {
  detail: string
  skipped?: boolean
}

/** A step of the walk. */
export interface WalkStep {
  readonly name: string
  run(ctx: WalkContext): Promise<StepOutcome>
}

const CALL_MS = 120_000

function driver(ctx: WalkContext) {
  const runtime = ctx.session.runtime
  if (runtime === undefined) throw new Error('no runtime is running')
  return runtime.driver
}

async function exitRuntime(
  ctx: WalkContext,
  target: string | null,
): Promise<void> {
  await within(
    driver(ctx).exit(target),
    CALL_MS,
    `exit(${target}) did not answer`,
  )
  const code = await ctx.session.awaitExit(10_000)
  if (code === undefined)
    throw new Error('the runtime did not exit after `exit`')
  if (code !== 0)
    throw new Error(`the runtime exited with code ${code} after \`exit\``)
}

function init(
  ctx: WalkContext,
  kind: 'install' | 'update' | 'restore',
): Promise<unknown> {
  return within(driver(ctx).init(kind), CALL_MS, `init(${kind}) did not finish`)
}

function sameVersion(a: string, b: string): boolean {
  try {
    return ExtendedVersion.parse(a).equals(ExtendedVersion.parse(b))
  } catch {
    return a === b
  }
}

function files(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory()
      ? files(path, base)
      : [relative(base, path)]
  })
}

function runnable(meta: ActionMetadata): string | undefined {
  if (typeof meta.visibility === 'object')
    return `disabled: ${meta.visibility.disabled}`
  if (meta.allowedStatuses === 'only-stopped')
    return 'runs only while the service is stopped'
  return undefined
}

async function runAction(
  ctx: WalkContext,
  id: string,
  meta: ActionMetadata,
): Promise<string> {
  const d = driver(ctx)
  let input: Record<string, unknown> = {}
  let eventId: string | undefined
  if (meta.hasInput) {
    const form = (await within(
      d.execute(`/actions/${id}/getInput`, { prefill: null }),
      CALL_MS,
      `getInput of ${id} did not answer`,
    )) as { eventId?: string; spec?: unknown; value?: unknown } | null
    const filled = defaultInput(form?.spec, form?.value)
    if (!filled.ok) return `skipped: ${filled.reason}`
    input = filled.input
    eventId = form?.eventId
  }
  const result = (await within(
    d.execute(`/actions/${id}/run`, { input }, undefined, eventId),
    CALL_MS,
    `action ${id} did not finish`,
  )) as { title?: string; message?: string | null } | null
  return `ok${result?.message ? `: ${result.message}` : ''}`
}

/** The walk, in order: install → … → uninstall. */
export const WALK: readonly WalkStep[] = [
  {
    name: 'install',
    run: async (ctx) => {
      const runtime = await ctx.session.boot()
      return { detail: `runtime pid ${runtime.process.pid}` }
    },
  },
  {
    name: 'init (install)',
    run: async (ctx) => {
      await init(ctx, 'install')
      const s = ctx.session.sim.state()
      // Dependencies are simulated as installed (and running where required), so checks
      // that need them can pass locally.
      const deps = simulateDependencies(ctx.session.sim)
      for (const problem of deps.problems)
        ctx.print(`      warning: ${problem}`)
      const simulated =
        deps.simulated.length > 0
          ? `; simulated: ${deps.simulated.join(', ')}`
          : ''
      return {
        detail: `${s.actions.size} actions, ${s.interfaces.size} interfaces published${simulated}`,
      }
    },
  },
  {
    name: 'start',
    run: async (ctx) => {
      await within(driver(ctx).start(), CALL_MS, 'start did not finish')
      ctx.session.sim.markStarted()
      return { detail: 'main built' }
    },
  },
  {
    name: 'health',
    run: async (ctx) => ({
      detail: await waitHealthy(
        ctx.session.sim,
        ctx.session.runtime!,
        ctx.healthTimeoutMs,
        ctx.print,
      ),
    }),
  },
  {
    name: 'actions',
    run: async (ctx) => {
      const actions = [...ctx.session.sim.state().actions]
      if (actions.length === 0) return { detail: 'no actions', skipped: true }
      let ran = 0
      for (const [id, meta] of actions) {
        const why = runnable(meta)
        const line =
          why === undefined ? await runAction(ctx, id, meta) : `skipped: ${why}`
        if (line.startsWith('ok')) ran++
        ctx.print(`      ${id}: ${line}`)
      }
      return { detail: `${ran}/${actions.length} ran` }
    },
  },
  {
    name: 'createBackup',
    run: async (ctx) => {
      await within(
        driver(ctx).execute('/backup/create', null),
        CALL_MS,
        'createBackup did not finish',
      )
      const backup = startosPaths(ctx.session.root).backup
      return { detail: `${files(backup).length} files in the backup` }
    },
  },
  {
    name: 'stop',
    run: async (ctx) => {
      await within(driver(ctx).stop(), CALL_MS, 'stop did not finish')
      ctx.session.sim.markStopped()
      return { detail: 'daemons stopped' }
    },
  },
  {
    name: 'restore',
    run: async (ctx) => {
      await exitRuntime(ctx, ctx.manifest.version)
      const paths = startosPaths(ctx.session.root)
      const before = files(paths.volumes)
      renameSync(paths.volumes, `${paths.volumes}.before-restore`)
      for (const v of ctx.manifest.volumes)
        mkdirSync(paths.volume(v), { recursive: true })
      await ctx.session.boot()
      await init(ctx, 'restore')
      const after = new Set(files(paths.volumes))
      const lost = before.filter((f) => !after.has(f))
      if (lost.length > 0)
        ctx.print(
          `      not restored (${lost.length}): ${lost.slice(0, 5).join(', ')}`,
        )
      return { detail: `${after.size}/${before.length} volume files back` }
    },
  },
  {
    name: 'update',
    run: async (ctx) => {
      const previous = ctx.previous
      if (previous === undefined)
        return {
          detail: 'no earlier version in the version graph',
          skipped: true,
        }
      await exitRuntime(ctx, previous.toString())
      const down = ctx.session.sim.state().dataVersion
      await ctx.session.boot()
      await init(ctx, 'update')
      const up = ctx.session.sim.state().dataVersion
      if (up === null) return { detail: 'no data version stored' }
      if (!sameVersion(up, ctx.manifest.version))
        throw new Error(
          `after init (update) the data version is ${up}, expected ${ctx.manifest.version}: the version graph's init step did not migrate up`,
        )
      return { detail: `data ${ctx.manifest.version} → ${down} → ${up}` }
    },
  },
  {
    name: 'uninstall',
    run: async (ctx) => {
      await exitRuntime(ctx, null)
      return { detail: 'uninit(null), runtime exited 0' }
    },
  },
]
