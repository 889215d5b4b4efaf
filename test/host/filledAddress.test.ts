import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Filter } from '../../lib/host'
import {
  addressHostToUrl,
  filledAddress,
  filterNonLocal,
  fillHost,
  mdnsResolvable,
} from '../../lib/host'
import { deepEqual } from '../../lib/util'
import {
  address,
  addressCases,
  hostWith,
  mdns,
  plugin,
  publicDomain,
  v4,
  v6,
} from './addressCases'
import { refUtils } from './reference'

/** Filters every case is also checked under (the reference's output is the oracle). */
const filters: Filter[] = [
  { kind: 'mdns' },
  { kind: 'domain' },
  { kind: 'ip' },
  { kind: 'ipv4' },
  { kind: 'ipv6' },
  { kind: 'localhost' },
  { kind: 'link-local' },
  { kind: 'bridge' },
  { kind: 'plugin' },
  { kind: ['mdns', 'plugin'] },
  { kind: [] },
  { visibility: 'public' },
  { visibility: 'private' },
  { pluginId: 'tor' },
  { pluginId: 'tor', kind: 'ip' },
  { predicate: (h) => h.ssl },
  { exclude: { kind: 'ip' } },
  { exclude: { kind: 'ip', exclude: { visibility: 'public' } } },
  { visibility: 'private', exclude: { kind: ['localhost', 'bridge'] } },
  { exclude: { kind: 'ip', visibility: 'public' } },
  { exclude: { kind: 'plugin', pluginId: 'tor' } },
  { exclude: { pluginId: 'tor', visibility: 'public' } },
  { exclude: { predicate: (h) => h.ssl, kind: 'mdns' } },
  { exclude: { exclude: { kind: 'ip' } } },
  { exclude: { kind: [] } },
  { exclude: {} },
  {
    exclude: {
      kind: 'ip',
      exclude: { visibility: 'public', exclude: { kind: 'plugin' } },
    },
  },
]

test(`format, nonLocal, public, bridge and filters match the reference on ${addressCases.length} cases`, () => {
  assert.ok(addressCases.length >= 30)
  for (const c of addressCases) {
    const ours = filledAddress(c.host, c.address)
    const ref = refUtils.filledAddress(c.host as never, c.address)
    const at = (what: string) => `${c.name}: ${what}`
    if (c.urls !== undefined)
      assert.deepEqual(ours.format(), c.urls, at('urls'))
    assert.deepEqual(ours.format(), ref.format(), at('format()'))
    assert.deepEqual(
      ours.format('hostname-info'),
      ref.format('hostname-info'),
      at('hostname-info'),
    )
    assert.deepEqual(
      ours.nonLocal.format(),
      ref.nonLocal.format(),
      at('nonLocal'),
    )
    assert.deepEqual(ours.public.format(), ref.public.format(), at('public'))
    assert.deepEqual(ours.bridge.format(), ref.bridge.format(), at('bridge'))
    assert.deepEqual(
      ours.public.nonLocal.format(),
      ref.public.nonLocal.format(),
      at('public.nonLocal'),
    )
    for (const f of filters) {
      const label = at(
        `filter ${JSON.stringify(f)}${f.predicate ? ' (ssl predicate)' : ''}`,
      )
      assert.deepEqual(
        ours.filter(f).format(),
        ref.filter(f as never).format(),
        label,
      )
    }
    const any: Filter[] = [{ kind: 'domain' }, { kind: 'mdns' }]
    assert.deepEqual(
      ours.matchesAny(any).format(),
      ref.matchesAny(any as never).format(),
      at('matchesAny'),
    )
    assert.deepEqual(ours.matchesAny([]).format(), [], at('matchesAny([])'))
    for (const h of c.host.bindings[80].addresses.available) {
      assert.equal(ours.toUrl(h), ref.toUrl(h), at(`toUrl ${h.hostname}`))
      assert.equal(
        addressHostToUrl(c.address, h),
        refUtils.addressHostToUrl(c.address, h),
      )
    }
    const all = c.host.bindings[80].addresses.available
    assert.deepEqual(
      filterNonLocal(all),
      refUtils.filterNonLocal(all),
      at('filterNonLocal'),
    )
    for (const h of all) {
      for (const enabled of [all, [], all.slice(0, 1)]) {
        assert.equal(
          mdnsResolvable(h, enabled),
          refUtils.mdnsResolvable(h, enabled),
          at(`mdnsResolvable ${h.hostname}`),
        )
      }
    }
  }
})

