import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  ExVerParseError,
  ExtendedVersion,
  Version,
  VersionRange,
} from '../../lib/exver'
import { isSdkError } from '../../lib/errors'

// [input, toString(), normalize().toString(), satisfiable()] — StartOS' own results.
// prettier-ignore
const RANGES: [string, string, string, boolean][] = [
  ['1.2.3:0', '^1.2.3:0', '>=1.2.3:0 && <2.0.0:0', true],
  ['#knots:29.0:1', '^#knots:29.0:1', '>=#knots:29.0:1 && <#knots:30.0:0', true],
  ['>=1.0:0 && <2.0:0', '>=1.0:0 && <2.0:0', '>=1.0:0 && <2.0:0', true],
  ['^1.2.3', '^1.2.3:0', '>=1.2.3:0 && <2.0.0:0', true],
  ['~1.2', '~1.2:0', '>=1.2:0 && <1.3:0', true],
  ['=1 || =2 && =3', '(=1:0 || =2:0) && =3:0', '!', false],
  ['!(>=1:1 && <= 2:2) || <=#bitcoin:1.2.0-alpha:0', '!(>=1:1 && <=2:2) || <=#bitcoin:1.2.0-alpha:0', '<1:1 || >2:2 || !# || <=#bitcoin:1.2.0-alpha:0', true],
  ['#', '#', '#', true],
  ['#foo', '#foo', '#foo', true],
  ['*', '*', '*', true],
  ['!', '!', '!', false],
  ['1.0-alpha1:0', '^1.0-alpha:0 && ^1:0', '>=1:0 && <2.0:0', true],
  [' 1', '^1:0', '>=1:0 && <2:0', true],
  ['!!1', '!!(^1:0)', '>=1:0 && <2:0', true],
  ['((1))', '^1:0', '>=1:0 && <2:0', true],
  ['^0', '^0:0', '!', false],
  ['~1', '~1:0', '!', false],
  ['>1 || <2', '>1:0 || <2:0', '#', true],
  ['=1.0.0:0 || =1.0.0:1', '=1.0.0:0 || =1.0.0:1', '=1.0.0:0 || =1.0.0:1', true],
  ['!=1.0', '!=1.0:0', '<1.0:0 || >1.0:0 || !#', true],
  ['#a && #b', '#a && #b', '!', false],
  ['!#a || >=2', '!#a || >=2:0', '!#a || >=2:0', true],
  ['1.0-alpha..1', '^1.0-alpha.1:0', '>=1.0-alpha.1:0 && <2.0:0', true],
  ['>=0.4.0:0 <0.5:0', '>=0.4.0:0 && <0.5:0', '>=0.4.0:0 && <0.5:0', true],
  ['^0.2.3', '^0.2.3:0', '>=0.2.3:0 && <0.3.0:0', true],
  ['~0.2.3', '~0.2.3:0', '>=0.2.3:0 && <0.2.4:0', true],
  ['>=#knots:29:0 && <#knots:30:0 || >=29:0 && <30:0', '((>=#knots:29:0 && <#knots:30:0) || >=29:0) && <30:0', '>=29:0 && <30:0', true],
  ['!(#knots)', '!#knots', '!#knots', true],
  ['#:1.0', '^1.0:0', '>=1.0:0 && <2.0:0', true],
  ['=1.0:0-beta', '=1.0:0-beta', '=1.0:0-beta', true],
  ['(>=1 || #x) && !=1.5', '(>=1:0 || #x) && !=1.5:0', '(>=1:0 && <1.5:0) || >1.5:0 || #x', true],
  ['<= 1.0 || > 2.0', '<=1.0:0 || >2.0:0', '<=1.0:0 || >2.0:0', true],
  ['^28.1:0 || #knots', '^28.1:0 || #knots', '(>=28.1:0 && <29.0:0) || #knots', true],
  ['>=1:0\t&&\n<2:0', '>=1:0 && <2:0', '>=1:0 && <2:0', true],
  ['!>1', '!(>1:0)', '<=1:0 || !#', true],
  ['!!', '!(!)', '*', true],
  ['*||!', '* || !', '*', true],
  ['! *', '!(*)', '!', false],
  ['~2.0.1-rc.1:3', '~2.0.1-rc.1:3', '>=2.0.1-rc.1:3 && <2.1.0:0', true],
]

// [input, offset of the error] — the same positions StartOS reports.
// prettier-ignore
const BAD_RANGES: [string, number][] = [
  ['', 0], [' ', 1], ['1 ', 2], ['1:', 2], [')', 0], ['(1', 2], ['1.', 2], ['1..2', 2],
  ['>=', 2], ['&&1', 0], ['1 &&', 4], ['1 || || 2', 5], ['#Knots:1', 1], ['1.2.3:0:0', 7],
  ['=>1', 1], ['^^1', 1], ['1-', 2], ['1-.', 3], ['x', 0], ['1.2.3-alpha_1', 11], ['(1))', 3],
  ['1 )', 2], ['#foo:', 5], ['* 1:', 4], ['!!!x', 3], ['1.0:0 &', 6], ['>=1.0:0 ||', 10],
  ['1:0-', 4], ['1.2a', 3], ['１', 0],
]

// [input, toString() or error offset, flavor]
// prettier-ignore
const EXVERS: [string, string | number, string | null][] = [
  ['1.2.3:0', '1.2.3:0', null], ['#knots:29.0:1', '#knots:29.0:1', 'knots'], ['#:1:0', '1:0', null],
  ['1.0-beta.1:0-rc.2', '1.0-beta.1:0-rc.2', null], ['1:0', '1:0', null], ['01.002:003', '1.2:3', null],
  ['1.2.3', 5, null], ['1.2.3:', 6, null], [':0', 0, null], ['#K:1:0', 1, null], ['#k:1:0:0', 6, null],
  ['1.2.3:0 ', 7, null], [' 1:0', 0, null], ['1.2.3-:0', 6, null], ['#k1:1:0', 2, null], ['1.2-3', 5, null],
  ['1-3:0', '1-3:0', null], ['1.-2:1', 2, null], ['1..2.3:3', 2, null], ['1.2.3:1.2.3', '1.2.3:1.2.3', null],
]

