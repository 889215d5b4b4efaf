import type { Effects, ExpectedExports } from '../effects'
import { SdkError } from '../errors'
import { FullProgressTracker } from '../progress'
import type { InitKind } from '../types'
import { reportUnhandled } from '../util'
import { describeStep, messageOf } from './describeStep'
import type { InitScript, InitScriptOrFn } from './types'

function failed(
  cause: unknown,
  step: InitScriptOrFn,
  index: number,
  count: number,
): SdkError {
  const name = describeStep(step)
  return new SdkError(
    'INIT_FAILED',
    `Init step ${index + 1} of ${count} (${name}) failed: ${messageOf(cause)}`,
    { cause, details: { step: index + 1, name } },
  )
}

async function call(
  step: InitScriptOrFn,
  effects: Effects,
  kind: InitKind,
  progress: FullProgressTracker,
): Promise<void> {
  if (typeof step === 'function') await step(effects, kind, progress)
  else await step.init(effects, kind, progress)
}

/**
 * Runs step `index` in its own child context `init-<index>`. When a value it read with
 * `.const(effects)` changes, the step alone runs again (after any run in progress, with a
 * tracker that reports nothing) while the init context lives; errors of those re-runs
 * cannot reach the host and are reported to the service log.
 */
async function runStep(
  effects: Effects,
  step: InitScriptOrFn,
  position: { index: number; count: number },
  kind: InitKind,
  tracker: FullProgressTracker,
): Promise<void> {
  const { index, count } = position
  let running = true
  let again = false
  const attempt = (progress: FullProgressTracker): Promise<void> => {
    const child = effects.child(`init-${index}`)
    child.constRetry = retry
    return call(step, child, kind, progress)
  }
  const rerun = async (): Promise<void> => {
    running = true
    try {
      while (again && effects.isInContext) {
        again = false
        try {
          await attempt(new FullProgressTracker())
        } catch (cause) {
          reportUnhandled('init step re-run', failed(cause, step, index, count))
        }
      }
    } finally {
      running = false
    }
  }
  function retry(): void {
    again = true
    if (!running && effects.isInContext) void rerun()
  }
  try {
    await attempt(tracker)
  } catch (cause) {
    throw failed(cause, step, index, count)
  } finally {
    running = false
  }
  tracker.complete()
  if (again && effects.isInContext) void rerun()
}

/**
 * Builds the `init` export from init steps, run one after another in the order given. Each
 * step gets effects of its own child context (a value it reads with `.const(effects)`
 * re-runs that step alone when it changes) and its own phase of one progress tracker that
 * reports to StartOS. A failing step stops init with `INIT_FAILED` naming it.
 *
 * @example
 * ```ts
 * export const init = setupInit(restoreInit, versions, setInterfaces, setDependencies, actions)
 * ```
 */
export function setupInit(...inits: InitScriptOrFn[]): ExpectedExports.init {
  return async ({ effects, kind }) => {
    const root = new FullProgressTracker((progress) =>
      effects.setInitProgress({ progress }),
    )
    const trackers = inits.map((step, i) =>
      root.addNestedPhase(`Init step ${i + 1}: ${describeStep(step)}`),
    )
    for (let i = 0; i < inits.length; i++) {
      await runStep(
        effects,
        inits[i]!,
        { index: i, count: inits.length },
        kind,
        trackers[i]!,
      )
    }
    root.complete()
    await root.sync()
  }
}

/**
 * Turns an init function into an {@link InitScript} (a script is returned as it is).
 *
 * @example
 * ```ts
 * export const seedConfig = setupOnInit(async (effects, kind) => {
 *   if (kind === 'install') await configFile.merge(effects, {})
 * })
 * ```
 */
export function setupOnInit(onInit: InitScriptOrFn): InitScript {
  if (typeof onInit !== 'function') return onInit
  return {
    async init(effects, kind, progress) {
      await onInit(effects, kind, progress ?? new FullProgressTracker())
    },
  }
}
