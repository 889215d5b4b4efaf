import type {
  AddressInfo,
  DerivedAddressInfo,
  Host,
  HostnameInfo,
} from '../../lib/types'

type Extra = Partial<Pick<HostnameInfo, 'ssl' | 'public'>>

const info = (
  hostname: string,
  port: number | null,
  metadata: HostnameInfo['metadata'],
  extra: Extra = {},
): HostnameInfo => ({
  ssl: false,
  public: false,
  hostname,
  port,
  metadata,
  ...extra,
})

/** An IPv4 address on `gateway`. */
export const v4 = (
  hostname: string,
  port: number | null = 80,
  gateway = 'eth0',
  extra?: Extra,
): HostnameInfo => info(hostname, port, { kind: 'ipv4', gateway }, extra)
/** An IPv6 address on `gateway`. */
export const v6 = (
  hostname: string,
  port: number | null = 80,
  gateway = 'eth0',
  scopeId = 0,
  extra?: Extra,
): HostnameInfo =>
  info(hostname, port, { kind: 'ipv6', gateway, scopeId }, extra)
/** An mDNS name served on `gateways`. */
export const mdns = (
  hostname: string,
  port: number | null = 80,
  gateways = ['eth0'],
  extra?: Extra,
): HostnameInfo => info(hostname, port, { kind: 'mdns', gateways }, extra)
/** A private domain. */
export const privateDomain = (
  hostname: string,
  port: number | null = 443,
  gateways = ['eth0'],
  extra?: Extra,
): HostnameInfo =>
  info(hostname, port, { kind: 'private-domain', gateways }, extra)
/** A public domain. */
export const publicDomain = (
  hostname: string,
  port: number | null = 443,
  gateway = 'eth0',
  extra?: Extra,
): HostnameInfo =>
  info(
    hostname,
    port,
    { kind: 'public-domain', gateway },
    { public: true, ...extra },
  )
/** An address a URL plugin published. */
export const plugin = (
  hostname: string,
  packageId = 'tor',
  port: number | null = 80,
  extra?: Extra,
): HostnameInfo =>
  info(
    hostname,
    port,
    {
      kind: 'plugin',
      packageId,
      removeAction: null,
      overflowActions: [],
      info: null,
    },
    extra,
  )

/** A host whose port 80 binding has these addresses. */
export function hostWith(
  available: HostnameInfo[],
  overrides: Partial<Omit<DerivedAddressInfo, 'available'>> = {},
): Host {
  return {
    bindings: {
      80: {
        enabled: true,
        options: { preferredExternalPort: 80, addSsl: null, secure: null },
        net: { assignedPort: 80, assignedSslPort: null },
        addresses: {
          enabled: [],
          disabled: [],
          guaWan: [],
          available,
          ...overrides,
        },
        interfaces: {},
      },
    },
    bindingRanges: {},
    publicDomains: {},
    privateDomains: {},
    portForwards: [],
  }
}

/** The address info of an interface on port 80. */
export const address = (overrides: Partial<AddressInfo> = {}): AddressInfo => ({
  username: null,
  hostId: 'main',
  internalPort: 80,
  scheme: 'http',
  sslScheme: 'https',
  suffix: '',
  ...overrides,
})

/** One formatting case: a host, an address on it, and (optionally) the URLs expected. */
export interface AddressCase {
  name: string
  host: Host
  address: AddressInfo
  /** `format()` of the filled address, when the case pins it. */
  urls?: string[]
}

const lan = v4('192.168.1.5')
const lanSsl = v4('192.168.1.5', 443, 'eth0', { ssl: true })
const wan = v4('203.0.113.7', 80, 'eth0', { public: true })
const wan6 = v6('2001:db8::7', 80, 'eth0', 0, { public: true })
const local = mdns('server.local')
const bridge = v4('10.0.3.1', 49000, 'lxcbr0')
const loop = v4('127.0.0.1', 80, 'lo')
const linkLocal = v6('fe80::1', 80, 'eth0', 3)
const ula = v6('fd00::5')

