/*
 * `getDefaultString` and the charset syntax, against the reference's `getDefaultString`:
 * the same characters for every accepted charset, the same charsets refused (ours with an
 * SdkError naming the charset), weights by repetition, and the requested length.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { utils } from 'start-sdk-reference'
import { isSdkError } from '../../lib/errors'
import { getDefaultString, getRandomString } from '../../lib/input'
import { charsetCharacters } from '../../lib/input/randomString'

/** The characters a charset can produce, sorted, or `null` when it is refused. */
function reachable(generate: () => string): string | null {
  const seen = new Set<string>()
  try {
    for (let i = 0; i < 400; i++) for (const c of generate()) seen.add(c)
  } catch {
    return null
  }
  return [...seen].sort().join('')
}

const charsets = [
  'a-z',
  'a-z,A-Z,0-9',
  'a,b,c',
  'a-c,x',
  '-',
  'a-',
  '--',
  '---',
  ',',
  ',,',
  'a,,',
  'a-c,',
  'a-c,-',
  '!-/',
  ',-.',
  '-,a',
  'a-a',
  'a-b,,',
  '0-9,a-f,-,_',
  ' ',
  'é-ë',
  'abc',
  '-a',
  'a,,b',
  'z-a',
  'ab-de',
  'a - c',
  'a--',
  'a-c-d',
  ',a',
  '-z',
  '',
]

test('getDefaultString: the same characters as the reference for every charset', () => {
  for (const charset of charsets) {
    const spec = { charset, len: 8 }
    assert.equal(
      reachable(() => getDefaultString(spec)),
      reachable(() => utils.getDefaultString(spec)),
      JSON.stringify(charset),
    )
  }
})

test('getDefaultString: a refused charset is an SdkError naming it and the syntax', () => {
  for (const charset of ['abc', 'z-a', '']) {
    assert.throws(
      () => getDefaultString({ charset, len: 4 }),
      (e: unknown) =>
        isSdkError(e) &&
        e.message.includes(JSON.stringify(charset)) &&
        e.message.includes('"a-z,A-Z,0-9,_"'),
    )
  }
  assert.throws(() => charsetCharacters('z-a'), /the range z-a runs backwards/)
  assert.throws(() => charsetCharacters('ab'), /unexpected "b"/)
})

test('getDefaultString: strings pass through; recipes give len characters', () => {
  assert.equal(getDefaultString('admin'), 'admin')
  assert.equal(getDefaultString({ charset: 'a-z', len: 0 }), '')
  const s = getRandomString({ charset: 'a-z,0-9', len: 64 })
  assert.match(s, /^[a-z0-9]{64}$/)
  assert.notEqual(s, getRandomString({ charset: 'a-z,0-9', len: 64 }))
})

test('getDefaultString: a character listed several times is drawn that much more often', () => {
  const counts = { a: 0, b: 0 }
  for (const c of getRandomString({ charset: 'a,a,a,b', len: 4000 }))
    counts[c as 'a' | 'b']++
  assert.ok(counts.a > 2600 && counts.a < 3400, JSON.stringify(counts))
  assert.deepEqual(charsetCharacters('a,a-b'), ['a', 'a', 'b'])
})
