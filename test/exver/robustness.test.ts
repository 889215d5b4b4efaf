import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  ExVerParseError,
  ExtendedVersion,
  MAX_INPUT_LENGTH,
  MAX_RANGE_DEPTH,
  Version,
  VersionRange,
} from '../../lib/exver'

const MB = 1 << 20
const parsers = {
  range: (s: string) => VersionRange.parse(s),
  extended: (s: string) => ExtendedVersion.parse(s),
  version: (s: string) => Version.parse(s),
  emverRange: (s: string) => VersionRange.parseEmver(s),
}

/** Asserts that every parser refuses `input` with an ExVerParseError inside the input. */
function refusedEverywhere(input: string): void {
  for (const [name, parse] of Object.entries(parsers)) {
    assert.throws(
      () => parse(input),
      (e: unknown) =>
        e instanceof ExVerParseError &&
        e.offset >= 0 &&
        e.offset <= input.length,
      name,
    )
  }
}

// A hang guard only: speed is measured by `npm run bench`, not here.
const guard = { timeout: 20_000 }

describe('hostile input', () => {
  // prettier-ignore
  const inputs: [string, string][] = [
    ['1 MiB of "("', '('.repeat(MB)],
    ['10k unbalanced "("', `${'('.repeat(10_000)}1`],
    ['10k unbalanced ")"', `1${')'.repeat(10_000)}`],
    ['5k "!("', `${'!('.repeat(5_000)}1`],
    ['1 MiB of "!"', '!'.repeat(MB)],
    ['1 MiB of "!" then x', `${'!'.repeat(MB)}x`],
    ['1 MiB of digits', '9'.repeat(MB)],
    ['1 MiB of spaces', ` ${' '.repeat(MB)}`],
    ['1 MiB valid-looking range', Array(MB / 8).fill('>=1.0:0').join('||')],
    ['unicode look-alikes', '≥１.０:０ && ＜２'],
    ['astral characters', '😀1.0:0'],
    ['lone surrogates', '\ud800\udc00\ud800'],
    ['NUL and control bytes', '1.0\u0000:0\u0001'],
    ['every UTF-16 code unit', Array.from({ length: 65_536 }, (_, i) => String.fromCharCode(i)).join('')],
  ]
  for (const [name, input] of inputs) {
    test(`refuses ${name} with a positioned error`, guard, () =>
      refusedEverywhere(input),
    )
  }

  test(
    `refuses nesting deeper than ${MAX_RANGE_DEPTH}, naming where`,
    guard,
    () => {
      const deep = `${'('.repeat(MAX_RANGE_DEPTH + 1)}1${')'.repeat(MAX_RANGE_DEPTH + 1)}`
      const e = assert.throws(() => VersionRange.parse(deep), ExVerParseError)
      void e
      try {
        VersionRange.parse(deep)
      } catch (err) {
        assert.ok(err instanceof ExVerParseError)
        assert.equal(err.offset, MAX_RANGE_DEPTH)
        assert.match(err.message, /at most 1000 nested groups or negations/)
      }
      const ok = `${'('.repeat(MAX_RANGE_DEPTH)}1${')'.repeat(MAX_RANGE_DEPTH)}`
      assert.equal(VersionRange.parse(ok).toString(), '^1:0')
    },
  )

  test(
    `refuses inputs over ${MAX_INPUT_LENGTH} characters at once`,
    guard,
    () => {
      const long = `1${' || 1'.repeat(MAX_INPUT_LENGTH / 5 + 1)}`
      try {
        VersionRange.parse(long)
        assert.fail('expected a refusal')
      } catch (err) {
        assert.ok(err instanceof ExVerParseError)
        assert.equal(err.offset, MAX_INPUT_LENGTH)
      }
    },
  )
})

describe('long but valid ranges', () => {
  test(
    'a range at the length limit parses, prints, matches and normalizes',
    guard,
    () => {
      let text = '=0.0:0'
      for (let i = 1; text.length + 20 < MAX_INPUT_LENGTH; i++) {
        text += ` || =${i}.${i % 7}:0`
      }
      assert.ok(text.length <= MAX_INPUT_LENGTH)
      const r = VersionRange.parse(text)
      assert.equal(r.toString(), text)
      assert.equal(r.satisfiedBy(ExtendedVersion.parse('5.5:0')), true)
      assert.equal(r.satisfiedBy(ExtendedVersion.parse('5.6:0')), false)
      assert.equal(r.satisfiable(), true)
    },
  )

  test('built chains of 200k nodes are safe for the stack', guard, () => {
    const parts = Array.from({ length: 200_000 }, (_, i) =>
      VersionRange.anchor(i % 2 ? '>=' : '<', ExtendedVersion.parse(`${i}:0`)),
    )
    const anyOf = parts.reduce((a, b) => a.or(b))
    const allOf = parts.reduce((a, b) => a.and(b))
    assert.equal(
      VersionRange.or(...parts.slice(0, 50_000)).toString(),
      anyOf
        .toString()
        .slice(0, VersionRange.or(...parts.slice(0, 50_000)).toString().length),
    )
    const v = ExtendedVersion.parse('3:0')
    assert.equal(anyOf.satisfiedBy(v), true)
    assert.equal(allOf.satisfiedBy(v), false)
    assert.ok(anyOf.toString().startsWith('<0:0 || >=1:0 || <2:0'))
    assert.equal(allOf.satisfiable(), false)
    let negated = VersionRange.any()
    for (let i = 0; i < 100_000; i++) negated = negated.not()
    assert.equal(negated.satisfiedBy(v), true)
    assert.equal(negated.satisfiable(), true)
  })
})

describe('fuzz', () => {
  test('30k random strings: only ExVerParseError ever escapes', guard, () => {
    let seed = 0x5eed
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed % n
    }
    const alphabet = '0123456789.:-#!*()&|<>=^~ \tabzAZ_\u00e9\ud83d'
    let parsed = 0
    for (let i = 0; i < 30_000; i++) {
      const len = rand(24)
      let s = ''
      for (let j = 0; j < len; j++) s += alphabet[rand(alphabet.length)]
      for (const parse of Object.values(parsers)) {
        try {
          const r = parse(s)
          parsed++
          if (r instanceof VersionRange) {
            r.normalize()
            r.satisfiedBy(ExtendedVersion.parse('1.0:0'))
          }
        } catch (e) {
          if (!(e instanceof ExVerParseError)) throw e
        }
      }
    }
    assert.ok(
      parsed > 100,
      `only ${parsed} strings parsed: the fuzzer is not reaching the grammar`,
    )
  })
})
