import assert from 'node:assert/strict'
import { test } from 'node:test'
import { envFormat } from '../../../lib/file/formats'
import {
  changeOneValue,
  commentLines,
  corpus,
  fixture,
  lostLines,
  random,
  randomEdits,
} from './corpus'

const files = corpus('env')
const { parse, serialize } = envFormat

test('env corpus has at least 10 files', () => {
  assert.ok(files.length >= 10, `${files.length} files`)
})

test('env: an unchanged value keeps every corpus file byte for byte', () => {
  for (const { name, text } of files)
    assert.equal(serialize(parse(text), text), text, name)
})

test('env: one changed value is edited in place; every other line stays', () => {
  for (const { name, text } of files) {
    const change = changeOneValue(parse(text))
    const out = serialize(change.value, text)
    assert.deepEqual(parse(out), change.value, name)
    const kept = commentLines(out)
    for (const comment of commentLines(text))
      assert.ok(kept.includes(comment), `${name}: lost ${comment}`)
    const lost = lostLines(text, out)
    assert.ok(lost.length <= 1, `${name}: rewrote ${JSON.stringify(lost)}`)
    assert.equal(out.includes('\r\n'), text.includes('\r\n'), `${name}: CRLF`)
    assert.equal(out.endsWith('\n'), text.endsWith('\n'), `${name}: newline`)
  }
})

test('env: reading follows the documented rules', () => {
  assert.deepEqual(parse(fixture('env', 'quotes.txt')), {
    DOUBLE: 'hello world',
    ESCAPES: 'line1\nline2\ttab "quoted" back\\slash',
    SINGLE: 'literal \\n not escaped',
    EMBEDDED: `it's "fine"`,
    PADDED: '  spaces  ',
    UNBALANCED: '"open only',
  })
  assert.deepEqual(parse(fixture('env', 'export.txt')), {
    PATH_EXTRA: '/opt/bin',
    GREETING: 'hi there',
    PLAIN: '1',
    export: 'notprefix',
  })
  assert.deepEqual(parse(fixture('env', 'hash-in-values.txt')), {
    COLOR: '#ff0000',
    PASSWORD: 'abc#123',
    URL: 'http://x/#anchor',
    SPACED: 'value # not a comment',
  })
  assert.deepEqual(parse(fixture('env', 'crlf.txt')), {
    A: '1',
    B: 'two',
    C: '3',
  })
  assert.deepEqual(parse(fixture('env', 'duplicates.txt')), {
    KEY: 'third',
    OTHER: 'x',
  })
  assert.deepEqual(parse(fixture('env', 'spacing.txt')), {
    INDENTED: 'yes',
    SPACED: 'around equals',
    TABBED: 'tab',
  })
  assert.deepEqual(parse('A="unknown \\x escape"\n=no key\n"\n'), {
    A: 'unknown \\x escape',
  })
})

test('env: edits keep quote styles, export prefixes, spacing and line breaks', () => {
  const text =
    '# config\r\nexport A="double"\r\nB = \'single\'\r\n\r\nC=raw\r\nD=gone\r\n'
  const out = serialize(
    { A: 'new "one"', B: 'multi\nline', C: ' padded', E: 'added' },
    text,
  )
  assert.equal(
    out,
    '# config\r\nexport A="new \\"one\\""\r\nB = "multi\\nline"\r\n\r\n' +
      'C=" padded"\r\nE=added\r\n',
  )
  assert.equal(serialize({ B: 'still single' }, "B='x'"), "B='still single'")
  // No final newline stays so; new keys go after the last line.
  assert.equal(serialize({ A: '1', B: '2' }, 'A=1'), 'A=1\nB=2')
  assert.equal(serialize({ A: '1' }, ''), 'A=1')
})

test('env: a removed key loses all its lines; shadowed duplicates otherwise stay', () => {
  const text = fixture('env', 'duplicates.txt')
  assert.equal(serialize({ OTHER: 'x' }, text), 'OTHER=x\n')
  assert.equal(
    serialize({ KEY: 'fourth', OTHER: 'x' }, text),
    'KEY=first\nOTHER=x\nKEY=second\nKEY=fourth\n',
  )
})

test('env: tricky values round-trip with no previous file', () => {
  const value = {
    EQUALS: 'a=b=c',
    DOUBLE: '"quoted"',
    SINGLE: "'quoted'",
    INNER: 'say "hi" it\'s',
    NEWLINE: 'line1\nline2\r\nline3',
    LEADING: '  leading',
    TRAILING: 'trailing\t',
    HASH: '#not a comment',
    HASH_INNER: 'value # still value',
    BACKSLASH: 'C:\\path\\n',
    EMPTY: '',
    UNICODE: 'héllo 😀',
    ESCAPE_LOOKALIKE: '"\\n"',
  }
  assert.deepEqual(parse(serialize(value, null)), value)
  assert.deepEqual(parse(serialize(value, '# header\nEQUALS=old\n')), value)
})

test('env: with no previous file the output is KEY=VALUE lines joined by \\n', () => {
  assert.equal(
    serialize({ A: '1', B: 'two words', C: 'x=y', D: '#hash' }, null),
    'A=1\nB=two words\nC=x=y\nD=#hash',
  )
  assert.equal(serialize({}, null), '')
  const loose = { N: 5, T: true, U: undefined } as unknown as Record<
    string,
    string
  >
  assert.equal(serialize(loose, null), 'N=5\nT=true')
})

test('env: keys that cannot be written throw a TypeError naming the key and rule', () => {
  const cases: [string, RegExp][] = [
    ['', /"" .*empty/],
    ['A=B', /"A=B" .*contains "="/],
    ['A B', /"A B" .*whitespace/],
    ['A\nB', /"A\\nB" .*line break/],
    ['#A', /"#A" .*starts with "#"/],
  ]
  for (const [key, message] of cases) {
    assert.throws(() => serialize({ [key]: 'v' }, null), {
      name: 'TypeError',
      message,
    })
    assert.throws(() => serialize({ OK: '1', [key]: 'v' }, 'OK=1\n'), {
      name: 'TypeError',
      message,
    })
  }
})

test('env: random edits of every corpus file re-read as edited', () => {
  const samples = ['text', '', 'a=b', ' pad ', '"q"', "'s'", '#h', 'x\ny', 'é']
  for (const { name, text } of files) {
    const next = random(name.length)
    for (let round = 0; round < 40; round++) {
      const edited = randomEdits(parse(text), next, samples, 1 + next(3))
      const out = serialize(edited, text)
      assert.deepEqual(parse(out), edited, `${name}: ${out}`)
      for (const comment of commentLines(text))
        assert.ok(commentLines(out).includes(comment), `${name}: ${comment}`)
    }
  }
})
