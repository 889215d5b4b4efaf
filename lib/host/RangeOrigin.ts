import type { OriginHost } from './Origin'
import { rangeAlreadyExported } from './problems'
import type { RangeInterfaceBuilder } from './RangeInterfaceBuilder'

/** Ranges whose interface was exported (or is being exported). */
const exported = new WeakSet<RangeOrigin>()

/**
 * A bound port range, as `MultiHost.bindPortRange` returns it. A range is one pool of
 * ports, so it exports exactly one `api` interface; bind separate ranges for separate
 * endpoints.
 */
export class RangeOrigin {
  /** The host the range is bound on. */
  readonly host: OriginHost
  /** First internal port of the range. */
  readonly internalStartPort: number
  /** First external port of the range. */
  readonly externalStartPort: number
  /** How many ports the range spans. */
  readonly numberOfPorts: number

  constructor(
    host: OriginHost,
    internalStartPort: number,
    externalStartPort: number,
    numberOfPorts: number,
  ) {
    this.host = host
    this.internalStartPort = internalStartPort
    this.externalStartPort = externalStartPort
    this.numberOfPorts = numberOfPorts
  }

  /**
   * Exports the range's interface; a second call throws.
   *
   * @example
   * ```ts
   * const range = await MultiHost.of(effects, 'turn').bindPortRange({
   *   internalStartPort: 49152,
   *   externalStartPort: 49152,
   *   numberOfPorts: 100,
   * })
   * await range.export(createRangeInterface(effects, { id: 'turn', name: 'TURN', description: 'Relay ports' }))
   * ```
   */
  async export(serviceInterface: RangeInterfaceBuilder): Promise<void> {
    if (exported.has(this)) {
      throw rangeAlreadyExported(this.host.options.id, this.internalStartPort)
    }
    exported.add(this)
    const { options } = serviceInterface
    try {
      await options.effects.exportRangeServiceInterface({
        hostId: this.host.options.id,
        internalStartPort: this.internalStartPort,
        id: options.id,
        name: options.name,
        description: options.description,
        scheme: options.scheme ?? null,
      })
    } catch (error) {
      exported.delete(this)
      throw error
    }
  }
}
