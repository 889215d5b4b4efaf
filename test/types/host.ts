/*
 * Compile-only tests of lib/host and the reactive getters: the getBridgeAddress overloads,
 * builder and bind options (compared with the reference's), the read strategies' types,
 * and the filled-address helpers.
 */
import type { T } from 'start-sdk-reference'
import type { BindOptionsByProtocol as RefBindOptions } from 'start-sdk-reference/node_modules/@start9labs/start-core/interfaces/Host'
import type { RangeInterfaceBuilder as RefRangeBuilder } from 'start-sdk-reference/node_modules/@start9labs/start-core/interfaces/RangeInterfaceBuilder'
import type { ServiceInterfaceBuilder as RefBuilder } from 'start-sdk-reference/node_modules/@start9labs/start-core/interfaces/ServiceInterfaceBuilder'
import type { Filter as RefFilter } from 'start-sdk-reference/node_modules/@start9labs/start-core/util/filledAddress'
import type { Effects } from '../../lib/effects'
import {
  MultiHost,
  createInterface,
  createRangeInterface,
  filledAddress,
  getBridgeAddress,
  getHost,
  getOwnHost,
  knownProtocols,
  setupInterfaces,
} from '../../lib/host'
import type {
  AddressReceipt,
  BindOptionsByProtocol,
  BindPortRangeOptions,
  FilledHost,
  Filter,
  GetBridgeAddress,
  GetHostInfo,
  Origin,
  RangeOrigin,
  UpstreamCertValidation,
} from '../../lib/host'
import {
  getContainerIp,
  getOutboundGateway,
  getServiceManifest,
  getSslCertificate,
  getStatus,
  getSystemSmtp,
} from '../../lib/reactive'
import type {
  AddressInfo,
  Host,
  HostnameInfo,
  Manifest,
  SmtpValue,
  StatusInfo,
} from '../../lib/types'
import type { Equal, Expect } from './helpers'

declare const effects: Effects
declare const host: Host
declare const info: AddressInfo

// getBridgeAddress: a string with fallbackPort, else string | null.
const withFallback = getBridgeAddress(effects, {
  hostId: 'tor',
  packageId: 'tor',
  internalPort: 9050,
  fallbackPort: 9050,
})
const withoutFallback = getBridgeAddress(effects, {
  hostId: 'main',
  internalPort: 80,
  ssl: true,
})
type _bridge = [
  Expect<Equal<typeof withFallback, GetBridgeAddress<string>>>,
  Expect<Equal<typeof withoutFallback, GetBridgeAddress<string | null>>>,
  Expect<Equal<Awaited<ReturnType<typeof withFallback.const>>, string>>,
  Expect<
    Equal<Awaited<ReturnType<typeof withoutFallback.once>>, string | null>
  >,
]
declare const maybePort: number | undefined
getBridgeAddress(effects, {
  hostId: 'h',
  internalPort: 80,
  // @ts-expect-error a fallbackPort that may be undefined matches neither overload
  fallbackPort: maybePort,
})
// @ts-expect-error internalPort is required
getBridgeAddress(effects, { hostId: 'h', fallbackPort: 1 })
// @ts-expect-error ssl is a boolean
getBridgeAddress(effects, { hostId: 'h', internalPort: 80, ssl: 'yes' })

// Builder options are the reference's, field for field.
type Opts<F extends (...args: any[]) => unknown> = Parameters<F>[1]
type _builders = [
  Expect<
    Equal<Opts<typeof createInterface>, Omit<RefBuilder['options'], 'effects'>>
  >,
  Expect<
    Equal<
      Opts<typeof createRangeInterface>,
      Omit<RefRangeBuilder['options'], 'effects'>
    >
  >,
  Expect<Equal<BindOptionsByProtocol, RefBindOptions>>,
  Expect<Equal<UpstreamCertValidation, T.UpstreamCertValidation>>,
  Expect<Equal<Filter, RefFilter>>,
  Expect<Equal<(typeof knownProtocols)['http']['defaultPort'], 80>>,
]
const ui = {
  name: 'UI',
  id: 'ui',
  description: 'd',
  type: 'ui',
  masked: false,
  schemeOverride: null,
  username: null,
  path: '',
  query: {},
} as const
createInterface(effects, ui)
createInterface(effects, {
  ...ui,
  schemeOverride: { ssl: 'ftps', noSsl: null },
})
// @ts-expect-error type is ui, api or p2p
createInterface(effects, { ...ui, type: 'web' })
// @ts-expect-error every field is required (masked missing)
createInterface(effects, { ...ui, masked: undefined })
// @ts-expect-error query values are strings
createInterface(effects, { ...ui, query: { page: 1 } })
createRangeInterface(effects, { id: 'r', name: 'R', description: 'd' })
createRangeInterface(effects, {
  id: 'r',
  name: 'R',
  description: 'd',
  scheme: 'tcp',
})
createRangeInterface(effects, {
  id: 'r',
  name: 'R',
  description: 'd',
  // @ts-expect-error a range interface has no type (always api)
  type: 'ui',
})

