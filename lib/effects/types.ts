import type { ActionId, ActionResult, PackageId } from '../types'
import type { effectMethods } from './methods'

/** The effects table's type. */
type EffectTable = typeof effectMethods

/** Property path of an RPC effect on `Effects`, such as `action.getInput`. */
export type EffectPath = keyof EffectTable

/** The options object an effect takes (`void` when it takes none). */
export type EffectParams<TPath extends EffectPath> = NonNullable<
  EffectTable[TPath]['~types']
>['params']

/** The value an effect's promise resolves to. */
export type EffectResult<TPath extends EffectPath> = NonNullable<
  EffectTable[TPath]['~types']
>['result']

/** Camel case to kebab case, one character at a time (`getOsIp` → `get-os-ip`). */
type Kebab<
  TText extends string,
  TDone extends string = '',
> = TText extends `${infer TChar}${infer TRest}`
  ? Kebab<
      TRest,
      `${TDone}${TChar extends Lowercase<TChar> ? TChar : `-${Lowercase<TChar>}`}`
    >
  : TDone

/** The JSON-RPC method name of an effect: its path in kebab case. */
export type EffectWireMethod<TPath extends EffectPath = EffectPath> =
  TPath extends EffectPath ? Kebab<TPath> : never

/** The params object as sent on the wire: `callback` becomes an id or `null`, plus `eventId`. */
export type EffectWireParams<TPath extends EffectPath> = WireShape<
  EffectParams<TPath>
> & { eventId?: string }

/** Replaces a `callback` function with its registered id. */
type WireShape<TParams> = [TParams] extends [void]
  ? {}
  : {
      [TKey in keyof TParams]: TKey extends 'callback'
        ? number | null
        : TParams[TKey]
    }

/** The function an effect exposes on `Effects`. */
type EffectFn<TPath> = TPath extends EffectPath
  ? [EffectParams<TPath>] extends [void]
    ? () => Promise<EffectResult<TPath>>
    : (options: EffectParams<TPath>) => Promise<EffectResult<TPath>>
  : never

/** First segment of a dotted path. */
type Head<TPath extends string> = TPath extends `${infer THead}.${string}`
  ? THead
  : TPath

/** The RPC members nested by path segment (`action.getInput` → `action: { getInput }`). */
type Nest<TPaths extends string, TPrefix extends string> = {
  [THead in Head<TPaths>]: THead extends TPaths
    ? EffectFn<`${TPrefix}${THead}`>
    : Nest<
        TPaths extends `${THead}.${infer TRest}` ? TRest : never,
        `${TPrefix}${THead}.`
      >
}

/** Every RPC member of `Effects`, derived from the effects table. */
export type EffectsRpc = Nest<EffectPath, ''>

/** The members of `Effects` that are local to one context and make no RPC. */
export interface EffectsContext {
  /** The host event this context serves, or `null` (as in `main`). */
  readonly eventId: string | null
  /** Returns effects for a named sub-context whose callbacks are dropped with it. */
  child: (name: string) => Effects
  /** Re-runs the current step when a value read with `.const()` changes. */
  constRetry?: () => void
  /** Whether this context is still live (its callbacks can still fire). */
  isInContext: boolean
  /** Registers a hook to run when this context ends. */
  onLeaveContext: (fn: () => void | null | undefined) => void
}

/** `action.run` keeps StartOS' generic input type, so `run<MyInput>(…)` type-checks. */
interface ActionRun {
  run<TInput extends Record<string, unknown>>(options: {
    packageId?: PackageId
    actionId: ActionId
    input?: TInput
  }): Promise<ActionResult | null>
}

/** The RPC members with `action.run` made generic. */
type EffectsRpcMembers = Omit<EffectsRpc, 'action'> & {
  action: Omit<EffectsRpc['action'], 'run'> & ActionRun
}

/** The handle a package uses to talk to StartOS: context members plus one function per effect. */
export interface Effects extends EffectsContext, EffectsRpcMembers {}
