import type { Effects } from '../effects'
import type {
  ActionId,
  CreateTaskParams,
  DeepPartial,
  PackageId,
  TaskSeverity,
  TaskTrigger,
} from '../types'
import type { ActionInfo } from './types'

type InputOf<A> = A extends ActionInfo<ActionId, infer I> ? I : never

/**
 * Input a task asks for: it is satisfied when the action's current input matches any
 * `accept` entry; otherwise it is shown, prefilled with `set`.
 */
export type TaskInput<A extends ActionInfo<ActionId, any>> = {
  kind: 'partial'
  accept: DeepPartial<InputOf<A>>[]
  set: DeepPartial<InputOf<A>>
}

/** The 1.x shape, still accepted: the same as `accept: [value], set: value`. */
export type LegacyTaskInput<A extends ActionInfo<ActionId, any>> = {
  kind: 'partial'
  value: DeepPartial<InputOf<A>>
}

/** Options of a task: why, how it is deduplicated, and when it applies. */
export type TaskOptions<A extends ActionInfo<ActionId, any>> = {
  reason?: string
  replayId?: string
} & (
  | {
      when?: Exclude<TaskTrigger, { condition: 'input-not-matches' }>
      input?: TaskInput<A> | LegacyTaskInput<A>
    }
  | {
      when: TaskTrigger & { condition: 'input-not-matches' }
      input: TaskInput<A> | LegacyTaskInput<A>
    }
)

/** `undefined` → `null` at every depth, so keys survive JSON. */
function nullify(value: unknown): unknown {
  if (value === undefined) return null
  if (Array.isArray(value)) return value.map(nullify)
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) out[key] = nullify(inner)
  return out
}

function normalizeInput(
  input: { kind: 'partial' } & Record<string, unknown>,
): CreateTaskParams['input'] {
  const legacy = 'value' in input && !('accept' in input)
  const accept = legacy ? [input['value']] : (input['accept'] as unknown[])
  const set = legacy ? input['value'] : input['set']
  return {
    kind: 'partial',
    accept: accept.map(nullify) as Record<string, unknown>[],
    set: nullify(set) as Record<string, unknown>,
  }
}

/**
 * Asks the user to run `action` of `packageId`. `replayId` (default
 * `"<packageId>:<actionId>"`) deduplicates: a new task with the same id replaces the old.
 */
export async function createTask<A extends ActionInfo<ActionId, any>>(options: {
  effects: Effects
  packageId: PackageId
  action: A
  severity: TaskSeverity
  options?: TaskOptions<A>
}): Promise<null> {
  const { effects, packageId, action, severity } = options
  const given = options.options ?? {}
  const request: CreateTaskParams = {
    ...(given as object),
    replayId: given.replayId ?? `${packageId}:${action.id}`,
    packageId,
    actionId: action.id,
    severity,
  }
  if (given.input !== undefined)
    request.input = normalizeInput(given.input as never)
  else delete request.input
  return effects.action.createTask(request)
}

/** Clears this service's tasks with the given replay ids. */
export function clearTask(
  effects: Effects,
  ...replayIds: string[]
): Promise<null> {
  return effects.action.clearTasks({ only: replayIds })
}
