/*
 * `patterns` against the reference's (`utils.Patterns`): the same descriptions, and the same
 * verdict on a corpus of values, except where ours follows the grammar and the reference
 * does not — those cases are listed here, each with its reason.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { utils } from 'start-sdk-reference'
import { patterns } from '../../lib/input'

const ref = utils.Patterns as unknown as typeof patterns

const corpus: Record<keyof typeof patterns, string[]> = {
  ipv4: [
    '1.2.3.4',
    '255.255.255.255',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3',
    '1.2.3.4.5',
    '0.0.0.0',
    ' 1.2.3.4',
    '1.2.3.04',
    '192.168.001.1',
    '1.2.3.a',
  ],
  ipv6: [
    '::',
    '::1',
    '1::',
    'fe80::1%eth0',
    '2001:db8::8a2e:370:7334',
    '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    '::ffff:1.2.3.4',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    'gggg::',
    '1:2:3:4:5:6:7::',
    '::1.2.3.4',
    '1::1.2.3.4',
    'fe80::1%',
    '1:2:3:4:5:6:7:8',
    '1.2.3.4',
    ':1',
    '1:',
    '12345::',
  ],
  hostname: [
    'localhost',
    'a.b.c',
    'example.com',
    '-a.com',
    'a-.com',
    'a_b.com',
    'a..b',
    `${'x'.repeat(63)}.com`,
    '1.2.3.4',
    'A.COM',
    'a.b-c.d',
    '',
    '.a',
    'a.',
  ],
  localHostname: [
    'start.local',
    'a.b.local',
    'local',
    '.local',
    'a.local.',
    'x-y.local',
    'a.locals',
    'A.LOCAL',
  ],
  url: [
    'http://a.com',
    'https://a.com/x?y=1#z',
    'ftp://a.com',
    'http://1.2.3.4:8080/',
    'https://a.com:443',
    'http://a com',
    'https://a.com/ x',
    'http://',
    'https://x.onion/p',
    'http://a.b.c/d/e/f?g',
    'https://user@a.com',
    'https://user:pw@a.com/',
  ],
  localUrl: [
    'http://start.local',
    'https://a.b.local:8443/x',
    'http://a.com',
    'https://start.local/ x',
    'http://start.local:1/p?q#f',
    'ftp://start.local',
  ],
  ascii: ['abc', ' ~', 'é', 'a\nb', '', '\t', '{}'],
  domain: [
    'example.com',
    'a.b.co',
    'localhost',
    'a.b.c1',
    'a.b',
    'x.y.zz',
    '1.2.3.4',
    'EXAMPLE.COM',
    'a_b.com',
    'a-b.com',
  ],
  email: [
    'a@b.co',
    'a.b+c@d.e.fg',
    'a@b',
    '@b.co',
    'a@b.c',
    'a b@c.de',
    'a@@b.co',
    'A@B.CO',
  ],
  emailWithName: [
    'a@b.co',
    'Name <a@b.co>',
    '<a@b.co>',
    'Name <a@b>',
    'junk Name <a@b.co>',
    'Name a@b.co',
    'Name <a@b.co> x',
  ],
  base64: [
    '',
    'YQ==',
    'YWJj',
    'YQ',
    'YQ===',
    'a+/=',
    'a=b',
    'ab c',
    'YWJjZA==',
    'YWJjZA',
  ],
}

/** Values on which ours deliberately differs, and why. */
const differences: Partial<Record<keyof typeof patterns, [string, string][]>> =
  {
    ipv6: [
      [
        '1:2:3:4:5:6:1.2.3.4',
        'RFC 3986 allows six groups then an IPv4 address',
      ],
    ],
    hostname: [
      [`${'x'.repeat(64)}.com`, 'a DNS label is at most 63 characters'],
    ],
    url: [
      ['http://[::1]:80/', 'an IPv6 literal in brackets is a valid URL host'],
      ['http://localhost', 'a single-label host is a valid URL host'],
    ],
    domain: [['-a.com', 'a label cannot start with a hyphen']],
    emailWithName: [
      ['a@b.co junk', 'the whole value must match, not just its start'],
      ['x<y<a@b.co>', 'the name cannot contain `<`'],
    ],
  }

for (const name of Object.keys(corpus) as (keyof typeof patterns)[]) {
  test(`patterns.${name}: same description and verdicts as the reference`, () => {
    assert.equal(patterns[name].description, ref[name].description)
    const mine = new RegExp(patterns[name].regex)
    const theirs = new RegExp(ref[name].regex)
    for (const value of corpus[name])
      assert.equal(mine.test(value), theirs.test(value), JSON.stringify(value))
    for (const [value, reason] of differences[name] ?? [])
      assert.notEqual(
        mine.test(value),
        theirs.test(value),
        `${value}: ${reason}`,
      )
  })
}

test('patterns: every regex matches the whole value', () => {
  for (const [name, pattern] of Object.entries(patterns)) {
    assert.ok(pattern.regex.startsWith('^'), name)
    assert.ok(pattern.regex.endsWith('$'), name)
  }
  assert.equal(
    new RegExp(patterns.emailWithName.regex).test('Jane <j@x.io>'),
    true,
  )
  assert.equal(new RegExp(patterns.url.regex).test('https://[::1]:8443/'), true)
  assert.equal(new RegExp(patterns.ipv4.regex).test('1.2.3.4 '), false)
})
