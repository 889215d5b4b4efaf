import assert from 'node:assert/strict'
import { test } from 'node:test'
import YAML from 'yaml'
import type { ScalarTag } from 'yaml'
import { FormatSyntaxError, yamlFormat } from '../../../lib/file/formats'
import { deepEqual } from '../../../lib/util'
import {
  changeOneValue,
  commentLines,
  corpus,
  fixture,
  lostLines,
  random,
  randomEdits,
} from './corpus'

/** A value tagged `!secret`, to check custom tags survive reads and writes. */
class Secret {
  constructor(readonly value: string) {}
}
const secretTag: ScalarTag = {
  tag: '!secret',
  identify: (v) => v instanceof Secret,
  resolve: (s) => new Secret(s),
  stringify: (item) => (item.value as Secret).value,
}
const options = { customTags: [secretTag] }
const yaml = yamlFormat(options)
const plain = yamlFormat()
const files = corpus('yaml')

/** Lines a generic one-value change may rewrite besides its own, and why. */
const ALLOWED_LOSS: Record<string, number> = {
  // the changed value is under an anchor: both aliases become copies holding the old value
  'anchors.txt': 3,
  // a changed block scalar goes through the document; the folded scalar is re-wrapped
  'block-scalars.txt': 3,
}

test('yaml corpus has at least 10 files', () => {
  assert.ok(files.length >= 10, `${files.length} files`)
})

test('yaml: an unchanged value keeps every corpus file byte for byte', () => {
  for (const { name, text } of files)
    assert.equal(yaml.serialize(yaml.parse(text), text), text, name)
})

test('yaml: one changed value re-reads as the change; comments, tags and other lines stay', () => {
  for (const { name, text } of files) {
    const change = changeOneValue(yaml.parse(text))
    const out = yaml.serialize(change.value, text)
    assert.ok(deepEqual(yaml.parse(out), change.value), name)
    const comments = commentLines(out).map((l) => l.trim())
    for (const comment of commentLines(text))
      assert.ok(comments.includes(comment.trim()), `${name}: lost ${comment}`)
    const lost = lostLines(text, out)
    assert.ok(
      lost.length <= (ALLOWED_LOSS[name] ?? 1),
      `${name}: rewrote ${JSON.stringify(lost)}`,
    )
    const tags = (s: string): number => s.split('!secret').length
    assert.equal(tags(out), tags(text), `${name}: tags`)
    assert.equal(out.includes('\r\n'), text.includes('\r\n'), `${name}: CRLF`)
  }
})

test('yaml: changed scalars are edited in place, every other byte kept', () => {
  const text =
    '# head\r\nserver:\r\n  port:   8080   # the port\r\n  hex: 0x1F\r\n' +
    '  name: \'single\'\r\n  flow: {a: 1, b: "two"}\r\nlist: [x, y]\r\n'
  const value = yaml.parse(text) as {
    server: { port: number; hex: number; name: string; flow: { b: string } }
    list: string[]
  }
  value.server.port = 9090
  value.server.hex = 255
  value.server.name = "it's"
  value.server.flow.b = 'a, b'
  value.list[1] = 'true'
  assert.equal(
    yaml.serialize(value, text),
    '# head\r\nserver:\r\n  port:   9090   # the port\r\n  hex: 0xff\r\n' +
      '  name: \'it\'\'s\'\r\n  flow: {a: 1, b: "a, b"}\r\nlist: [x, "true"]\r\n',
  )
})

test('yaml: added, removed and resized entries keep comments, order and layout', () => {
  const text = [
    '# header',
    '',
    'keep: 1 # kept',
    'drop: 2',
    'nested:',
    '  # inside',
    '  a: 1',
    'list:',
    '- one # first',
    '- two',
    '- three',
    '',
  ].join('\n')
  const out = yaml.serialize(
    {
      keep: 1,
      nested: { a: 1, b: { c: [1] } },
      list: ['one', 'two'],
      new: 'x',
    },
    text,
  )
  assert.equal(
    out,
    [
      '# header',
      '',
      'keep: 1 # kept',
      'nested:',
      '  # inside',
      '  a: 1',
      '  b:',
      '    c:',
      '    - 1',
      'list:',
      '- one # first',
      '- two',
      'new: x',
      '',
    ].join('\n'),
  )
})

test('yaml: a four-space file gets four-space additions', () => {
  const text = 'a:\n    b: 1\n    list:\n        - x\n'
  assert.equal(
    yaml.serialize({ a: { b: 1, list: ['x', 'y'], c: { d: 1 } } }, text),
    'a:\n    b: 1\n    list:\n        - x\n        - y\n    c:\n        d: 1\n',
  )
})

test('yaml: removing the first key keeps the comment heading the file', () => {
  const text = '# file header\nfirst: 1\nsecond: 2\n'
  const out = yaml.serialize({ second: 2 }, text)
  assert.equal(out, '# file header\nsecond: 2\n')
})

