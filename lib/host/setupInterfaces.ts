import type { Effects } from '../effects'
import type { AddressInfo } from '../types'
import type { AddressReceipt } from './Origin'

declare const UpdateServiceInterfacesProof: unique symbol

/** Proof that a step deliberately changed no interfaces. */
export type UpdateServiceInterfacesReceipt = {
  [UpdateServiceInterfacesProof]: never
}

/** What a `setupInterfaces` callback returns: the receipts of its `Origin.export` calls. */
export type ServiceInterfacesReceipt = Array<AddressInfo[] & AddressReceipt>

/** The callback given to {@link setupServiceInterfaces}. */
export type SetServiceInterfaces<Output extends ServiceInterfacesReceipt> =
  (opts: { effects: Effects }) => Promise<Output>

/** The init step {@link setupServiceInterfaces} returns. */
export type UpdateServiceInterfaces = (effects: Effects) => Promise<null>

/** The type of {@link setupServiceInterfaces}. */
export type SetupServiceInterfaces = <Output extends ServiceInterfacesReceipt>(
  fn: SetServiceInterfaces<Output>,
) => UpdateServiceInterfaces

/** The receipt for "no interface changes". */
export const NO_INTERFACE_CHANGES: UpdateServiceInterfacesReceipt =
  {} as UpdateServiceInterfacesReceipt

/**
 * Effects that behave as `effects` (context members included, read live) but record every
 * binding and exported interface id into `kept`.
 */
function recording(
  effects: Effects,
  kept: { bindings: { id: string; internalPort: number }[]; ids: string[] },
): Effects {
  const overrides: Partial<Effects> = {
    bind: (options) => {
      kept.bindings.push({ id: options.id, internalPort: options.internalPort })
      return effects.bind(options)
    },
    bindRange: (options) => {
      kept.bindings.push({
        id: options.id,
        internalPort: options.internalStartPort,
      })
      return effects.bindRange(options)
    },
    exportServiceInterface: (options) => {
      kept.ids.push(options.id)
      return effects.exportServiceInterface(options)
    },
    exportRangeServiceInterface: (options) => {
      kept.ids.push(options.id)
      return effects.exportRangeServiceInterface(options)
    },
  }
  return Object.assign(Object.create(effects) as Effects, overrides)
}

/**
 * Declares the package's bindings and interfaces. The returned step runs `fn`, then
 * removes every binding and interface `fn` did not (re)create, so interfaces dropped from
 * the code disappear from StartOS.
 *
 * @example
 * ```ts
 * export const setInterfaces = setupServiceInterfaces(async ({ effects }) => {
 *   const origin = await MultiHost.of(effects, 'main').bindPort(80, { protocol: 'http' })
 *   const ui = createInterface(effects, {
 *     name: 'Web UI',
 *     id: 'ui',
 *     description: 'The web interface',
 *     type: 'ui',
 *     masked: false,
 *     schemeOverride: null,
 *     username: null,
 *     path: '',
 *     query: {},
 *   })
 *   return [await origin.export([ui])]
 * })
 * ```
 */
export const setupServiceInterfaces: SetupServiceInterfaces = (fn) => {
  return async (effects) => {
    const kept = {
      bindings: [] as { id: string; internalPort: number }[],
      ids: [] as string[],
    }
    await fn({ effects: recording(effects, kept) })
    await effects.clearBindings({ except: kept.bindings })
    await effects.clearServiceInterfaces({ except: kept.ids })
    return null
  }
}
