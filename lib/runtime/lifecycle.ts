/// <reference types="node" />
import { existsSync } from 'node:fs'
import { resolve as resolvePath } from 'node:path'
import type { ABI, Effects } from '../effects'
import { startosPaths } from '../paths'
import type { UninitTarget } from '../types'
import { CallbackContext } from './context'
import type { RequestContext, RpcHandlers } from './dispatch'
import { createEffects, createHostClient } from './effectsClient'
import type { HostClient } from './effectsClient'
import { isDevEnvironment } from './log'
import type { Logger } from './log'
import type { ExecuteParams, InitParams } from './params'
import { RpcError } from './rpcErrors'

/** Options of {@link createLifecycle}. */
export interface LifecycleOptions {
  log: Logger
  /** The host's effects socket; defaults to `startosPaths().hostSocket`. */
  hostSocket?: string
  /** A ready client instead of one on `hostSocket` (tests). */
  client?: HostClient
  /** The bundle entry, required on the first `init`; defaults to `startosPaths().packageEntry` then. */
  packageEntry?: string
  /** Ends the process after `exit` has replied; defaults to `process.exit`. */
  exit?: (code: number) => void
  /** The `STARTOS_ENVIRONMENT` value gating `eval`; defaults to the process environment's. */
  environment?: string
}

/** The running runtime: its handlers and a view of its state. */
export interface Lifecycle {
  readonly handlers: RpcHandlers
  /** Whether `init` has completed. */
  readonly initialized: boolean
  /** Whether `main` is built and not yet stopped. */
  readonly running: boolean
  /** The root of the callback tree, once the first `init` has begun. */
  readonly root: CallbackContext | undefined
}

type Running = { term(): Promise<void> }

function notInitialized(): RpcError {
  return RpcError.of(
    'rejected',
    'System not initialized',
    'System not initialized',
  )
}

/** Reads `exit`'s target; `exver` is loaded here, on first use, to keep start-up light. */
function parseTarget(target: string | null): UninitTarget {
  if (target === null) return null
  const { ExtendedVersion, VersionRange } =
    require('../exver') as typeof import('../exver')
  try {
    return ExtendedVersion.parse(target)
  } catch {
    return VersionRange.parse(target).normalize()
  }
}

function requireFn(bundle: unknown, name: string, entry: string): Function {
  const fn = (bundle as Record<string, unknown> | null)?.[name]
  if (typeof fn !== 'function') {
    throw new Error(
      `Package bundle ${entry} does not export a function \`${name}\``,
    )
  }
  return fn
}

function evalResult(value: unknown): unknown {
  const type = typeof value
  return type === 'string' ||
    type === 'number' ||
    type === 'boolean' ||
    type === 'object'
    ? value
    : null
}

/**
 * Creates the `service.sock` handlers that drive a package bundle through its life:
 * `init` loads it, `start`/`stop` run `main`, `execute` runs backups and actions,
 * `callback` fires registered callbacks, and `exit` runs `uninit` and ends the process.
 */
