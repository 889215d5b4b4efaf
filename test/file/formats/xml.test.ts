import assert from 'node:assert/strict'
import { test } from 'node:test'
import { XMLBuilder } from 'fast-xml-parser'
import { FormatSyntaxError, xmlFormat } from '../../../lib/file/formats'
import { deepEqual } from '../../../lib/util'
import { changeOneValue, corpus, fixture } from './corpus'

const files = corpus('xml')
const attributeOptions = {
  parser: { ignoreAttributes: false },
  builder: { ignoreAttributes: false, suppressBooleanAttributes: false },
}
const xml = xmlFormat(attributeOptions)
const plain = xmlFormat()

test('xml corpus has at least 10 files', () => {
  assert.ok(files.length >= 10, `${files.length} files`)
})

test('xml: an unchanged value keeps every corpus file byte for byte', () => {
  for (const { name, text } of files) {
    assert.equal(xml.serialize(xml.parse(text), text), text, name)
    assert.equal(plain.serialize(plain.parse(text), text), text, name)
  }
})

test('xml: one changed value re-reads as the change', () => {
  for (const format of [xml, plain])
    for (const { name, text } of files) {
      // A processing instruction holds no text without attributes: change data instead.
      const change = changeOneValue(format.parse(text), ['?xml'])
      const out = format.serialize(change.value, text)
      assert.ok(deepEqual(format.parse(out), change.value), name)
    }
})

test('xml: attributes, repeated elements, CDATA and entities are read', () => {
  assert.deepEqual(xml.parse(fixture('xml', 'attributes.txt')), {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    config: {
      server: { '@_host': '0.0.0.0', '@_port': '8080' },
      feature: { '#text': 'on', '@_name': 'tls', '@_enabled': 'true' },
      '@_version': '2',
      '@_mode': 'prod',
    },
  })
  const peers = plain.parse(fixture('xml', 'repeated.txt')) as {
    peers: { peer: unknown[] }
  }
  assert.equal(peers.peers.peer.length, 3)
  assert.deepEqual(plain.parse(fixture('xml', 'cdata.txt')), {
    doc: { script: 'if (a < b && c > d) { return "x"; }', note: 'plain' },
  })
  assert.deepEqual(plain.parse(fixture('xml', 'entities.txt')), {
    text: { amp: 'fish & chips', lt: 'a < b', quote: `"quoted" 'single'` },
  })
})

test('xml: tricky values round-trip with no previous file', () => {
  const values: unknown[] = [
    { root: { text: 'fish & chips <b> "q" \'s\'', unicode: 'café 😀 日本' } },
    { root: { item: ['one', 'two', 'three'], nested: { deep: { x: 'y' } } } },
    { root: { '@_id': '7', '@_quote': 'say "hi"', child: { '@_k': 'v' } } },
    { root: { n: 42, f: 1.5, yes: true, empty: '' } },
    { a: 1, b: 'two' },
    {},
  ]
  for (const value of values)
    assert.ok(
      deepEqual(xml.parse(xml.serialize(value, null)), value),
      JSON.stringify(value),
    )
})

test('xml: with no previous file the output is XMLBuilder(options.builder).build(value)', () => {
  const value = { root: { '@_id': '1', item: ['a', 'b'], child: { x: 1 } } }
  assert.equal(
    xml.serialize(value, null),
    new XMLBuilder(attributeOptions.builder).build(value),
  )
  assert.equal(plain.serialize(value, null), new XMLBuilder().build(value))
  const pretty = xmlFormat({ builder: { format: true, indentBy: '    ' } })
  assert.equal(
    pretty.serialize(value, null),
    new XMLBuilder({ format: true, indentBy: '    ' }).build(value),
  )
})

test('xml: what the builder writes always reads back', () => {
  assert.deepEqual(plain.parse(''), {})
  assert.deepEqual(plain.parse(fixture('xml', 'multiple-roots.txt')), {
    a: 1,
    b: 2,
  })
  assert.deepEqual(plain.parse(plain.serialize({}, null)), {})
})

test('xml: an unreadable previous file is replaced by a fresh rendering', () => {
  assert.equal(plain.serialize({ a: 1 }, '<a><b></a>'), '<a>1</a>')
})

test('xml: syntax errors carry line and column', () => {
  const cases: [string, number, number][] = [
    ['<a>\n<b></a>', 2, 4],
    ['<a x=1/>', 1, 4],
    ['<a', 1, 1],
    ['<a></a><', 1, 9],
    ['text', 1, 1],
    ['<root>\n  <child>\n</root>', 3, 1],
    ['<a>1</a><b><c></b>', 1, 15],
    ['<?xml version="1.0"?>\n<a>1</a>\n<b>\n  <c>\n</b>', 5, 1],
  ]
  for (const [text, line, column] of cases)
    assert.throws(
      () => plain.parse(text),
      (e: unknown) => {
        assert.ok(e instanceof FormatSyntaxError, JSON.stringify(text))
        assert.deepEqual({ line: e.line, column: e.column }, { line, column })
        assert.match(e.message, /^invalid XML: /)
        assert.notEqual(e.cause, undefined)
        return true
      },
    )
  assert.throws(
    () => plain.parse('<a>1</a><b><c></b>'),
    /opened in line 1, col 12/,
  )
  // Options the validator shares with the parser apply to both.
  const lenient = xmlFormat({ parser: { allowBooleanAttributes: true } })
  assert.deepEqual(lenient.parse('<a checked>x</a>'), { a: 'x' })
  assert.throws(() => plain.parse('<a checked>x</a>'), FormatSyntaxError)
  // The builder writes a "true" attribute bare by default: such files are accepted.
  const bare = xmlFormat({ builder: { ignoreAttributes: false } })
  const written = bare.serialize({ a: { '@_on': 'true', '#text': 'x' } }, null)
  assert.equal(written, '<a on>x</a>')
  assert.deepEqual(bare.parse(written), { a: 'x' })
})
