/*
 * Compile-only checks of the effects contract against the published reference
 * (`start-sdk-reference` = @start9labs/start-sdk 2.0.9): every effect's params and result,
 * the set of effect paths, the wire method names, the context members and the wire types.
 */
import type { T } from 'start-sdk-reference'
import type {
  ABI,
  EffectParams,
  EffectPath,
  EffectResult,
  EffectWireMethod,
  EffectWireParams,
  Effects,
  ExpectedExports,
} from '../../lib/effects'
import type * as Ours from '../../lib/types'
import type { Equal, Expect } from './helpers'

type RefEffects = T.Effects

/** `true` when each type is assignable to the other. */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

/** The member at a dotted path. */
type At<TObj, TPath extends string> = TPath extends `${infer H}.${infer R}`
  ? H extends keyof TObj
    ? At<TObj[H], R>
    : never
  : TPath extends keyof TObj
    ? TObj[TPath]
    : never

/** Every dotted path to a function member. */
type FnPaths<TObj, TPre extends string = ''> = {
  [K in keyof TObj & string]-?: NonNullable<TObj[K]> extends (
    ...args: never[]
  ) => unknown
    ? `${TPre}${K}`
    : TObj[K] extends object
      ? FnPaths<TObj[K], `${TPre}${K}.`>
      : never
}[keyof TObj & string]

type Fn = (...args: never[]) => unknown
type ParamsOf<F> = F extends Fn ? Parameters<F> : never
type ResultOf<F> = F extends Fn ? ReturnType<F> : never

/* --------------------------------------------------------- method coverage */

type ContextFns = 'child' | 'constRetry' | 'onLeaveContext'

export type PathResults = [
  // our table lists exactly the reference's RPC members
  Expect<Equal<EffectPath, Exclude<FnPaths<RefEffects>, ContextFns>>>,
  // and the derived interface exposes exactly those plus the context functions
  Expect<Equal<FnPaths<Effects>, FnPaths<RefEffects>>>,
  // the reference's EffectMethod also kebabs the two required local functions
  Expect<
    Equal<
      EffectWireMethod,
      Exclude<T.EffectMethod, 'child' | 'on-leave-context'>
    >
  >,
  Expect<
    Equal<
      Exclude<T.EffectMethod, EffectWireMethod>,
      'child' | 'on-leave-context'
    >
  >,
  Expect<Equal<EffectWireMethod<'action.getInput'>, 'action.get-input'>>,
  Expect<Equal<EffectWireMethod<'getOsIp'>, 'get-os-ip'>>,
  Expect<
    Equal<EffectWireMethod<'plugin.url.exportUrl'>, 'plugin.url.export-url'>
  >,
]

/* ------------------------------------------------- per-method params/result */

/** For every effect: `true` when our params equal the reference's. */
type ParamsEqual = {
  [K in EffectPath]: Equal<
    ParamsOf<At<Effects, K>>,
    ParamsOf<At<RefEffects, K>>
  >
}
/** For every effect: `true` when our result equals the reference's. */
type ResultEqual = {
  [K in EffectPath]: Equal<
    ResultOf<At<Effects, K>>,
    ResultOf<At<RefEffects, K>>
  >
}
/** For every effect: `true` when the two functions are assignable both ways. */
type FnMutual = {
  [K in EffectPath]: Mutual<At<Effects, K>, At<RefEffects, K>>
}
type AllTrue = { [K in EffectPath]: true }
/** For every effect: `true` when both sides have a function there (guards the checks above). */
type BothPresent = {
  [K in EffectPath]: [At<Effects, K>, At<RefEffects, K>] extends [Fn, Fn]
    ? true
    : false
}

export type MethodResults = [
  Expect<Equal<BothPresent, AllTrue>>,
  Expect<Equal<ParamsEqual, AllTrue>>,
  Expect<Equal<ResultEqual, AllTrue>>,
  Expect<Equal<FnMutual, AllTrue>>,
  // the table's own view agrees with the derived members
  Expect<Equal<[EffectParams<'getStatus'>], ParamsOf<RefEffects['getStatus']>>>,
  Expect<
    Equal<
      Promise<EffectResult<'getHostInfo'>>,
      ResultOf<RefEffects['getHostInfo']>
    >
  >,
  Expect<Equal<EffectParams<'restart'>, void>>,
]

/* ------------------------------------------------------ context and whole */

type LocalKeys = 'eventId' | 'constRetry' | 'isInContext' | 'onLeaveContext'

export type ContextResults = [
  Expect<Equal<Pick<Effects, LocalKeys>, Pick<RefEffects, LocalKeys>>>,
  Expect<Mutual<Effects['child'], RefEffects['child']>>,
  Expect<Mutual<Effects, RefEffects>>,
  Expect<Equal<ReturnType<Effects['child']>, Effects>>,
]

/* ------------------------------------------------------------- wire params */