export function createLifecycle(options: LifecycleOptions): Lifecycle {
  const { log } = options
  const client =
    options.client ??
    createHostClient({
      socketPath: options.hostSocket ?? startosPaths().hostSocket,
      log,
    })
  const exitProcess = options.exit ?? ((code: number) => process.exit(code))
  const environment = (): string | undefined =>
    options.environment ?? process.env.STARTOS_ENVIRONMENT

  let entry = ''
  let bundle: ABI | undefined
  let root: CallbackContext | undefined
  let initialized = false
  let initRun: Promise<null> | undefined
  let running: Running | undefined
  let starting: Promise<void> | undefined

  const effectsFor = (
    eventId: string | null,
    context: CallbackContext | null,
  ): Effects => createEffects({ client, log, eventId, context })

  const load = (): ABI => {
    if (bundle !== undefined) return bundle
    entry = resolvePath(options.packageEntry ?? startosPaths().packageEntry)
    if (!existsSync(entry)) throw new Error(`${entry} not found`)
    bundle = require(entry) as ABI
    return bundle
  }

  const ready = (): { bundle: ABI; root: CallbackContext } => {
    if (!initialized || bundle === undefined || root === undefined) {
      throw notInitialized()
    }
    return { bundle, root }
  }

  const runInit = async (params: InitParams): Promise<null> => {
    log.info('Initializing...')
    const loaded = load()
    const init = requireFn(loaded, 'init', entry)
    root?.leave()
    root = new CallbackContext('root', log)
    const effects = effectsFor(params.id, root.child('init'))
    await init.call(loaded, { effects, kind: params.kind })
    initialized = true
    log.info('Initialization complete.')
    return null
  }

  const build = async (
    system: ABI,
    context: CallbackContext,
  ): Promise<void> => {
    const effects = effectsFor(null, context)
    let restarted = false
    effects.constRetry = () => {
      if (restarted || !effects.isInContext) return
      restarted = true
      log.info('Restarting service...')
      effects.restart().catch(() => {
        // The effects client has logged the host's error already.
      })
    }
    const main = requireFn(system, 'main', entry)
    const daemons = (await main.call(system, { effects })) as {
      build(): Promise<Running>
    }
    const built = await daemons.build()
    if (context.isInContext) {
      running = built
      return
    }
    // `stop` came while building: the daemons must not outlive the left context.
    log.info('main was stopped while it was starting; terminating it')
    await built.term()
  }

  const start = async (): Promise<null> => {
    const { bundle: system, root: tree } = ready()
    if (running !== undefined || starting !== undefined) return null
    const context = tree.getChild('main') ?? tree.child('main')
    starting = build(system, context)
    try {
      await starting
    } finally {
      starting = undefined
    }
    return null
  }

  const stopMain = async (): Promise<void> => {
    const current = running
    if (current === undefined) return
    try {
      await current.term()
    } finally {
      if (running === current) running = undefined
    }
  }

  const stop = async (): Promise<null> => {
    const { root: tree } = ready()
    tree.removeChild('main')
    await stopMain()
    return null
  }

  const execute = async (params: ExecuteParams): Promise<unknown> => {
    const { bundle: system, root: tree } = ready()
    const { route } = params
    if (route.kind !== 'backup/create' && route.kind !== 'action') return null
    const effects = effectsFor(params.id, tree.child(params.procedure))
    if (route.kind === 'backup/create') {
      const createBackup = requireFn(system, 'createBackup', entry)
      return createBackup.call(system, { effects })
    }
    const action = system.actions?.get(route.actionId)
    if (action === undefined || action === null) {
      throw new Error(`Action ${route.actionId} not found`)
    }
    if (route.step === 'getInput') {
      const input = params.input as { prefill?: unknown } | null | undefined
      const prefill = (input?.prefill ?? null) as Record<string, unknown> | null
      return action.getInput({ effects, prefill })
    }
    const input = (params.input as { input: Record<string, unknown> }).input
    return action.run({ effects, input })
  }

  const exit = async (
    params: { id: string; target: string | null },
    request: RequestContext,
  ): Promise<null> => {
    if (!initialized || bundle === undefined) return null
    const system = bundle
    const target = parseTarget(params.target)
    const effects = effectsFor(params.id, null)
    await stopMain()
    const uninit = requireFn(system, 'uninit', entry)
    await uninit.call(system, { effects, target })
    request.afterReply(() => exitProcess(0))
    return null
  }

  const evaluate = async ({ script }: { script: string }): Promise<unknown> => {
    if (!isDevEnvironment(environment())) {
      throw RpcError.of(
        'rejected',
        'eval is disabled',
        'eval is disabled: it runs only when STARTOS_ENVIRONMENT has a `dev` part (such as `dev` or `x-dev`)',
      )
    }
    const body = `return (async function () { return (${script}\n) })`
    const fn = new Function(body)() as (this: unknown) => Promise<unknown>
    return evalResult(await fn.call({ require }))
  }

  const handlers: RpcHandlers = {
    init: (params) => {
      if (initialized) return null
      initRun ??= runInit(params).finally(() => {
        initRun = undefined
      })
      return initRun
    },
    start,
    stop,
    execute,
    sandbox: execute,
    callback: ({ id, args }) => {
      if (root === undefined) {
        log.debug(`callback ${id} ignored: the system is not initialized`)
        return
      }
      root.fire(id, args)
    },
    exit,
    eval: evaluate,
  }

  return {
    handlers,
    get initialized(): boolean {
      return initialized
    },
    get running(): boolean {
      return running !== undefined
    },
    get root(): CallbackContext | undefined {
      return root
    },
  }
}
