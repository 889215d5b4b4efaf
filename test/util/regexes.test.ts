import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Patterns, regexes } from '../../lib/utils'

const full = (r: regexes.ComposableRegex, text: string): boolean =>
  new RegExp(r.matches()).test(text)

test('ComposableRegex renders anchored, grouped and bare sources', () => {
  const digits = new regexes.ComposableRegex(/\d+/)
  assert.equal(digits.matches(), '^\\d+$')
  assert.equal(digits.contains(), '\\d+')
  assert.equal(digits.asExpr(), '(\\d+)')
  const fromText = new regexes.ComposableRegex('a|b')
  assert.ok(fromText.regex instanceof RegExp)
  assert.ok(
    new RegExp(`^${fromText.asExpr()}-${digits.asExpr()}$`).test('b-12'),
  )
  assert.throws(() => new regexes.ComposableRegex('('))
})

test('escapeLiteral makes any text match itself', () => {
  const text = 'a.b*c(d)[e]{f}|g^h$i+j?k\\l/m-n'
  assert.ok(new RegExp(`^${regexes.escapeLiteral(text)}$`).test(text))
  assert.ok(!new RegExp(`^${regexes.escapeLiteral('a.c')}$`).test('abc'))
})

test('every Patterns entry is the anchored form of the regex of the same name', () => {
  for (const [name, pattern] of Object.entries(Patterns)) {
    const r = (regexes as unknown as Record<string, regexes.ComposableRegex>)[
      name
    ]
    assert.equal(
      new RegExp(pattern.regex).source,
      new RegExp(r.matches()).source,
      name,
    )
  }
})

test('the ready-made expressions accept and refuse what they name', () => {
  const cases: [regexes.ComposableRegex, string[], string[]][] = [
    [regexes.ipv4, ['192.168.1.1', '0.0.0.0'], ['256.1.1.1', '1.2.3']],
    [
      regexes.ipv6,
      ['::1', 'fe80::1%eth0', '2001:db8::ffff:1.2.3.4'],
      ['1::2::3', ':::'],
    ],
    [regexes.hostname, ['a', 'my-host.lan'], ['-a', 'a..b']],
    [regexes.localHostname, ['x.local'], ['x.lan']],
    [
      regexes.url,
      ['https://example.com/a?b#c', 'http://[::1]:80'],
      ['ftp://x', 'https://'],
    ],
    [regexes.localUrl, ['http://x.local:8080/'], ['http://x.com']],
    [regexes.ascii, ['hello ~'], ['héllo']],
    [regexes.domain, ['example.com'], ['localhost']],
    [regexes.email, ['a.b@c.io'], ['a@b']],
    [regexes.emailWithName, ['Jane <j@x.io>', 'j@x.io'], ['Jane <j@x>']],
    [regexes.base64, ['', 'YWJj', 'YWI=', 'YQ=='], ['YWJ', 'Y===', 'a b=']],
    [regexes.base64Whitespace, ['YW Jj\nYQ==', 'YWJj'], ['YW J', '@@@@']],
  ]
  for (const [r, good, bad] of cases) {
    for (const text of good)
      assert.ok(full(r, text), `${r.contains()} should match ${text}`)
    for (const text of bad)
      assert.ok(!full(r, text), `${r.contains()} should not match ${text}`)
  }
})

test('pem matches a block with its label only', () => {
  const cert =
    '-----BEGIN CERTIFICATE-----\nMIIB\r\nQUJD\n-----END CERTIFICATE-----'
  assert.ok(full(regexes.pem('CERTIFICATE'), cert))
  assert.ok(!full(regexes.pem('PRIVATE KEY'), cert))
  const key = cert.replaceAll('CERTIFICATE', 'RSA PRIVATE KEY')
  assert.ok(full(regexes.pem('RSA PRIVATE KEY'), key))
  assert.ok(
    new RegExp(regexes.pem('CERTIFICATE').contains()).test(`x\n${cert}\ny`),
  )
})