test('yaml: custom tags survive scalar edits and structural edits', () => {
  const text = fixture('yaml', 'custom-tags.txt')
  const value = yaml.parse(text) as {
    database: { password: Secret }
    api: Record<string, unknown>
  }
  assert.ok(value.database.password instanceof Secret)
  value.database.password = new Secret('correcthorse')
  const edited = yaml.serialize(value, text)
  assert.match(edited, /password: !secret correcthorse # never log this\n/)
  value.api.extra = new Secret('more')
  delete value.api.url
  const restructured = yaml.serialize(value, edited)
  assert.match(restructured, /password: !secret correcthorse # never log this/)
  assert.match(restructured, /token: !secret abc123/)
  assert.match(restructured, /extra: !secret more/)
  assert.ok(deepEqual(yaml.parse(restructured), value))
  // Plain-string custom tags too.
  const stringTag = yamlFormat({
    customTags: [{ tag: '!secret', resolve: (s: string) => s }],
  })
  const v = stringTag.parse(text) as { database: { password: string } }
  v.database.password = 'new'
  assert.match(stringTag.serialize(v, text), /password: !secret new #/)
})

test('yaml: untouched anchors stay; a changed alias becomes a copy', () => {
  const text = fixture('yaml', 'anchors.txt')
  const value = structuredClone(yaml.parse(text)) as Record<string, unknown>
  const dev = value.development as { settings: { pool: number } }
  dev.settings = { ...dev.settings, pool: 50 }
  const out = yaml.serialize(value, text)
  assert.ok(deepEqual(yaml.parse(out), value))
  assert.match(out, /defaults: &defaults\n/)
  assert.match(out, /test:\n {2}database: test\n {2}settings: \*defaults\n/)
  assert.match(out, /ports: &ports \[80, 443\]\npublic: \*ports\n/)
  assert.match(out, /alias: \*name\n/)
  assert.doesNotMatch(out, /development:\n.*\n {2}settings: \*defaults/)
})

test('yaml: tricky values round-trip with no previous file', () => {
  const values: unknown[] = [
    null,
    {},
    [],
    'plain',
    {
      bools: ['true', 'no', 'yes', 'null', '~', '123', '0x10', '1e3', '.inf'],
      syntax: [
        '- dash',
        ': colon',
        '# hash',
        'a: b',
        'a #b',
        '[x]',
        '{y}',
        '*z',
      ],
      space: ['  leading', 'trailing  ', '', ' '],
      lines: ['a\nb', 'a\n', '\n\nx', 'tab\there', 'cr\rlf'],
      unicode: ['café', '😀', '日本語', '\u0000', '\u2028'],
      numbers: [0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER],
    },
    { 'key: colon': 1, '#hash': 2, '': 3, '123': 4, true: 5 },
    [[1, [2, [3]]], { a: [{ b: [{ c: null }] }] }],
  ]
  for (const value of values)
    assert.ok(
      deepEqual(plain.parse(plain.serialize(value, null)), value),
      JSON.stringify(value),
    )
  const secret = { token: new Secret('s3cr3t'), list: [new Secret('a')] }
  const written = yaml.serialize(secret, null)
  assert.match(written, /token: !secret s3cr3t/)
  assert.ok(deepEqual(yaml.parse(written), secret))
  assert.deepEqual(plain.parse(plain.serialize({ a: 1, b: undefined }, null)), {
    a: 1,
  })
})

test('yaml: with no previous file the output is YAML.stringify(value, null, { indent: 2 })', () => {
  const values: unknown[] = [
    { a: 1, b: [1, 2, { c: null }], d: 'x', e: { f: 'multi\nline\n' } },
    [{ a: 1 }, 'b'],
    'text',
    null,
    { empty: {}, list: [] },
  ]
  for (const value of values)
    assert.equal(
      plain.serialize(value, null),
      YAML.stringify(value, null, { indent: 2 }),
    )
  const four = yamlFormat({ indent: 4 })
  assert.equal(
    four.serialize({ a: { b: [1] } }, null),
    YAML.stringify({ a: { b: [1] } }, null, { indent: 4 }),
  )
})

test('yaml: options apply to reading and writing', () => {
  const v11 = yamlFormat({ version: '1.1' })
  assert.deepEqual(v11.parse('a: yes\nb: 0777\n'), { a: true, b: 511 })
  assert.deepEqual(plain.parse('a: yes\n'), { a: 'yes' })
  const text = 'a: yes # on\nb: text\n'
  assert.equal(
    v11.serialize({ a: true, b: 'new' }, text),
    'a: yes # on\nb: new\n',
  )
})

test('yaml: an unreadable previous file is replaced by a fresh rendering', () => {
  const value = { a: 1 }
  assert.equal(plain.serialize(value, 'a: [\n'), YAML.stringify(value))
})

test('yaml: syntax errors carry line and column and never give partial data', () => {
  const cases: [string, number, number][] = [
    ['a: 1\n b: 2\n', 1, 4],
    ['key: [1, 2\nother: 3\n', 2, 1],
    ['a:\n  - 1\n  b: 2\n', 3, 1],
    ['a: "unterminated\nb: 1\n', 3, 1],
    ['a: 1\na: 2\n', 2, 1],
    ['---\na: 1\n---\nb: 2\n', 3, 1],
    ['\tkey: value\n', 1, 1],
    ['ok: 1\nbad: b: c\n', 2, 6],
  ]
  for (const [text, line, column] of cases)
    assert.throws(
      () => plain.parse(text),
      (e: unknown) => {
        assert.ok(e instanceof FormatSyntaxError, JSON.stringify(text))
        assert.deepEqual({ line: e.line, column: e.column }, { line, column })
        assert.ok(e.cause instanceof YAML.YAMLParseError)
        assert.match(e.message, /^invalid YAML: /)
        return true
      },
    )
  assert.throws(() => plain.parse('x: *unknown\n'), FormatSyntaxError)
})

test('yaml: random edits of every corpus file re-read as edited', () => {
  const samples = [
    'text',
    'true',
    '- dash',
    'multi\nline\n',
    '',
    42,
    null,
    false,
    { key: 'value' },
    ['a', { b: [1] }],
    new Secret('hidden'),
  ]
  for (const { name, text } of files) {
    const next = random(name.length)
    for (let round = 0; round < 40; round++) {
      const edited = randomEdits(yaml.parse(text), next, samples, 1 + next(3))
      const out = yaml.serialize(edited, text)
      assert.ok(deepEqual(yaml.parse(out), edited), `${name}: ${out}`)
    }
  }
})