test('mdnsResolvable: only an enabled LAN IP on one of its gateways makes a .local name reachable', () => {
  const name = mdns('server.local', 80, ['eth0', 'wlan0'])
  const table: [string, ReturnType<typeof v4>[], boolean][] = [
    ['no addresses', [], false],
    ['LAN IPv4 on eth0', [v4('192.168.1.2')], true],
    ['LAN IPv4 on wlan0', [v4('192.168.2.2', 80, 'wlan0')], true],
    ['LAN IPv4 on eth1', [v4('192.168.3.2', 80, 'eth1')], false],
    [
      'public IPv4 on eth0',
      [v4('203.0.113.1', 80, 'eth0', { public: true })],
      false,
    ],
    ['LAN IPv6 on eth0', [v6('fd00::1')], true],
    ['domain on eth0', [publicDomain('a.com')], false],
    ['plugin', [plugin('x.onion')], false],
  ]
  for (const [what, enabled, expected] of table) {
    assert.equal(mdnsResolvable(name, enabled), expected, what)
  }
  assert.equal(
    mdnsResolvable(v4('1.2.3.4'), []),
    true,
    'non-mDNS names are always resolvable',
  )
})

test('filled helpers are hidden data: fills compare equal, serialize as data, and survive destructuring', () => {
  const host = hostWith([
    v4('192.168.1.5'),
    mdns('server.local'),
    v4('10.0.3.1', 49000, 'lxcbr0'),
  ])
  const a = filledAddress(host, address())
  const b = filledAddress(structuredClone(host), address())
  assert.ok(deepEqual(a, b))
  assert.ok(!deepEqual(a, filledAddress(host, address({ suffix: '/x' }))))
  assert.deepEqual(JSON.parse(JSON.stringify(a)), {
    ...address(),
    hostnames: a.hostnames,
  })
  assert.equal(a.nonLocal, a.nonLocal, 'memoized')
  const { toUrl, hostnames, format } = a.nonLocal
  assert.deepEqual(hostnames.map(toUrl), format())
  assert.equal(
    (a.filter({ kind: 'bridge' }) as unknown as { hostId: string }).hostId,
    'main',
  )
  assert.deepEqual(
    a.format('url').map((u) => u.href),
    ['http://192.168.1.5/', 'http://server.local/', 'http://10.0.3.1:49000/'],
  )
  assert.throws(
    () => a.format('html' as never),
    /`format` to be `'urlstring'`, `'url'` or `'hostname-info'`, got `"html"`/,
  )
  assert.throws(
    () => a.filter({ kind: 'tor' as never }),
    /`filter.kind` to be one of mdns, domain, ip, ipv4, ipv6, localhost, link-local, bridge, plugin, got `"tor"`/,
  )
  assert.throws(
    () => a.filter({ visibility: 'lan' as never }),
    /`filter.visibility`/,
  )
})

test('fillHost fills every single-port interface and leaves ranges alone', () => {
  const host = hostWith([v4('192.168.1.5', 8080)])
  host.bindings[80].interfaces.ui = {
    id: 'ui',
    name: 'UI',
    description: '',
    masked: false,
    type: 'ui',
    addressInfo: address({ suffix: '/ui' }),
  }
  host.bindingRanges[5000] = {
    enabled: true,
    externalStartPort: 45000,
    numberOfPorts: 10,
    addresses: { enabled: [], disabled: [], guaWan: [], available: [] },
    interface: { id: 'rtp', name: 'RTP', description: '', scheme: null },
  }
  const filled = fillHost(host)
  assert.deepEqual(filled.bindings[80].interfaces.ui.addressInfo.format(), [
    'http://192.168.1.5:8080/ui',
  ])
  assert.equal(filled.bindingRanges, host.bindingRanges)
  assert.ok(
    deepEqual(
      filled,
      JSON.parse(JSON.stringify(host)) === null
        ? null
        : fillHost(JSON.parse(JSON.stringify(host))),
    ),
  )
  assert.equal(
    host.bindings[80].interfaces.ui.addressInfo.suffix,
    '/ui',
    'input not changed',
  )
  assert.ok(!('format' in host.bindings[80].interfaces.ui.addressInfo))
})