export type WireResults = [
  Expect<
    Equal<
      EffectWireParams<'getStatus'>,
      { packageId?: string; callback?: number | null } & { eventId?: string }
    >
  >,
  Expect<Equal<EffectWireParams<'restart'>, {} & { eventId?: string }>>,
]

/* ------------------------------------------------------------ wire types */

export type TypeResults = [
  Expect<Equal<Ours.ActionInput, T.ActionInput>>,
  Expect<Equal<Ours.ActionMetadata, T.ActionMetadata>>,
  Expect<Equal<Ours.ActionResult, T.ActionResult>>,
  Expect<Equal<Ours.ActionResultMember, T.ActionResultMember>>,
  Expect<Equal<Ours.ActionResultValue, T.ActionResultValue>>,
  Expect<Equal<Ours.ActionResultV0, T.ActionResultV0>>,
  Expect<Equal<Ours.ActionResultV1, T.ActionResultV1>>,
  Expect<Equal<Ours.ActionVisibility, T.ActionVisibility>>,
  Expect<Equal<Ours.ActionAccess, T.ActionAccess>>,
  Expect<Equal<Ours.AllowedStatuses, T.AllowedStatuses>>,
  Expect<Equal<Ours.CreateTaskParams, T.CreateTaskParams>>,
  Expect<Equal<Ours.Task, T.Task>>,
  Expect<Equal<Ours.TaskEntry, T.TaskEntry>>,
  Expect<Equal<Ours.TaskInput, T.TaskInput>>,
  Expect<Equal<Ours.TaskTrigger, T.TaskTrigger>>,
  Expect<Equal<Ours.TaskSeverity, T.TaskSeverity>>,
  Expect<Equal<Ours.TaskCondition, T.TaskCondition>>,
  Expect<Equal<Ours.AddSslOptions, T.AddSslOptions>>,
  Expect<Equal<Ours.AddressInfo, T.AddressInfo>>,
  Expect<Equal<Ours.AlpnInfo, T.AlpnInfo>>,
  Expect<Equal<Ours.BasicCredential, T.BasicCredential>>,
  Expect<Equal<Ours.BindInfo, T.BindInfo>>,
  Expect<Equal<Ours.BindOptions, T.BindOptions>>,
  Expect<Equal<Ours.BindParams, T.BindParams>>,
  Expect<Equal<Ours.BindRangeParams, T.BindRangeParams>>,
  Expect<Equal<Ours.Bindings, T.Bindings>>,
  Expect<Equal<Ours.BindingRanges, T.BindingRanges>>,
  Expect<Equal<Ours.DerivedAddressInfo, T.DerivedAddressInfo>>,
  Expect<
    Equal<
      Ours.ExportRangeServiceInterfaceParams,
      T.ExportRangeServiceInterfaceParams
    >
  >,
  Expect<
    Equal<Ours.ExportServiceInterfaceParams, T.ExportServiceInterfaceParams>
  >,
  Expect<Equal<Ours.Host, T.Host>>,
  Expect<Equal<Ours.HostnameInfo, T.HostnameInfo>>,
  Expect<Equal<Ours.HostnameMetadata, T.HostnameMetadata>>,
  Expect<Equal<Ours.MaybeUtf8String, T.MaybeUtf8String>>,
  Expect<Equal<Ours.NetInfo, T.NetInfo>>,
  Expect<Equal<Ours.PluginHostnameInfo, T.PluginHostnameInfo>>,
  Expect<Equal<Ours.PortForward, T.PortForward>>,
  Expect<Equal<Ours.ProxyAuth, T.ProxyAuth>>,
  Expect<Equal<Ours.PublicDomainConfig, T.PublicDomainConfig>>,
  Expect<Equal<Ours.RangeBindInfo, T.RangeBindInfo>>,
  Expect<Equal<Ours.RangeServiceInterface, T.RangeServiceInterface>>,
  Expect<Equal<Ours.Security, T.Security>>,
  Expect<Equal<Ours.ServiceInterface, T.ServiceInterface>>,
  Expect<Equal<Ours.ServiceInterfaceType, T.ServiceInterfaceType>>,
  Expect<Equal<Ours.UpstreamCertValidation, T.UpstreamCertValidation>>,
  Expect<Equal<Ours.DesiredStatus, T.DesiredStatus>>,
  Expect<Equal<Ours.ErrorData, T.ErrorData>>,
  Expect<Equal<Ours.HealthStatus, T.HealthStatus>>,
  Expect<Equal<Ours.NamedHealthCheckResult, T.NamedHealthCheckResult>>,
  Expect<Equal<Ours.SetHealth, T.SetHealth>>,
  Expect<Equal<Ours.SetMainStatus, T.SetMainStatus>>,
  Expect<Equal<Ours.SetMainStatusStatus, T.SetMainStatusStatus>>,
  Expect<Equal<Ours.StartStop, T.StartStop>>,
  Expect<Equal<Ours.StatusInfo, T.StatusInfo>>,
  Expect<Equal<Ours.CheckDependenciesResult, T.CheckDependenciesResult>>,
  Expect<Equal<Ours.Dependencies, T.Dependencies>>,
  Expect<Equal<Ours.DependencyRequirement, T.DependencyRequirement>>,
  Expect<Equal<Ours.IdMap, T.IdMap>>,
  Expect<Equal<Ours.MountParams, T.MountParams>>,
  Expect<Equal<Ours.MountTarget, T.MountTarget>>,
  Expect<Equal<Ours.BuildArg, T.BuildArg>>,
  Expect<Equal<Ours.DepInfo, T.DepInfo>>,
  Expect<Equal<Ours.Description, T.Description>>,
  Expect<Equal<Ours.DeviceFilter, T.DeviceFilter>>,
  Expect<Equal<Ours.HardwareRequirements, T.HardwareRequirements>>,
  Expect<Equal<Ours.ImageConfig, T.ImageConfig>>,
  Expect<Equal<Ours.ImageSource, T.ImageSource>>,
  Expect<Equal<Ours.Manifest, T.Manifest>>,
  Expect<Equal<Ours.ManifestDependencies, T.Manifest['dependencies']>>,
  Expect<Equal<Ours.MetadataSrc, T.MetadataSrc>>,
  Expect<Equal<Ours.FullProgress, T.FullProgress>>,
  Expect<Equal<Ours.NamedProgress, T.NamedProgress>>,
  Expect<Equal<Ours.Progress, T.Progress>>,
  Expect<Equal<Ours.ProgressUnits, T.ProgressUnits>>,
  Expect<Equal<Ours.CreateNotificationParams, T.CreateNotificationParams>>,
  Expect<Equal<Ours.NotificationLevel, T.NotificationLevel>>,
  Expect<Equal<Ours.SmtpValue, T.SmtpValue>>,
  Expect<Equal<Ours.LocaleString, T.LocaleString>>,
  Expect<Equal<Ours.PluginId, T.PluginId>>,
  Expect<Equal<Ours.Version, T.Version>>,
  Expect<Equal<Ours.Guid, T.Guid>>,
  Expect<Equal<Ours.DaemonBuildable, T.DaemonBuildable>>,
]

