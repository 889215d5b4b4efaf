import type { Effects } from '../effects'
import type { ServiceInterfaceType } from '../types'
import type { Scheme } from './protocols'

/** Everything a service interface is built from (see {@link createInterface}). */
export type ServiceInterfaceOptions = {
  /** The effects the interface is exported through. */
  effects: Effects
  /** The name users see. */
  name: string
  /** Unique among this package's interfaces. */
  id: string
  /** The description users see. */
  description: string
  /** `ui` (can be opened in a browser tab), `api` or `p2p`. */
  type: ServiceInterfaceType
  /** Put in front of the host in every URL (`user@host`), or `null`. */
  username: string | null
  /** Appended to every URL (`/admin`). */
  path: string
  /** Query parameters appended to every URL. */
  query: Record<string, string>
  /** Replaces the schemes the binding's protocol gives (`{ ssl: 'ftps', noSsl: 'ftp' }`), or `null`. */
  schemeOverride: { ssl: Scheme; noSsl: Scheme } | null
  /** Hide the URL in the UI (for URLs that carry credentials). */
  masked: boolean
}

/**
 * A service interface waiting to be exported: pass it to `Origin.export` after
 * `MultiHost.bindPort`. All URLs of the interface share its username, path and query.
 */
export class ServiceInterfaceBuilder {
  /** The interface as given to {@link createInterface}. */
  readonly options: ServiceInterfaceOptions

  constructor(options: ServiceInterfaceOptions) {
    this.options = options
  }
}
