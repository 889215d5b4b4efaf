import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import type { BindOptionsByProtocol } from '../../lib/host'
import { MultiHost, createInterface } from '../../lib/host'
import { recordingEffects } from './helpers'
import type { RefOrigin } from './reference'
import { RefMultiHost, RefServiceInterfaceBuilder } from './reference'

const certificate =
  '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'

/** Every protocol, overrides of each `addSsl` field, raw options, the hidden `noAddSsl`. */
const cases: [number, BindOptionsByProtocol][] = [
  [80, { protocol: 'http' }],
  [81, { protocol: 'https' }],
  [82, { protocol: 'ws' }],
  [83, { protocol: 'wss' }],
  [84, { protocol: 'ssh' }],
  [85, { protocol: 'dns' }],
  [86, { protocol: 'http', preferredExternalPort: 8332 }],
  [87, { protocol: 'ws', addSsl: { preferredExternalPort: 9443 } }],
  [88, { protocol: 'https', addSsl: { upstreamCertValidation: 'disable' } }],
  [
    89,
    { protocol: 'wss', addSsl: { upstreamCertValidation: { certificate } } },
  ],
  [90, { protocol: 'ssh', addSsl: { alpn: 'reflect' } }],
  [91, { protocol: 'dns', preferredExternalPort: 5353, addSsl: {} }],
  [
    92,
    {
      protocol: 'http',
      addSsl: { auth: { type: 'bearer', tokens: ['t'], realm: null } },
    },
  ],
  [
    93,
    {
      protocol: 'http',
      addSsl: {
        addXForwardedHeaders: false,
        alpn: null,
        auth: {
          type: 'basic',
          credentials: [{ username: 'u', password: 'p' }],
          realm: 'Mine',
        },
      },
    },
  ],
  [
    94,
    { protocol: null, preferredExternalPort: 94, addSsl: null, secure: null },
  ],
  [
    95,
    {
      protocol: null,
      preferredExternalPort: 9595,
      addSsl: {
        preferredExternalPort: 443,
        addXForwardedHeaders: false,
        alpn: { specified: ['h2'] },
        auth: null,
        upstreamCertValidation: 'disable',
      },
      secure: { ssl: true },
    },
  ],
  [96, { protocol: 'http', noAddSsl: true } as BindOptionsByProtocol],
]

/** The reference's bind params without the keys it sends beyond `BindParams`. */
function comparable(params: unknown): unknown {
  const { protocol: _protocol, ...rest } = params as Record<string, unknown>
  const addSsl = rest.addSsl as Record<string, unknown> | null
  if (addSsl) {
    const { scheme: _scheme, ...ssl } = addSsl
    rest.addSsl = ssl
  }
  return rest
}

test('bindPort sends the bind params the reference sends, for every protocol and override', async () => {
  for (const [port, options] of cases) {
    const ours = recordingEffects()
    const theirs = recordingEffects()
    const origin = await MultiHost.of(ours.effects, 'main').bindPort(
      port,
      options,
    )
    const ref = await new RefMultiHost({
      effects: theirs.effects as never,
      id: 'main',
    }).bindPort(port, options as never)
    assert.equal(ours.calls.length, 1, `one bind for ${port}`)
    assert.equal(ours.calls[0][0], 'bind')
    assert.deepEqual(
      ours.calls[0][1],
      comparable(theirs.calls[0][1]),
      `bind params for ${JSON.stringify(options)}`,
    )
    assert.deepEqual(
      [origin.scheme, origin.sslScheme, origin.internalPort],
      [ref.scheme, ref.sslScheme, ref.internalPort],
      `origin schemes for ${JSON.stringify(options)}`,
    )
  }
})