/* ------------------------------------------------------------------ ABI */

export type AbiResults = [
  Expect<Mutual<ExpectedExports.main, T.ExpectedExports.main>>,
  Expect<Mutual<ExpectedExports.init, T.ExpectedExports.init>>,
  Expect<Mutual<ExpectedExports.createBackup, T.ExpectedExports.createBackup>>,
  Expect<Equal<ExpectedExports.manifest, T.ExpectedExports.manifest>>,
  // a real package's actions registry satisfies the runtime's narrower view
  Expect<
    T.ExpectedExports.actions extends ExpectedExports.actions ? true : false
  >,
  Expect<Equal<keyof ABI, keyof T.ABI>>,
  // uninit is left out: our exver classes are not yet assignable to the reference's
]

/* -------------------------------------------------------------- rejections */

declare const effects: Effects

export async function rejections(): Promise<void> {
  await effects.getStatus({ packageId: 'x', callback: () => {} })
  await effects.restart()
  // @ts-expect-error packageId is a string
  await effects.getStatus({ packageId: 1 })
  // @ts-expect-error there is no store effect
  await effects.store.get({})
  // @ts-expect-error actionId is required
  await effects.action.getInput({ packageId: 'x' })
  // @ts-expect-error restart takes no options
  await effects.restart({})
  // @ts-expect-error getSslKey takes no callback
  await effects.getSslKey({ hostnames: [], callback: () => {} })
  // @ts-expect-error eventId is read-only
  effects.eventId = 'x'
}

// @ts-expect-error wire names are kebab case
export const notWire: EffectWireMethod = 'getStatus'
// @ts-expect-error not an effect path
export type NotAPath = EffectParams<'getStore'>

// `action.run` keeps the explicit input type argument packages may pass.
type RunInput = { name: string }
export async function actionRunGeneric(effects: Effects): Promise<void> {
  const good = { actionId: 'x', input: { name: 'n' } }
  const bad = { actionId: 'x', input: { name: 1 } }
  await effects.action.run<RunInput>(good)
  // @ts-expect-error the input must match the explicit type argument
  await effects.action.run<RunInput>(bad)
}

// The public `T` namespace carries the wire types and the effects contract.
import type { T as PublicT } from '../../lib'
export type PublicNamespace = [
  Expect<Equal<PublicT.Effects, Effects>>,
  Expect<Equal<PublicT.Manifest, T.Manifest>>,
  Expect<Equal<PublicT.StatusInfo, T.StatusInfo>>,
]
