import type { Effects } from '../effects'
import type { RangeInterfaceOptions } from './RangeInterfaceBuilder'
import { RangeInterfaceBuilder } from './RangeInterfaceBuilder'
import type { ServiceInterfaceOptions } from './ServiceInterfaceBuilder'
import { ServiceInterfaceBuilder } from './ServiceInterfaceBuilder'

/**
 * Describes a service interface, to be exported from a binding with `Origin.export`.
 *
 * @example
 * ```ts
 * const ui = createInterface(effects, {
 *   name: 'Web UI',
 *   id: 'ui',
 *   description: 'The web interface',
 *   type: 'ui',
 *   masked: false,
 *   schemeOverride: null,
 *   username: null,
 *   path: '',
 *   query: {},
 * })
 * ```
 */
export function createInterface(
  effects: Effects,
  options: Omit<ServiceInterfaceOptions, 'effects'>,
): ServiceInterfaceBuilder {
  return new ServiceInterfaceBuilder({ ...options, effects })
}

/**
 * Describes the single `api` interface of a port range, to be exported with
 * `RangeOrigin.export`.
 *
 * @example
 * ```ts
 * const zmq = createRangeInterface(effects, {
 *   id: 'zmq',
 *   name: 'ZMQ',
 *   description: 'Block and transaction notifications',
 *   scheme: 'tcp',
 * })
 * ```
 */
export function createRangeInterface(
  effects: Effects,
  options: Omit<RangeInterfaceOptions, 'effects'>,
): RangeInterfaceBuilder {
  return new RangeInterfaceBuilder({ ...options, effects })
}
