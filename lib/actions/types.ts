import type { Effects } from '../effects'
import type { IST } from '../input'
import type {
  ActionId,
  ActionInput,
  ActionMetadata,
  ActionResult,
  DeepPartial,
} from '../types'

/** An action's `run` function: gets the validated input and the form it was submitted on. */
export type Run<A extends Record<string, any>> = (options: {
  effects: Effects
  input: A
  spec: IST.InputSpec
}) => Promise<(ActionResult & { version: '1' }) | null | void | undefined>

/** Fills the form before it is shown: the values to prefill, or nothing. */
export type GetInput<A extends Record<string, any>> = (options: {
  effects: Effects
  prefill: DeepPartial<A> | null
}) => Promise<null | void | undefined | DeepPartial<A>>

/** A value, or an async function of `Opts` producing it. */
export type MaybeFn<T, Opts = { effects: Effects }> =
  | T
  | ((options: Opts) => Promise<T>)

/** What a task needs to know of an action: its id and (as a type) its input. */
export interface ActionInfo<
  Id extends ActionId,
  Type extends Record<string, any>,
> {
  readonly id: Id
  /** Type-level only: the action's input type. Holds `undefined` at run time. */
  readonly _INPUT: Type
}

/** One action of a service: its metadata, its input form and what it does. */
export interface Action<
  Id extends ActionId,
  Type extends Record<string, any>,
> extends ActionInfo<Id, Type> {
  /** Evaluates the metadata and publishes it with `effects.action.export`. */
  exportMetadata(options: { effects: Effects }): Promise<ActionMetadata>
  /** Builds the input form for this event and the values to prefill it with. */
  getInput(options: {
    effects: Effects
    prefill: DeepPartial<Type> | null
  }): Promise<ActionInput>
  /** Validates `input` against the form built for this event, then runs the action. */
  run(options: { effects: Effects; input: Type }): Promise<ActionResult | null>
}

/** The service's actions, keyed by id. An init script: `init` publishes them all. */
export interface Actions<
  AllActions extends Record<ActionId, Action<ActionId, any>>,
> {
  /** A new collection with `action` added (replacing one with the same id). */
  addAction<A extends Action<ActionId, any>>(
    action: A,
  ): Actions<AllActions & { [id in A['id']]: A }>
  /**
   * Publishes every action's metadata (each re-published when what it read changes) and
   * clears actions published earlier that no longer exist.
   */
  init(effects: Effects): Promise<void>
  /** The action with this id. */
  get<Id extends ActionId>(actionId: Id): AllActions[Id]
}
