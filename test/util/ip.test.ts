import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  CGNAT,
  IPV4_LOOPBACK,
  IPV6_LINK_LOCAL,
  IPV6_LOOPBACK,
  IPV6_ULA,
  IpAddress,
  IpNet,
  PRIVATE_IPV4_RANGES,
} from '../../lib/utils'
import { isSdkError } from '../../lib/errors'

const hostInvalid = (e: unknown): boolean => isSdkError(e, 'IP_INVALID')

test('parse reads IPv4 and keeps the text it was given', () => {
  const ip = IpAddress.parse('192.168.1.10')
  assert.deepEqual(ip.octets, [192, 168, 1, 10])
  assert.equal(ip.address, '192.168.1.10')
  assert.ok(ip.isIpv4() && !ip.isIpv6())
  assert.deepEqual(IpAddress.parse('010.0.0.1').octets, [10, 0, 0, 1])
  assert.equal(IpAddress.parse('010.0.0.1').address, '010.0.0.1')
})

test('parse reads every IPv6 form', () => {
  const cases: [string, string][] = [
    ['::', '0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0'],
    ['::1', '0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1'],
    ['1::', '0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0'],
    ['2001:DB8::a', '32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.10'],
    ['1:2:3:4:5:6:7::', '0.1.0.2.0.3.0.4.0.5.0.6.0.7.0.0'],
    ['::ffff:1.2.3.4', '0.0.0.0.0.0.0.0.0.0.255.255.1.2.3.4'],
    ['fe80::1%eth0', '254.128.0.0.0.0.0.0.0.0.0.0.0.0.0.1'],
  ]
  for (const [text, octets] of cases) {
    const ip = IpAddress.parse(text)
    assert.equal(ip.octets.join('.'), octets, text)
    assert.equal(ip.address, text)
    assert.ok(ip.isIpv6())
  }
})

test('parse refuses malformed addresses with IP_INVALID naming the part', () => {
  for (const bad of [
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.0.0.1',
    '1.2.3.-1',
    ' 1.2.3.4',
    '0x1.2.3.4',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4::5:6:7:8',
    '12345::',
    'g::1',
    '[::1]',
    'fe80::1%',
    '1.2.3.4/24',
  ])
    assert.throws(() => IpAddress.parse(bad), hostInvalid, bad)
  assert.throws(
    () => IpAddress.parse('1.2.300.4'),
    /Invalid IP address `1\.2\.300\.4`: `300` is not a number from 0 to 255/,
  )
})

test('fromOctets renders canonically (RFC 5952) and checks its input', () => {
  assert.equal(IpAddress.fromOctets([10, 0, 0, 1]).address, '10.0.0.1')
  const v6 = (groups: number[]): string =>
    IpAddress.fromOctets(groups.flatMap((g) => [g >> 8, g & 0xff])).address
  assert.equal(v6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]), '2001:db8::1')
  assert.equal(v6([1, 0, 0, 1, 0, 0, 0, 1]), '1:0:0:1::1')
  assert.equal(v6([1, 0, 2, 0, 0, 3, 0, 0]), '1:0:2::3:0:0')
  assert.equal(v6([0xab00, 0, 0xab00, 0, 1, 0, 1, 0]), 'ab00:0:ab00:0:1:0:1:0')
  assert.equal(v6([0, 0, 0, 0, 0, 0, 0, 0]), '::')
  for (const bad of [
    [1, 2, 3],
    [1, 2, 3, 256],
    [1, 2, 3, -1],
    [1, 2, 3, 1.5],
  ])
    assert.throws(() => IpAddress.fromOctets(bad), hostInvalid)
  const source = [1, 2, 3, 4]
  IpAddress.fromOctets(source).octets[0] = 9
  assert.deepEqual(source, [1, 2, 3, 4])
})

test('address follows changes to the octets', () => {
  const ip = IpAddress.parse('::0001')
  ip.octets[0] = 0
  assert.equal(ip.address, '::0001', 'unchanged octets keep the parsed text')
  ip.octets[15] = 2
  assert.equal(ip.address, '::2')
  ip.octets = [5, 5, 5, 5]
  assert.equal(ip.address, '5.5.5.5')
})

test('add and sub round down, carry across octets and wrap around', () => {
  const ip = IpAddress.parse('1.2.3.4')
  assert.equal(ip.add(300).address, '1.2.4.48')
  assert.equal(ip.sub(5).address, '1.2.2.255')
  assert.equal(ip.add(1.9).address, '1.2.3.5')
  assert.equal(ip.add(-1.5).address, '1.2.3.2')
  assert.equal(ip.sub(-1.5).address, '1.2.3.6')
  assert.equal(IpAddress.parse('255.255.255.255').add(1).address, '0.0.0.0')
  assert.equal(IpAddress.parse('0.0.0.0').sub(1).address, '255.255.255.255')
  assert.equal(IpAddress.parse('::ffff:ffff').add(1).address, '::1:0:0')
  assert.equal(IpAddress.parse('::').add(2 ** 53).address, '::20:0:0:0')
  assert.equal(
    IpAddress.parse('::').sub(1).address,
    'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
  )
  assert.ok(!(ip.add(1) instanceof IpNet))
  assert.throws(() => ip.add(NaN), hostInvalid)
  assert.throws(() => ip.sub(Infinity), hostInvalid)
})

