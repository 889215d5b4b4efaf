import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FormatSyntaxError, jsonFormat } from '../../../lib/file/formats'
import { deepEqual } from '../../../lib/util'
import { changeOneValue, corpus, random, randomEdits } from './corpus'

const files = corpus('json')
const { parse, serialize } = jsonFormat

test('json corpus has at least 10 files', () => {
  assert.ok(files.length >= 10, `${files.length} files`)
})

test('json: an unchanged value keeps every corpus file byte for byte', () => {
  for (const { name, text } of files)
    assert.equal(serialize(parse(text), text), text, name)
})

test('json: one changed value re-reads as the change, in the file’s own layout', () => {
  for (const { name, text } of files) {
    const change = changeOneValue(parse(text))
    const out = serialize(change.value, text)
    assert.ok(deepEqual(parse(out), change.value), name)
    assert.notEqual(out, text, name)
    const unit = /\n([ \t]+)\S/.exec(text)?.[1]
    if (unit !== undefined) {
      const eol = text.includes('\r\n') ? '\r\n' : '\n'
      const final = /\n$/.test(text) ? eol : ''
      const expected = JSON.stringify(change.value, null, unit)
      assert.equal(out, expected.replace(/\n/g, eol) + final, name)
    }
    assert.equal(
      out.endsWith('\n'),
      text.endsWith('\n'),
      `${name}: final newline`,
    )
    assert.equal(out.includes('\r\n'), text.includes('\r\n'), `${name}: CRLF`)
  }
})

test('json: the indentation unit of the previous file is kept', () => {
  const value = { a: [1, { b: 'c' }] }
  const fourSpaces = '{\n    "a": []\n}\n'
  assert.equal(
    serialize(value, fourSpaces),
    '{\n    "a": [\n        1,\n        {\n            "b": "c"\n        }\n    ]\n}\n',
  )
  const tab = '{\n\t"a": []\n}'
  assert.equal(serialize(value, tab), JSON.stringify(value, null, '\t'))
  // One-line JSON stays on one line; `{}` gets the default layout.
  assert.equal(serialize(value, '{"a":[]}'), '{"a":[1,{"b":"c"}]}')
  assert.equal(serialize(value, '{}'), JSON.stringify(value, null, 2))
  assert.equal(serialize(value, '{}\n'), JSON.stringify(value, null, 2) + '\n')
})

test('json: tricky values round-trip with no previous file', () => {
  const values: unknown[] = [
    {},
    [],
    null,
    0,
    -0.5,
    'plain string',
    { quote: 'she said "hi"', slash: 'a/b\\c', nl: 'a\nb\r\nc\t' },
    { unicode: 'café 😀 \u0000 \u2028 \ud800' },
    { deep: { a: { b: { c: { d: [[[{ e: 1 }]]] } } } } },
    { big: '123456789012345678901234567890', max: Number.MAX_SAFE_INTEGER },
    { '': 'empty key', 'key with "quotes"': true, __proto__x: 1 },
  ]
  for (const value of values)
    assert.ok(deepEqual(parse(serialize(value, null)), value), String(value))
  // Keys holding undefined are dropped.
  assert.deepEqual(parse(serialize({ a: 1, b: undefined }, null)), { a: 1 })
})

test('json: with no previous file the output is JSON.stringify(value, null, 2)', () => {
  const values: unknown[] = [
    { a: 1, b: [1, 2, { c: null }], d: 'x' },
    [],
    'text',
    42,
    { nested: { empty: {}, list: [] } },
  ]
  for (const value of values)
    assert.equal(serialize(value, null), JSON.stringify(value, null, 2))
})

test('json: an unreadable previous file is replaced by a fresh rendering', () => {
  const value = { a: 1 }
  assert.equal(serialize(value, '{ not json'), JSON.stringify(value, null, 2))
})

test('json: values JSON cannot hold throw a TypeError', () => {
  assert.throws(() => serialize(undefined, null), TypeError)
  assert.throws(() => serialize(() => 1, '{}'), TypeError)
})

test('json: syntax errors carry line and column', () => {
  const cases: [string, number, number][] = [
    ['{\n  "a": 1,\n  b\n}', 3, 3],
    ['[1,2,]', 1, 6],
    ['{"a":', 1, 6],
    ['{\n  "a": 1\n}\nx', 4, 1],
    ['', 1, 1],
    ['{\n  "a": tru\n}', 2, 11],
    ['{\n  "a": "unterminated\n}', 2, 21],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3],
    ['{\n\t"a": 01\n}', 2, 8],
  ]
  for (const [text, line, column] of cases) {
    assert.throws(
      () => parse(text),
      (e: unknown) => {
        assert.ok(e instanceof FormatSyntaxError, JSON.stringify(text))
        assert.deepEqual(
          { line: e.line, column: e.column },
          { line, column },
          `${JSON.stringify(text)}: ${e.message}`,
        )
        assert.ok(e.cause instanceof SyntaxError)
        assert.match(e.message, /^invalid JSON: /)
        return true
      },
    )
  }
})

test('json: random edits of every corpus file re-read as edited', () => {
  const samples = ['text', '', 42, -0.5, null, true, { key: 'v' }, ['a', [1]]]
  for (const { name, text } of files) {
    const next = random(name.length)
    for (let round = 0; round < 40; round++) {
      const edited = randomEdits(parse(text), next, samples, 1 + next(3))
      assert.ok(deepEqual(parse(serialize(edited, text)), edited), name)
    }
  }
})
