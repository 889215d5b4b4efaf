import type { Effects } from '../effects'

/** Everything a port range's interface is built from (see {@link createRangeInterface}). */
export type RangeInterfaceOptions = {
  /** The effects the interface is exported through. */
  effects: Effects
  /** Unique among this package's interfaces. */
  id: string
  /** The name users see. */
  name: string
  /** The description users see. */
  description: string
  /** A transport prefix such as `tcp`; omit it for raw UDP/TCP ranges. */
  scheme?: string | null
}

/**
 * The one interface a port range exports: always `api`, with no SSL, path, query or
 * credentials. Pass it to `RangeOrigin.export` after `MultiHost.bindPortRange`.
 */
export class RangeInterfaceBuilder {
  /** The interface as given to {@link createRangeInterface}. */
  readonly options: RangeInterfaceOptions

  constructor(options: RangeInterfaceOptions) {
    this.options = options
  }
}