test('cmp orders by octets, parsing strings', () => {
  const ip = IpAddress.parse('10.0.0.5')
  assert.equal(ip.cmp('10.0.0.6'), -1)
  assert.equal(ip.cmp(IpAddress.parse('10.0.0.5')), 0)
  assert.equal(ip.cmp('9.255.255.255'), 1)
  assert.equal(IpAddress.parse('0.0.0.0').cmp('::'), 0)
  assert.equal(IpAddress.parse('0.0.0.0').cmp('::1'), -1)
  assert.throws(() => ip.cmp('nope'), hostInvalid)
})

test('isPublic and isGua', () => {
  const pub = (s: string): boolean => IpAddress.parse(s).isPublic()
  const gua = (s: string): boolean => IpAddress.parse(s).isGua()
  assert.ok(pub('8.8.8.8') && pub('172.32.0.1') && pub('100.64.0.1'))
  assert.ok(!pub('10.1.1.1') && !pub('172.31.255.255') && !pub('192.168.0.1'))
  assert.ok(!pub('127.0.0.1') && !pub('2600::1'))
  assert.ok(gua('2600::1') && gua('fec0::1') && gua('::'))
  assert.ok(
    !gua('::1') && !gua('fd00::1') && !gua('febf::1') && !gua('8.8.8.8'),
  )
})

test('IpNet.parse and fromIpPrefix keep the address and check the prefix', () => {
  const net = IpNet.parse('192.168.1.5/24')
  assert.equal(net.address, '192.168.1.5')
  assert.equal(net.prefix, 24)
  assert.equal(net.ipnet, '192.168.1.5/24')
  assert.equal(IpNet.parse('2001:DB8::/32').ipnet, '2001:DB8::/32')
  const from = IpNet.fromIpPrefix(IpAddress.parse('fe80::1%eth0'), 64)
  assert.equal(from.ipnet, 'fe80::1%eth0/64')
  for (const bad of [
    '1.2.3.4',
    '1.2.3.4/',
    '1.2.3.4/33',
    '::/129',
    '1.2.3.4/-1',
    '1.2.3.4/1.5',
    'x/8',
  ])
    assert.throws(() => IpNet.parse(bad), hostInvalid, bad)
  assert.throws(
    () => IpNet.fromIpPrefix(IpAddress.parse('1.2.3.4'), 7.5),
    hostInvalid,
  )
  assert.throws(
    () => IpNet.parse('10.0.0.0/40'),
    /Invalid prefix `40` for `10\.0\.0\.0`: expected an integer from 0 to 32/,
  )
})

test('zero, broadcast and contains', () => {
  const net = IpNet.parse('192.168.1.5/24')
  assert.equal(net.zero().address, '192.168.1.0')
  assert.equal(net.broadcast().address, '192.168.1.255')
  assert.ok(!(net.zero() instanceof IpNet))
  assert.equal(IpNet.parse('255.255.255.255/13').zero().address, '255.248.0.0')
  assert.equal(
    IpNet.parse('2001:db8::5/60').broadcast().address,
    '2001:db8:0:f:ffff:ffff:ffff:ffff',
  )
  assert.equal(IpNet.parse('1.2.3.4/0').broadcast().address, '255.255.255.255')
  assert.ok(net.contains('192.168.1.200'))
  assert.ok(!net.contains('192.168.2.1'))
  assert.ok(net.contains(IpAddress.parse('192.168.1.1')))
  assert.ok(net.contains(IpNet.parse('192.168.1.128/25')))
  assert.ok(net.contains('192.168.1.128/25'), 'CIDR text is read as a network')
  assert.ok(!net.contains(IpNet.parse('192.168.1.0/23')))
  assert.ok(!IpNet.parse('0.0.0.0/0').contains('::1'))
  assert.ok(!IpNet.parse('::/0').contains('1.2.3.4'))
  assert.ok(IpNet.parse('fe80::/64').contains('fe80::2%eth1'))
})

test('the named ranges', () => {
  assert.deepEqual(
    PRIVATE_IPV4_RANGES.map((n) => n.ipnet),
    ['127.0.0.0/8', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
  )
  assert.equal(IPV4_LOOPBACK.ipnet, '127.0.0.0/8')
  assert.equal(IPV6_LOOPBACK.ipnet, '::1/128')
  assert.equal(IPV6_LINK_LOCAL.ipnet, 'fe80::/10')
  assert.equal(IPV6_ULA.ipnet, 'fc00::/7')
  assert.equal(CGNAT.ipnet, '100.64.0.0/10')
  assert.ok(CGNAT.contains('100.127.255.255') && !CGNAT.contains('100.128.0.0'))
  assert.ok(IPV6_ULA.contains('fdff::1') && !IPV6_ULA.contains('fe00::1'))
})
