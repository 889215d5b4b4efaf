import type { ActionId, Guid, PackageId, ReplayId } from './ids'

/** Whether an action is shown and runnable, hidden, or shown disabled with a reason. */
export type ActionVisibility = 'hidden' | { disabled: string } | 'enabled'

/** The service run states in which an action may be run. */
export type AllowedStatuses = 'only-running' | 'only-stopped' | 'any'

/** Who may run an action directly: any package, dependents only, or only the user. */
export type ActionAccess = 'public' | 'dependent' | 'user'

/** Metadata the service publishes for one action through `action.export`. */
export type ActionMetadata = {
  name: string
  description: string
  warning: string | null
  visibility: ActionVisibility
  allowedStatuses: AllowedStatuses
  hasInput: boolean
  group: string | null
  access?: ActionAccess
}

/** An action's input form and current values, as returned by `action.getInput`. */
export type ActionInput = {
  eventId: Guid
  spec: Record<string, unknown>
  value: Record<string, unknown> | null
}

/** A leaf value or a nested group shown in an action result. */
export type ActionResultValue =
  | {
      type: 'single'
      value: string
      copyable: boolean
      qr: boolean
      masked: boolean
    }
  | {
      type: 'group'
      value: Array<ActionResultMember>
    }

/** A named entry of an action result group. */
export type ActionResultMember = {
  name: string
  description: string | null
} & ActionResultValue

/** The legacy (version `0`) action result: a message with an optional value. */
export type ActionResultV0 = {
  message: string
  value: string | null
  copyable: boolean
  qr: boolean
}

/** The current (version `1`) action result: a title, message and structured value. */
export type ActionResultV1 = {
  title: string
  message: string | null
  result: ActionResultValue | null
}

/** An action's result tagged with its format version. */
export type ActionResult =
  | ({ version: '0' } & ActionResultV0)
  | ({ version: '1' } & ActionResultV1)

/** How urgent a task is for the user. */
export type TaskSeverity = 'optional' | 'important' | 'critical'

/** Conditions under which a task becomes active. */
export type TaskCondition = 'input-not-matches'

/** When a task is raised and whether it fires only once. */
export type TaskTrigger = {
  once: boolean
  condition: TaskCondition
}

/** Input values a task wants the action to be run with. */
export type TaskInput = {
  kind: 'partial'
  accept: Record<string, unknown>[]
  set: Record<string, unknown>
}

/** A request that the user run some package's action. */
export type Task = {
  packageId: PackageId
  actionId: ActionId
  severity: TaskSeverity
  reason?: string
  when?: TaskTrigger
  input?: TaskInput
}

/** A task and whether it is currently active. */
export type TaskEntry = {
  task: Task
  active: boolean
}

/** Params of `action.createTask`: a task plus the id that deduplicates it. */
export type CreateTaskParams = {
  replayId: ReplayId
  packageId: PackageId
  actionId: ActionId
  severity: TaskSeverity
  reason?: string
  when?: TaskTrigger
  input?: TaskInput
}
