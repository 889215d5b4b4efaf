import type { ActionMetadata, Task } from '../../types'
import type { Params } from '../check'
import {
  bool,
  isObject,
  keeps,
  obj,
  oneOf,
  optPackageId,
  optStr,
  selection,
  str,
  strs,
  bad,
} from '../check'
import type { EffectHandler } from '../context'
import { targetOf } from '../context'

const STATUSES = ['only-running', 'only-stopped', 'any'] as const
const SEVERITIES = ['optional', 'important', 'critical'] as const
const isString = (v: unknown): v is string => typeof v === 'string'

function metadataOf(p: Params): ActionMetadata {
  const m = obj(p, 'metadata')
  const visibility = m.visibility
  if (
    visibility !== 'hidden' &&
    visibility !== 'enabled' &&
    !(isObject(visibility) && typeof visibility.disabled === 'string')
  ) {
    bad(
      'metadata.visibility',
      '"hidden", "enabled" or { disabled }',
      visibility,
    )
  }
  str(m, 'name', 'metadata.name')
  str(m, 'description', 'metadata.description')
  optStr(m, 'warning', 'metadata.warning')
  oneOf(m, 'allowedStatuses', STATUSES, 'metadata.allowedStatuses')
  bool(m, 'hasInput', 'metadata.hasInput')
  optStr(m, 'group', 'metadata.group')
  return structuredClone(m) as ActionMetadata
}

function taskOf(p: Params): Task {
  const task: Task = {
    packageId: str(p, 'packageId'),
    actionId: str(p, 'actionId'),
    severity: oneOf(p, 'severity', SEVERITIES),
  }
  if (p.reason !== undefined && p.reason !== null)
    task.reason = str(p, 'reason')
  if (p.when !== undefined && p.when !== null) {
    const when = obj(p, 'when')
    task.when = {
      once: bool(when, 'once', 'when.once'),
      condition: oneOf(
        when,
        'condition',
        ['input-not-matches'],
        'when.condition',
      ),
    }
  }
  if (p.input !== undefined && p.input !== null) {
    const input = obj(p, 'input')
    oneOf(input, 'kind', ['partial'], 'input.kind')
    task.input = structuredClone(input) as Task['input']
  }
  return task
}

/** The wire methods this file implements. */
type ActionMethods =
  | 'action.export'
  | 'action.clear'
  | 'action.get-input'
  | 'action.run'
  | 'action.create-task'
  | 'action.clear-tasks'

/** Action metadata, tasks, and cross-package action calls. */
export const actionEffects: Record<ActionMethods, EffectHandler> = {
  'action.export': (ctx, p) => {
    const id = str(p, 'id')
    ctx.self.actions.set(id, metadataOf(p))
    return null
  },
  'action.clear': (ctx, p) => {
    const except = strs(p, 'except')
    for (const id of [...ctx.self.actions.keys()]) {
      if (!except.includes(id)) ctx.self.actions.delete(id)
    }
    return null
  },
  'action.get-input': async (ctx, p) => {
    const target = targetOf(ctx, optPackageId(p))
    const actionId = str(p, 'actionId')
    const prefill = p.prefill === undefined ? null : p.prefill
    if (prefill !== null && !isObject(prefill)) {
      bad('prefill', 'an object or null', prefill)
    }
    if (!target?.actionHandler) return null
    return (await target.actionHandler.getInput(actionId, prefill)) ?? null
  },
  'action.run': async (ctx, p) => {
    const target = targetOf(ctx, optPackageId(p))
    const actionId = str(p, 'actionId')
    if (!target?.actionHandler) return null
    return (await target.actionHandler.run(actionId, p.input ?? null)) ?? null
  },
  'action.create-task': (ctx, p) => {
    const replayId = str(p, 'replayId')
    ctx.self.tasks.set(replayId, { task: taskOf(p), active: true })
    return null
  },
  'action.clear-tasks': (ctx, p) => {
    const sel = selection(p, isString, 'an array of strings')
    for (const id of [...ctx.self.tasks.keys()]) {
      if (!keeps(sel, id)) ctx.self.tasks.delete(id)
    }
    return null
  },
}
