import assert from 'node:assert/strict'
import { test } from 'node:test'
import TOML from '@iarna/toml'
import { FormatSyntaxError, tomlFormat } from '../../../lib/file/formats'
import { deepEqual } from '../../../lib/util'
import { changeOneValue, corpus, fixture } from './corpus'

const files = corpus('toml')
const { parse, serialize } = tomlFormat

test('toml corpus has at least 10 files', () => {
  assert.ok(files.length >= 10, `${files.length} files`)
})

test('toml: an unchanged value keeps every corpus file byte for byte', () => {
  for (const { name, text } of files) {
    assert.equal(serialize(parse(text), text), text, name)
    // An equal value that is a different object (no remembered parse) too.
    const other = parse(text)
    parse('unrelated = 1')
    assert.equal(serialize(other, text), text, name)
  }
})

test('toml: one changed value re-reads as the change', () => {
  for (const { name, text } of files) {
    const change = changeOneValue(parse(text))
    const out = serialize(change.value, text)
    assert.ok(deepEqual(parse(out), change.value), name)
    assert.equal(out, TOML.stringify(change.value as TOML.JsonMap), name)
  }
})

test('toml: a value changed in place after reading is not mistaken for the file', () => {
  const text = fixture('toml', 'comments.txt')
  const value = parse(text) as { table: { inner: number } }
  value.table.inner = 2
  const out = serialize(value, text)
  assert.notEqual(out, text)
  assert.deepEqual(parse(out), { ...parse(text), table: { inner: 2 } })
})

test('toml: tricky values round-trip with no previous file', () => {
  const values: Record<string, unknown>[] = [
    {},
    {
      quote: 'she said "hi"',
      multiline: 'a\nb\r\n',
      unicode: 'café 😀',
      backslash: 'C:\\path',
      empty: '',
      'dotted.key': 1,
      'key with spaces': true,
      '': 'empty key',
    },
    { nested: { deeper: { deepest: { x: -1.5 } } }, top: 0 },
    { tables: [{ a: 1 }, { a: 2, sub: { b: 'c' } }] },
    { arrays: [[1, 2], ['a']], empty: [] },
    { when: new Date('1979-05-27T07:32:00Z') },
  ]
  for (const value of values)
    assert.ok(
      deepEqual(parse(serialize(value, null)), value),
      JSON.stringify(value),
    )
  assert.deepEqual(parse(serialize({ a: 1, b: undefined }, null)), { a: 1 })
})

test('toml: with no previous file the output is TOML.stringify(value)', () => {
  const value = {
    title: 'x',
    owner: { name: 'Tom', dob: new Date('1979-05-27T07:32:00Z') },
    list: [1, 2],
    products: [{ name: 'a' }, { name: 'b' }],
  }
  assert.equal(serialize(value, null), TOML.stringify(value))
})

test('toml: an unreadable previous file is replaced by a fresh rendering', () => {
  assert.equal(serialize({ a: 1 }, 'a = = ='), TOML.stringify({ a: 1 }))
})

test('toml: syntax errors carry line and column', () => {
  const cases: [string, number, number][] = [
    ['a = 1\nb = = 2\n', 2, 5],
    ['a = "unterminated\nb = 1\n', 1, 19],
    ['[table\nx = 1\n', 1, 8],
    ['a = 1\na = 2\n', 2, 6],
    ['x = 1\n\n[t]\ny = [1, 2\n', 5, 1],
    ['key = tru\n', 1, 11],
  ]
  for (const [text, line, column] of cases)
    assert.throws(
      () => parse(text),
      (e: unknown) => {
        assert.ok(e instanceof FormatSyntaxError, JSON.stringify(text))
        assert.deepEqual({ line: e.line, column: e.column }, { line, column })
        assert.ok(e.cause instanceof Error)
        assert.match(
          e.message,
          /^invalid TOML: .*at row \d+, col \d+, pos \d+$/,
        )
        return true
      },
    )
})