// bindPort / bindPortRange options and results.
async function binds() {
  const main = MultiHost.of(effects, 'main')
  const origin = await main.bindPort(80, { protocol: 'http' })
  await main.bindPort(443, {
    protocol: 'https',
    addSsl: { upstreamCertValidation: { certificate: 'pem' } },
  })
  await main.bindPort(22, { protocol: 'ssh', preferredExternalPort: 2222 })
  await main.bindPort(9000, {
    protocol: null,
    preferredExternalPort: 9000,
    addSsl: null,
    secure: { ssl: false },
  })
  // @ts-expect-error an unknown protocol needs protocol: null and every option
  await main.bindPort(8333, { protocol: 'bitcoin' })
  // @ts-expect-error protocol: null needs secure (and addSsl)
  await main.bindPort(9000, { protocol: null, preferredExternalPort: 9000 })
  await main.bindPort(443, {
    protocol: 'https',
    // @ts-expect-error upstreamCertValidation is 'disable' or { certificate }
    addSsl: { upstreamCertValidation: 'off' },
  })
  const range = await main.bindPortRange({
    internalStartPort: 49152,
    externalStartPort: 49152,
    numberOfPorts: 100,
  })
  // @ts-expect-error numberOfPorts is required
  await main.bindPortRange({ internalStartPort: 1, externalStartPort: 1 })
  const receipt = await origin.export([createInterface(effects, ui)])
  const done = await range.export(
    createRangeInterface(effects, { id: 'r', name: 'R', description: 'd' }),
  )
  type _results = [
    Expect<Equal<typeof origin, Origin>>,
    Expect<Equal<typeof range, RangeOrigin>>,
    Expect<Equal<typeof receipt, AddressInfo[] & AddressReceipt>>,
    Expect<Equal<typeof done, void>>,
    Expect<Equal<BindPortRangeOptions['numberOfPorts'], number>>,
  ]
  return receipt
}

// setupInterfaces takes receipts only.
setupInterfaces(async () => [await binds()])
setupInterfaces(async () => [])
// @ts-expect-error a plain address info is not a receipt
setupInterfaces(async () => [[info]])

// Host getters: the filled host, or the mapped slice.
const own = getOwnHost(effects, 'main')
const sliced = getOwnHost(
  effects,
  'main',
  (h) => h?.bindings[80]?.net.assignedPort,
)
const other = getHost(
  effects,
  { hostId: 'main', packageId: 'bitcoind' },
  (h) => !!h,
  (a, b) => a === b,
)
type _hosts = [
  Expect<Equal<typeof own, GetHostInfo<FilledHost | null>>>,
  Expect<Equal<Awaited<ReturnType<typeof own.const>>, FilledHost | null>>,
  Expect<
    Equal<Awaited<ReturnType<typeof sliced.once>>, number | null | undefined>
  >,
  Expect<Equal<Awaited<ReturnType<typeof other.waitFor>>, boolean>>,
  Expect<
    Equal<
      ReturnType<typeof own.watch>,
      AsyncGenerator<FilledHost | null, never, unknown>
    >
  >,
]
getOwnHost(
  effects,
  'main',
  // @ts-expect-error eq compares mapped values, not strings
  (h) => h?.bindings,
  (a: string, b: string) => a === b,
)

// Other getters.
type Value<W extends { once(): Promise<unknown> }> = Awaited<
  ReturnType<W['once']>
>
type _getters = [
  Expect<Equal<Value<ReturnType<typeof getStatus>>, StatusInfo | null>>,
  Expect<Equal<Value<ReturnType<typeof getContainerIp>>, string>>,
  Expect<Equal<Value<ReturnType<typeof getSystemSmtp>>, SmtpValue | null>>,
  Expect<Equal<Value<ReturnType<typeof getOutboundGateway>>, string>>,
  Expect<
    Equal<Value<ReturnType<typeof getSslCertificate>>, [string, string, string]>
  >,
  Expect<
    Equal<
      Value<ReturnType<typeof getServiceManifest<Manifest | null>>>,
      Manifest | null
    >
  >,
]
const version = getServiceManifest(effects, 'bitcoind', (m) => m?.version)
type _manifest = Expect<Equal<Value<typeof version>, string | undefined>>
getStatus(effects, { packageId: 'bitcoind' })
// @ts-expect-error the callback is the getter's business
getStatus(effects, { callback: () => undefined })
// @ts-expect-error algorithm is ecdsa or ed25519
getSslCertificate(effects, ['a.local'], 'rsa')

// Filled addresses.
const filled = filledAddress(host, info)
const urls = filled.nonLocal.filter({ kind: 'ip' }).format()
const objects = filled.format('url')
const infos = filled.public.format('hostname-info')
type _filled = [
  Expect<Equal<typeof urls, string[]>>,
  Expect<Equal<typeof objects, URL[]>>,
  Expect<Equal<typeof infos, HostnameInfo[]>>,
  Expect<Equal<typeof filled.toUrl, (h: HostnameInfo) => string>>,
]
filled.matchesAny([{ kind: 'domain' }, { kind: 'mdns', visibility: 'private' }])
// @ts-expect-error unknown hostname kind
filled.filter({ kind: 'tor' })
// @ts-expect-error unknown format
filled.format('json')