test('Origin.build and export match the reference (path, encoded query, username, overrides)', async () => {
  const builds: Parameters<RefOrigin['build']>[0][] = [
    {
      username: 'u',
      path: '/a b',
      query: { 'x y': '1 2', z: 'é&' },
      schemeOverride: null,
    },
    {
      username: null,
      path: 'p',
      query: {},
      schemeOverride: { ssl: 'ftps', noSsl: null },
    },
    {
      username: null,
      path: '',
      query: { a: '' },
      schemeOverride: { ssl: null, noSsl: 'ftp' },
    },
  ]
  const ours = recordingEffects()
  const theirs = recordingEffects()
  const origin = await MultiHost.of(ours.effects, 'main').bindPort(80, {
    protocol: 'http',
  })
  const ref = await new RefMultiHost({
    effects: theirs.effects as never,
    id: 'main',
  }).bindPort(80, { protocol: 'http' })
  for (const b of builds) assert.deepEqual(origin.build(b), ref.build(b))
  const options = {
    name: 'UI',
    id: 'ui',
    description: 'web',
    type: 'ui' as const,
    username: 'admin',
    path: '/admin',
    query: { lang: 'en' },
    schemeOverride: null,
    masked: true,
  }
  const api = { ...options, id: 'api', type: 'api' as const, masked: false }
  ours.calls.length = 0
  theirs.calls.length = 0
  const receipt = await origin.export([
    createInterface(ours.effects, options),
    createInterface(ours.effects, api),
  ])
  const refReceipt = await ref.export([
    new RefServiceInterfaceBuilder({
      ...options,
      effects: theirs.effects as never,
    }),
    new RefServiceInterfaceBuilder({
      ...api,
      effects: theirs.effects as never,
    }),
  ])
  assert.deepEqual(ours.calls, theirs.calls)
  assert.deepEqual([...receipt], [...refReceipt])
})

test('an addSsl field given as undefined keeps its default', async () => {
  const { effects, calls } = recordingEffects()
  await MultiHost.of(effects, 'main').bindPort(80, {
    protocol: 'http',
    addSsl: { preferredExternalPort: undefined, auth: undefined },
  })
  const params = calls[0][1] as { addSsl: Record<string, unknown> }
  assert.deepEqual(params.addSsl, {
    addXForwardedHeaders: true,
    preferredExternalPort: 443,
    alpn: { specified: ['http/1.1'] },
    auth: null,
  })
})

test('bindPort errors name the field and the fix, and send nothing', async () => {
  const { effects, calls } = recordingEffects()
  const host = MultiHost.of(effects, 'main')
  const bad: [number, unknown, RegExp][] = [
    [
      80,
      { protocol: 'bitcoin' },
      /`protocol` to be one of http, https, ws, wss, ssh, dns or null, got `"bitcoin"` \(string\); use `protocol: null`/,
    ],
    [
      0,
      { protocol: 'http' },
      /`internalPort` to be an integer from 1 to 65535, got `0`/,
    ],
    [80.5, { protocol: 'http' }, /`internalPort`/],
    [
      80,
      { protocol: 'http', preferredExternalPort: 70000 },
      /`preferredExternalPort` to be an integer from 1 to 65535, got `70000`.*protocol default/,
    ],
    [
      80,
      { protocol: 'http', addSsl: { preferredExternalPort: -1 } },
      /`addSsl.preferredExternalPort`/,
    ],
    [
      80,
      { protocol: 'https', addSsl: { upstreamCertValidation: 'off' } },
      /`addSsl.upstreamCertValidation` to be `'disable'` or `\{ certificate: <PEM> \}`, got `"off"`.*root CA/,
    ],
    [
      80,
      {
        protocol: 'https',
        addSsl: { upstreamCertValidation: { certificate: 'abc' } },
      },
      /upstreamCertValidation/,
    ],
  ]
  for (const [port, options, message] of bad) {
    await assert.rejects(
      host.bindPort(port, options as BindOptionsByProtocol),
      (e: unknown) => isSdkError(e) && message.test(e.message),
      String(message),
    )
  }
  assert.deepEqual(calls, [])
})