/** Hostname/gateway cases, from the plain LAN address to every user override. */
export const addressCases: AddressCase[] = [
  {
    name: 'one LAN IPv4, default port left out',
    host: hostWith([lan]),
    address: address(),
    urls: ['http://192.168.1.5'],
  },
  {
    name: 'plain and TLS addresses',
    host: hostWith([lan, lanSsl]),
    address: address(),
    urls: ['http://192.168.1.5', 'https://192.168.1.5'],
  },
  {
    name: 'non-default port kept',
    host: hostWith([v4('192.168.1.5', 8080)]),
    address: address(),
    urls: ['http://192.168.1.5:8080'],
  },
  {
    name: 'port null',
    host: hostWith([v4('192.168.1.5', null)]),
    address: address(),
    urls: ['http://192.168.1.5'],
  },
  {
    name: 'public IPv4 not enabled',
    host: hostWith([lan, wan]),
    address: address(),
    urls: ['http://192.168.1.5'],
  },
  {
    name: 'public IPv4 enabled',
    host: hostWith([lan, wan], { enabled: ['203.0.113.7:80'] }),
    address: address(),
    urls: ['http://192.168.1.5', 'http://203.0.113.7'],
  },
  {
    name: 'public IPv4 enabled on another port',
    host: hostWith([wan], { enabled: ['203.0.113.7:81'] }),
    address: address(),
    urls: [],
  },
  {
    name: 'public IPv6 enabled in brackets',
    host: hostWith([wan6], { enabled: ['[2001:db8::7]:80'] }),
    address: address(),
    urls: ['http://[2001:db8::7]'],
  },
  {
    name: 'public IPv6 enabled without brackets is not',
    host: hostWith([wan6], { enabled: ['2001:db8::7:80'] }),
    address: address(),
    urls: [],
  },
  {
    name: 'public IP without port',
    host: hostWith([v4('203.0.113.7', null, 'eth0', { public: true })]),
    address: address(),
    urls: ['http://203.0.113.7'],
  },
  {
    name: 'private IP disabled',
    host: hostWith([lan, local], { disabled: [['192.168.1.5', 80]] }),
    address: address(),
    urls: [],
  },
  {
    name: 'private IP disabled on another port',
    host: hostWith([lan, local], { disabled: [['192.168.1.5', 81]] }),
    address: address(),
    urls: ['http://192.168.1.5', 'http://server.local'],
  },
  {
    name: 'public domain disabled',
    host: hostWith(
      [publicDomain('a.example.com', 443, 'eth0', { ssl: true })],
      { disabled: [['a.example.com', 443]] },
    ),
    address: address(),
    urls: [],
  },
  {
    name: 'public domain enabled by default',
    host: hostWith([publicDomain('a.example.com', 443, 'eth0', { ssl: true })]),
    address: address(),
    urls: ['https://a.example.com'],
  },
  {
    name: 'private domain with port',
    host: hostWith([privateDomain('nas.lan', 8443, ['eth0'], { ssl: true })]),
    address: address(),
    urls: ['https://nas.lan:8443'],
  },
  {
    name: 'mdns with a LAN IP on its gateway',
    host: hostWith([lan, local]),
    address: address(),
    urls: ['http://192.168.1.5', 'http://server.local'],
  },
  {
    name: 'mdns alone is unreachable',
    host: hostWith([local]),
    address: address(),
    urls: [],
  },
  {
    name: 'mdns on another gateway',
    host: hostWith([lan, mdns('w.local', 80, ['wlan0'])]),
    address: address(),
    urls: ['http://192.168.1.5'],
  },
  {
    name: 'mdns on several gateways',
    host: hostWith([
      v4('192.168.2.9', 80, 'wlan0'),
      mdns('w.local', 80, ['eth0', 'wlan0']),
    ]),
    address: address(),
    urls: ['http://192.168.2.9', 'http://w.local'],
  },
  {
    name: 'mdns via a LAN IPv6',
    host: hostWith([ula, local]),
    address: address(),
    urls: ['http://[fd00::5]', 'http://server.local'],
  },
  {
    name: 'mdns via a link-local IPv6',
    host: hostWith([linkLocal, local]),
    address: address(),
    urls: ['http://[fe80::1%3]', 'http://server.local'],
  },
  {
    name: 'mdns with only a public IP is unreachable',
    host: hostWith([wan, local], { enabled: ['203.0.113.7:80'] }),
    address: address(),
    urls: ['http://203.0.113.7'],
  },
  {
    name: 'mdns with only a domain is unreachable',
    host: hostWith([privateDomain('nas.lan', 80), local]),
    address: address(),
    urls: ['http://nas.lan'],
  },
  {
    name: 'mdns via the bridge',
    host: hostWith([bridge, mdns('b.local', 80, ['lxcbr0'])]),
    address: address(),
    urls: ['http://10.0.3.1:49000', 'http://b.local'],
  },
  {
    name: 'mdns whose LAN IP is disabled',
    host: hostWith([lan, local], { disabled: [['192.168.1.5', 80]] }),
    address: address(),
    urls: [],
  },
  {
    name: 'link-local IPv6 gets its scope',
    host: hostWith([linkLocal]),
    address: address(),
    urls: ['http://[fe80::1%3]'],
  },
  {
    name: 'link-local with scope 0, upper case',
    host: hostWith([v6('FEBF::2', 8080)]),
    address: address(),
    urls: ['http://[FEBF::2%0]:8080'],
  },
  {
    name: 'ULA IPv6 without scope',
    host: hostWith([v6('fd00::5', 80, 'eth0', 9)]),
    address: address(),
    urls: ['http://[fd00::5]'],
  },
  {
    name: 'loopback addresses',
    host: hostWith([loop, v6('::1', 80, 'lo'), mdns('localhost', 80, ['lo'])]),
    address: address(),
    urls: ['http://127.0.0.1', 'http://[::1]', 'http://localhost'],
  },
  {
    name: 'bridge address',
    host: hostWith([bridge, lan]),
    address: address(),
    urls: ['http://10.0.3.1:49000', 'http://192.168.1.5'],
  },
  {
    name: 'plugin addresses',
    host: hostWith([
      plugin('abc.onion'),
      plugin('x.i2p', 'i2p', 80, { public: true }),
    ]),
    address: address(),
    urls: ['http://abc.onion', 'http://x.i2p'],
  },
  {
    name: 'scheme null: bare host:port',
    host: hostWith([lan, lanSsl, v6('fd00::5', 9000)]),
    address: address({ scheme: null, sslScheme: null }),
    urls: ['192.168.1.5:80', '192.168.1.5:443', '[fd00::5]:9000'],
  },
  {
    name: 'ssh without TLS scheme',
    host: hostWith([
      v4('192.168.1.5', 22),
      v4('192.168.1.5', 2222, 'eth0', { ssl: true }),
    ]),
    address: address({ scheme: 'ssh', sslScheme: null }),
    urls: ['ssh://192.168.1.5', '192.168.1.5:2222'],
  },
  {
    name: 'username and suffix',
    host: hostWith([lan, linkLocal]),
    address: address({ username: 'admin', suffix: '/a?b=c' }),
    urls: ['http://admin@192.168.1.5/a?b=c', 'http://admin@[fe80::1%3]/a?b=c'],
  },
  {
    name: 'username with bare host',
    host: hostWith([lan, v4('192.168.1.6', null)]),
    address: address({ scheme: null, username: 'u', suffix: '/s' }),
    urls: ['u@192.168.1.5:80/s', 'u@192.168.1.6/s'],
  },
  {
    name: 'ws and wss default ports',
    host: hostWith([
      v4('h', 80),
      v4('h', 443, 'eth0', { ssl: true }),
      v4('h', 8080),
    ]),
    address: address({ scheme: 'ws', sslScheme: 'wss' }),
    urls: ['ws://h', 'wss://h', 'ws://h:8080'],
  },
  {
    name: 'dns default port, https on 80 keeps it',
    host: hostWith([v4('h', 53), v4('h', 80, 'eth0', { ssl: true })]),
    address: address({ scheme: 'dns', sslScheme: 'https' }),
    urls: ['dns://h', 'https://h:80'],
  },
  {
    name: 'unknown scheme keeps every port',
    host: hostWith([v4('h', 21), v4('h', 80)]),
    address: address({ scheme: 'ftp' }),
    urls: ['ftp://h:21', 'ftp://h:80'],
  },
  {
    name: 'the same address object listed twice',
    host: hostWith([lan, lan]),
    address: address(),
    urls: ['http://192.168.1.5', 'http://192.168.1.5'],
  },
  {
    name: 'no binding for the port',
    host: hostWith([lan]),
    address: address({ internalPort: 81 }),
    urls: [],
  },
  {
    name: 'everything at once',
    host: hostWith(
      [
        lan,
        lanSsl,
        wan,
        wan6,
        local,
        bridge,
        loop,
        linkLocal,
        ula,
        publicDomain('a.example.com', 443, 'eth0', { ssl: true }),
        privateDomain('nas.lan'),
        plugin('abc.onion'),
        mdns('w.local', 80, ['wlan0']),
      ],
      { enabled: ['[2001:db8::7]:80'] },
    ),
    address: address(),
  },
]