function parseError(fn: () => unknown): ExVerParseError {
  try {
    fn()
  } catch (e) {
    assert.ok(
      e instanceof ExVerParseError,
      `expected ExVerParseError, got ${String(e)}`,
    )
    return e
  }
  assert.fail('expected the parse to throw')
}

describe('VersionRange.parse', () => {
  for (const [input, text, normal, satisfiable] of RANGES) {
    test(`reads ${JSON.stringify(input)}`, () => {
      const r = VersionRange.parse(input)
      assert.equal(r.toString(), text)
      assert.equal(r.normalize().toString(), normal)
      assert.equal(r.satisfiable(), satisfiable)
      assert.equal(
        VersionRange.parse(text).toString(),
        text,
        'toString round-trips',
      )
    })
  }
  for (const [input, offset] of BAD_RANGES) {
    test(`refuses ${JSON.stringify(input)} at ${offset}`, () => {
      const e = parseError(() => VersionRange.parse(input))
      assert.equal(e.offset, offset)
      assert.equal(e.input, input)
      assert.equal(e.rule, 'VersionRange')
      assert.equal(e.code, 'EXVER_PARSE')
      assert.ok(isSdkError(e, 'EXVER_PARSE'))
      assert.ok(e.expected.length > 0)
      assert.match(e.message, new RegExp(`at position ${offset}, found `))
    })
  }
})

describe('ExtendedVersion.parse', () => {
  for (const [input, result, flavor] of EXVERS) {
    test(`${typeof result === 'number' ? 'refuses' : 'reads'} ${JSON.stringify(input)}`, () => {
      if (typeof result === 'number') {
        const e = parseError(() => ExtendedVersion.parse(input))
        assert.equal(e.offset, result)
        assert.equal(e.rule, 'ExtendedVersion')
      } else {
        const v = ExtendedVersion.parse(input)
        assert.equal(v.toString(), result)
        assert.equal(v.flavor, flavor)
        assert.ok(v.upstream instanceof Version)
      }
    })
  }
  test('keeps the field layout StartOS hands across SDK copies', () => {
    const v = ExtendedVersion.parse('#knots:1.2-beta.3:4')
    assert.deepEqual(JSON.parse(JSON.stringify(v)), {
      flavor: 'knots',
      upstream: { number: [1, 2], prerelease: ['beta', 3] },
      downstream: { number: [4], prerelease: [] },
    })
    assert.deepEqual(Object.keys(VersionRange.parse('>=1:0')), ['atom'])
    assert.deepEqual(Object.keys(VersionRange.parse('>=1:0').atom), [
      'type',
      'operator',
      'version',
    ])
  })
  test('reads emver', () => {
    assert.equal(ExtendedVersion.parseEmver('1.2.3').toString(), '1.2.3:0')
    assert.equal(ExtendedVersion.parseEmver('1.2.3.4').toString(), '1.2.3:4')
    assert.equal(
      parseError(() => ExtendedVersion.parseEmver('1.2')).rule,
      'Emver',
    )
    assert.equal(
      VersionRange.parseEmver('>=1.2.3 <2.0.0.1').toString(),
      '>=1.2.3:0 && <2.0.0:1',
    )
    assert.equal(parseError(() => VersionRange.parseEmver('#foo')).offset, 0)
  })
})

describe('Version.parse', () => {
  // prettier-ignore
  const cases: [string, string | number][] = [
    ['1', '1'], ['1.2.3', '1.2.3'], ['1.0.0-beta.1', '1.0.0-beta.1'], ['2-rc..1', '2-rc.1'],
    ['0001', '1'], ['1-a.b.c', '1-a.b.c'], ['-1', 0], ['1.', 2], ['1-', 2], ['a', 0], ['1:0', 1],
  ]
  for (const [input, result] of cases) {
    test(`${typeof result === 'number' ? 'refuses' : 'reads'} ${JSON.stringify(input)}`, () => {
      if (typeof result === 'number') {
        assert.equal(parseError(() => Version.parse(input)).offset, result)
      } else {
        assert.equal(Version.parse(input).toString(), result)
      }
    })
  }
})

describe('ExVerParseError', () => {
  test('says what was expected, where, and how to write it', () => {
    const e = parseError(() => ExtendedVersion.parse('1.2.3'))
    assert.equal(
      e.message,
      'Invalid extended version "1.2.3": expected "-", ".", ":" or a digit at position 5, found the end of the input; an extended version is [#flavor:]upstream:downstream, e.g. "1.2.3:0" or "#knots:29.0:1"',
    )
    assert.deepEqual(e.expected, ['"-"', '"."', '":"', 'a digit'])
    assert.equal(e.found, null)
  })
  test('shows a window of a long input, not all of it', () => {
    const input = `${'1 || '.repeat(2000)}x`
    const e = parseError(() => VersionRange.parse(input))
    assert.equal(e.offset, input.length - 1)
    assert.ok(e.message.length < 400, e.message)
    assert.match(e.message, /\(10001 characters\)/)
  })
  test('refuses a non-string with a clear error', () => {
    const e = parseError(() => VersionRange.parse(42 as unknown as string))
    assert.equal(e.offset, 0)
    assert.match(e.message, /expected a string/)
  })
})
