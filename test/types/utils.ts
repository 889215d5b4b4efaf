/**
 * Type tests for the `utils` namespace: our signatures are assignable to the reference's, and
 * the type helpers compute what the reference's compute.
 */
import type { T, utils as ref } from 'start-sdk-reference'
import * as utils from '../../lib/utils'
import type { Equal, Expect } from './helpers'

// Functions: each of ours can stand where the reference's is expected.
const fns: {
  inMs: typeof ref.inMs
  once: typeof ref.once
  splitCommand: typeof ref.splitCommand
  nullToUndefined: typeof ref.nullToUndefined
  deepMerge: typeof ref.deepMerge
  partialDiff: typeof ref.partialDiff
  deepEqual: typeof ref.deepEqual
  stringFromStdErrOut: typeof ref.stringFromStdErrOut
  logErrorOnce: typeof ref.logErrorOnce
  isKnownError: typeof ref.isKnownError
  escapeLiteral: typeof ref.regexes.escapeLiteral
  pem: (label: string) => {
    matches(): string
    contains(): string
    asExpr(): string
  }
} = { ...utils, ...utils.regexes }
void fns

type _ms = Expect<Equal<ReturnType<typeof utils.inMs>, number | undefined>>
type _once = Expect<Equal<ReturnType<typeof utils.once<5>>, () => 5>>
type _split = Expect<Equal<ReturnType<typeof utils.splitCommand>, string[]>>
utils.splitCommand(['a', 'b'] as const)
// @ts-expect-error an empty argument vector is refused
utils.splitCommand([])

// nullToUndefined and its type agree with the reference's.
type Sample = { a: null | number; b: (string | null)[]; c: { d: null } }
type _ntu = Expect<
  Equal<utils.NullToUndefined<Sample>, ref.NullToUndefined<Sample>>
>
type _ntu2 = Expect<
  Equal<
    ReturnType<typeof utils.nullToUndefined<Sample>>,
    ref.NullToUndefined<Sample>
  >
>

// The partialDiff result shape.
type _pd = Expect<
  Equal<
    ReturnType<typeof utils.partialDiff<{ a: number }>>,
    { diff: Partial<{ a: number }> } | undefined
  >
>

// Type helpers.
type _flat = Expect<
  Equal<utils._<{ a: 1 } & { b: 2 }>, ref._<{ a: 1 } & { b: 2 }>>
>
type _flatArr = Expect<Equal<utils.FlattenIntersection<number[]>, number[]>>
type _so = Expect<Equal<utils.StringObject, ref.StringObject>>
type _noAny = Expect<Equal<utils.NoAny<any>, never>>
type _noAny2 = Expect<Equal<utils.NoAny<{ a: 1 }>, { a: 1 }>>

type Names =
  | 'FooBar'
  | 'fooBar'
  | 'foo'
  | 'Foo'
  | 'ABC'
  | 'getSSLCert'
  | 'A'
  | ''
  | 'a1B'
  | 'fooBarBaz'
  | 'foo1'
  | 'foo1Bar'
  | 'getHTTP'
  | 'AbC'
  | 'aB'
  | 'setDependencies'
  | 'ab12'
  | 'x9Y'
  | 'HTTPServer'
  | 'getContainerIp'
  | 'foo-bar'
  | 'IPAddress'
  | 'a1'
  | 'aBCd'
  | 'a1b2'
  | '1'
  | 'A1'
  | 'AB'
  | 'abC1'
  | 'getOsIp'
  | 'getServiceInterface'
type EachKebab<N extends string> = {
  [K in N]: [utils.ToKebab<K>, ref.ToKebab<K>]
}
type Agree<T extends Record<string, [string, string]>> = {
  [K in keyof T]: Equal<T[K][0], T[K][1]>
}[keyof T]
type _kebab = Expect<Equal<Agree<EachKebab<Names>>, true>>
type _kebab1 = Expect<
  Equal<utils.ToKebab<'getServiceInterface'>, 'get-service-interface'>
>
type _kebabWide = Expect<Equal<utils.ToKebab<string>, string>>

// Known errors.
declare const e: unknown
if (utils.isKnownError(e)) {
  const known: T.KnownError = e
  void known
}

// Graph: the generators end with null; paths are edge arrays.
const g = new utils.Graph<string, number>()
const v = g.addVertex('a', [], [])
type _find = Expect<
  Equal<
    ReturnType<typeof g.findVertex>,
    Generator<utils.Vertex<string, number>, null>
  >
>
const path = g.shortestPath(v, (x) => x.metadata === 'b')
type _path = Expect<Equal<(typeof path & {})[number]['metadata'], number>>
// @ts-expect-error vertex metadata must be a string here
g.addVertex(1, [], [])

// IP: the reference's surface.
const ip = utils.IpAddress.parse('10.0.0.1')
const cmp: -1 | 0 | 1 = ip.cmp('10.0.0.2')
const net: utils.IpNet = utils.IpNet.fromIpPrefix(ip, 8)
const nets: utils.IpNet[] = utils.PRIVATE_IPV4_RANGES
void [cmp, net, nets, utils.CGNAT.prefix, utils.IPV6_ULA.ipnet]
// @ts-expect-error contains takes addresses, not numbers
net.contains(10)

// AbortedError.
const aborted = new utils.AbortedError('stop', { cause: 1 })
const mute: true = aborted.muteUnhandled
void mute
