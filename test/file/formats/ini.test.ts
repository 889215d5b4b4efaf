import assert from 'node:assert/strict'
import { test } from 'node:test'
import ini from 'ini'
import { iniFormat } from '../../../lib/file/formats'
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

const files = corpus('ini')
const format = iniFormat()
const { parse, serialize } = format

test('ini corpus has at least 10 files', () => {
  assert.ok(files.length >= 10, `${files.length} files`)
})

test('ini: an unchanged value keeps every corpus file byte for byte', () => {
  for (const { name, text } of files)
    assert.equal(serialize(parse(text), text), text, name)
})

test('ini: one changed value is edited in place; comments and other lines stay', () => {
  for (const { name, text } of files) {
    const change = changeOneValue(parse(text))
    const out = serialize(change.value, text)
    assert.ok(deepEqual(parse(out), change.value), name)
    const kept = commentLines(out, [';', '#'])
    for (const comment of commentLines(text, [';', '#']))
      assert.ok(kept.includes(comment), `${name}: lost ${comment}`)
    const lost = lostLines(text, out)
    assert.ok(lost.length <= 1, `${name}: rewrote ${JSON.stringify(lost)}`)
    assert.equal(out.includes('\r\n'), text.includes('\r\n'), `${name}: CRLF`)
  }
})

test('ini: a changed line keeps its spacing and inline comment', () => {
  const text = fixture('ini', 'inline-comments.txt')
  assert.equal(
    serialize({ net: { port: '18333', listen: '1', escaped: 'x;y#z' } }, text),
    '[net]\nport=18333 ; default port\nlisten=1 # listen for peers\nescaped=x\\;y\\#z\n',
  )
  const spaced = fixture('ini', 'spacing.txt')
  const value = parse(spaced) as { server: Record<string, string> }
  value.server.port = '8443'
  assert.equal(
    serialize(value, spaced),
    spaced.replace('port     = 443', 'port     = 8443'),
  )
})

test('ini: keys and sections are added, removed and resized by lines', () => {
  const text = fixture('ini', 'comments.txt')
  assert.equal(
    serialize(
      {
        top: 'value',
        newTop: 'x',
        section: { key: 'value', added: 'y' },
        fresh: { a: '1', list: ['x', 'y'] },
      },
      text,
    ),
    [
      '; semicolon comment',
      '# hash comment',
      'top=value',
      'newTop=x',
      '',
      '; about the section',
      '[section]',
      '; inside the section',
      'key=value',
      '  # indented comment',
      'added=y',
      '',
      '[fresh]',
      'a=1',
      'list[]=x',
      'list[]=y',
      '',
    ].join('\n'),
  )
  const arrays = fixture('ini', 'arrays.txt')
  assert.equal(
    serialize(
      { peers: { host: ['a.onion', 'z.onion'] }, ports: { open: ['80'] } },
      arrays,
    ),
    '[peers]\nhost[]=a.onion\nhost[]=z.onion\n\n[ports]\nopen[] = 80\n',
  )
  // A section that goes away takes its header and keys; top-level keys go above sections.
  assert.equal(
    serialize(
      { first: '1', database: { user: 'admin', password: 'secret' } },
      fixture('ini', 'sections.txt'),
    ),
    'first=1\n\n[database]\nuser=admin\npassword=secret\n',
  )
})

test('ini: values that read back the same keep the file', () => {
  const text = fixture('ini', 'sections.txt')
  const value = {
    server: { host: '0.0.0.0', port: 8080 },
    database: parse(text).database,
  }
  assert.equal(serialize(value, text), text)
})

test('ini: options thread through reading and writing', () => {
  const spaced = iniFormat({ whitespace: true })
  assert.equal(spaced.serialize({ s: { a: '1' } }, null), '[s]\na = 1\n')
  assert.equal(
    spaced.serialize({ s: { a: '1', b: '2' } }, '[s]\na = 1\n'),
    '[s]\na = 1\nb = 2\n',
  )
  const dupes = iniFormat({ bracketedArray: false })
  assert.deepEqual({ ...dupes.parse('a=1\na=2\n') }, { a: ['1', '2'] })
  assert.equal(
    dupes.serialize({ a: ['1', '2', '3'] }, 'a=1\na=2\n'),
    ini.encode({ a: ['1', '2', '3'] }, { bracketedArray: false }),
  )
})

test('ini: tricky values round-trip with no previous file', () => {
  const values: Record<string, unknown>[] = [
    {},
    {
      equals: 'a=b',
      padded: '  spaces  ',
      quoted: '"quoted"',
      semicolon: 'a;b',
      hash: 'a#b',
      bracket: '[not a section]',
      unicode: 'café 😀',
      empty: '',
      flag: true,
      off: false,
      nothing: null,
    },
    { section: { key: 'value', list: ['a', 'b'] }, top: 'x' },
    { a: { b: { c: { d: 'deep' } } }, 'dotted.name': { k: 'v' } },
  ]
  for (const value of values)
    assert.ok(
      deepEqual(parse(serialize(value, null)), value),
      JSON.stringify(value),
    )
  assert.deepEqual(
    {
      ...parse(serialize({ a: '1', b: undefined, s: { c: undefined } }, null)),
    },
    { a: '1' },
  )
})

test('ini: with no previous file the output is ini.encode(value)', () => {
  const value = { top: '1', s: { a: 'x', list: ['1', '2'], sub: { b: 'y' } } }
  assert.equal(serialize(value, null), ini.encode(value))
})

test('ini: random edits of every corpus file read as ini.encode would write them', () => {
  const samples = [
    'text',
    '',
    'a=b',
    ' pad ',
    'x;y',
    '[z]',
    true,
    null,
    { k: 'v' },
    ['a', 'b'],
  ]
  for (const { name, text } of files) {
    const next = random(name.length)
    for (let round = 0; round < 40; round++) {
      const edited = randomEdits(parse(text), next, samples, 1 + next(3))
      const out = serialize(edited, text)
      assert.ok(
        deepEqual(parse(out), parse(ini.encode(edited))),
        `${name}: ${out}`,
      )
    }
  }
})
