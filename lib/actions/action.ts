import type { Effects } from '../effects'
import { SdkError } from '../errors'
import type { ExtractInputSpecType, InputSpec, IST } from '../input'
import type {
  ActionId,
  ActionInput,
  ActionMetadata,
  ActionResult,
} from '../types'
import type { z } from '../z'
import { inputProblem } from './problems'
import type { Action as ActionShape, GetInput, MaybeFn, Run } from './types'

/** One action of a service (see {@link ActionShape}); built with `Action.withInput`/`withoutInput`. */
export interface Action<
  Id extends ActionId,
  Type extends Record<string, any>,
> extends ActionShape<Id, Type> {}

/** The form built for one event, kept until that event's `run`. */
interface BuiltForm {
  readonly spec: IST.InputSpec
  readonly validator: z.ZodType
}

/** Forms kept at most for this many events whose `run` never came. */
const MAX_PENDING_FORMS = 64

async function resolve<T, Opts>(
  value: MaybeFn<T, Opts>,
  options: Opts,
): Promise<T> {
  return typeof value === 'function'
    ? await (value as (o: Opts) => Promise<T>)(options)
    : value
}

/** The action's metadata as published: `hasInput` filled in, `access` defaulting to `'user'`. */
async function metadataOf(
  metadata: MaybeFn<Omit<ActionMetadata, 'hasInput'>>,
  effects: Effects,
  hasInput: boolean,
): Promise<ActionMetadata> {
  const given = await resolve(metadata, { effects })
  return { ...given, access: given.access ?? 'user', hasInput }
}

/**
 * An action with an input form. `getInput` builds the form for one event (the host's
 * `eventId`) and keeps it; `run` for the same event validates the input with that form's
 * validator. A `run` with no preceding `getInput` (another package calling
 * `effects.action.run`) builds the form itself, without prefill.
 */
function withInput<
  Id extends ActionId,
  InputSpecType extends InputSpec<Record<string, any>>,
>(
  id: Id,
  metadata: MaybeFn<Omit<ActionMetadata, 'hasInput'>>,
  inputSpec: MaybeFn<
    InputSpecType,
    { effects: Effects; prefill: unknown | null }
  >,
  getInput: GetInput<ExtractInputSpecType<InputSpecType>>,
  run: Run<ExtractInputSpecType<InputSpecType>>,
): Action<Id, ExtractInputSpecType<InputSpecType>> {
  type Input = ExtractInputSpecType<InputSpecType>
  const forms = new Map<string, BuiltForm>()
  const build = async (
    effects: Effects,
    prefill: unknown,
  ): Promise<BuiltForm> => {
    const spec = await resolve(inputSpec, { effects, prefill })
    const built = await spec.build({ effects, prefill: prefill as never })
    return { spec: built.spec as IST.InputSpec, validator: built.validator }
  }
  const remember = (eventId: string | null, form: BuiltForm): void => {
    if (eventId === null) return
    forms.delete(eventId)
    forms.set(eventId, form)
    if (forms.size > MAX_PENDING_FORMS) {
      const oldest = forms.keys().next().value as string
      forms.delete(oldest)
    }
  }
  return {
    id,
    _INPUT: undefined as unknown as Input,
    async exportMetadata({ effects }) {
      const published = await metadataOf(metadata, effects, true)
      await effects.action.export({ id, metadata: published })
      return published
    },
    async getInput({ effects, prefill }): Promise<ActionInput> {
      const form = await build(effects, prefill)
      remember(effects.eventId, form)
      const value = (await getInput({ effects, prefill })) ?? null
      return {
        eventId: effects.eventId as string,
        spec: form.spec as Record<string, unknown>,
        value: value as Record<string, unknown> | null,
      }
    },
    async run({ effects, input }): Promise<ActionResult | null> {
      const eventId = effects.eventId
      let form = eventId === null ? undefined : forms.get(eventId)
      if (eventId !== null) forms.delete(eventId)
      form ??= await build(effects, null)
      const checked = form.validator.safeParse(input)
      if (!checked.success) throw inputProblem(id, checked.error.issues)
      const result = await run({
        effects,
        input: checked.data as Input,
        spec: form.spec,
      })
      return result ?? null
    },
  }
}

/** An action without input: the form is empty and `run` receives `{}`. */
function withoutInput<Id extends ActionId>(
  id: Id,
  metadata: MaybeFn<Omit<ActionMetadata, 'hasInput'>>,
  run: Run<{}>,
): Action<Id, {}> {
  return {
    id,
    _INPUT: {},
    async exportMetadata({ effects }) {
      const published = await metadataOf(metadata, effects, false)
      await effects.action.export({ id, metadata: published })
      return published
    },
    async getInput({ effects }) {
      return { eventId: effects.eventId as string, spec: {}, value: null }
    },
    async run({ effects }) {
      return (await run({ effects, input: {}, spec: {} })) ?? null
    },
  }
}

/** Builds actions: `Action.withInput(...)` and `Action.withoutInput(...)`. */
export const Action: {
  withInput: typeof withInput
  withoutInput: typeof withoutInput
} = { withInput, withoutInput }

/** Thrown by `Actions.get`-based routing when an id names no action. */
export function unknownAction(id: string, known: readonly string[]): SdkError {
  return new SdkError(
    'ACTION_UNKNOWN',
    `No action ${JSON.stringify(id)}; this service has ${known.length === 0 ? 'no actions' : known.map((k) => JSON.stringify(k)).join(', ')}`,
    { details: { actionId: id, known: [...known] } },
  )
}
