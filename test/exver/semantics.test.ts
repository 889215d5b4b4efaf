import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { ExtendedVersion, Version, VersionRange } from '../../lib/exver'

const ev = (s: string): ExtendedVersion => ExtendedVersion.parse(s)
const vr = (s: string): VersionRange => VersionRange.parse(s)

// [version, range, satisfied] — StartOS' own answers, quirks included.
// prettier-ignore
const SATISFIES: [string, string, boolean][] = [
  ['1.5:0', '>=1.0:0 && <2.0:0', true], ['2.0:0', '>=1.0:0 && <2.0:0', false],
  ['1.0:0', '^1', true], ['1.9.9:9', '^1', true], ['2.0:0', '^1', false],
  ['0.2.5:0', '^0.2.3', true], ['0.3.0:0', '^0.2.3', false], ['0.2.4:0', '~0.2.3', false],
  ['0.2.3:5', '~0.2.3', true], ['1.0:0', '^0', false], ['0:0', '^0', false], ['1.0:0', '~1', false],
  ['#knots:29.1:0', '^29', false], ['#knots:29.1:0', '#knots', true],
  ['#knots:29.1:0', '#knots && >=29:0', false], ['#knots:29.1:0', '>=#knots:29:0', true],
  ['29.1:0', '#', false], ['29.1:0', '!#knots', true], ['1.0-beta:0', '<1.0:0', true],
  ['1.0-beta.2:0', '>1.0-beta.1:0', true], ['1.0-beta:0', '>1.0-1:0', false],
  ['1.0-1:0', '>1.0-beta:0', false], ['1.0-a.1:0', '>1.0-a:0', true], ['1.0.0:0', '=1:0', true],
  ['1:1', '=1:0', false], ['1:1', '!=1:0', true], ['#a:1:0', '!=1:0', true],
  ['#a:1:0', '=#a:1.0:0', true], ['5:0', '*', true], ['5:0', '!', false],
  ['5:0', '!(>=1 && <3)', true], ['2:0', '!(>=1 && <3)', false], ['2:0', '=1 || =2 && =3', false],
  ['1.2.3:0', '1.2.3:0', true], ['1:0', '<=1.0.0:0', true], ['1.0.1:0', '<=1.0.0:0', false],
  ['#:1:0', '#', false], ['1.0:0-beta', '<1.0:0', true], ['1.0:0-beta', '=1.0:0-beta', true],
  ['1.0:1', '^1.0:0-beta', true],
]

// [a, b, compare, compareLexicographic, compareForSort]
// prettier-ignore
const COMPARE: [string, string, string | null, string | null, number | null][] = [
  ['1:0', '1.0.0:0', 'equal', 'equal', 0], ['1:0', '1:1', 'less', 'less', -1],
  ['1.0-beta:0', '1.0:0', 'less', 'less', -1], ['1.0-beta:0', '1.0-alpha:0', 'greater', 'greater', 1],
  ['1.0-1:0', '1.0-a:0', 'less', 'less', -1], ['1.0-a:0', '1.0-1:0', 'less', 'less', -1],
  ['1.0-a.1:0', '1.0-a:0', 'greater', 'greater', 1], ['1.0-1.a:0', '1.0-1.2:0', 'greater', 'greater', 1],
  ['1.0-a.1:0', '1.0-a.b:0', 'less', 'less', -1], ['#a:1:0', '#b:1:0', null, null, null],
  ['#b:1:0', '#a:1:0', null, 'greater', 1], ['#a:1:0', '1:0', null, 'greater', 1],
  ['1:0', '#a:1:0', null, null, null], ['2:0', '10:0', 'less', 'less', -1],
  ['1.0-2:0', '1.0-10:0', 'less', 'less', -1],
]

// prettier-ignore
const INCREMENT: [string, string, string][] = [
  ['1.2.3:4', '2.0.0:0', '1.3.0:0'], ['0.2.3:0', '0.3.0:0', '0.2.4:0'], ['0.0.0:1', '0.0.0:0', '0.0.0:0'],
  ['0:0', '0:0', '0:0'], ['1:0', '2:0', '1:0'], ['#f:0.0.7-rc.1:2', '#f:0.0.8:0', '#f:0.0.7:0'],
]

// prettier-ignore
const INTERSECTS: [string, string, boolean][] = [
  ['>=1:0 && <2:0', '>=1.5:0', true], ['<1:0', '>=1:0', false], ['<=1:0', '>=1:0', true],
  ['#a', '#b', false], ['#a', '*', true], ['^1', '^2', false], ['!#a', '#a', false], ['!', '*', false],
  ['=1.0:0', '=1:0', true],
]

describe('satisfies', () => {
  for (const [v, r, expected] of SATISFIES) {
    test(`${v} ${expected ? 'is in' : 'is not in'} ${r}`, () => {
      assert.equal(ev(v).satisfies(vr(r)), expected)
      assert.equal(vr(r).satisfiedBy(ev(v)), expected)
      // The normalized range holds for exactly the same versions.
      assert.equal(ev(v).satisfies(vr(r).normalize()), expected)
    })
  }
  test('a plain Version is taken as unflavored <version>:0', () => {
    assert.equal(Version.parse('1.5').satisfies(vr('>=1.5:0 && <1.5:1')), true)
    assert.equal(vr('#knots').satisfiedBy(Version.parse('1')), false)
  })
})

describe('compare', () => {
  for (const [a, b, cmp, lex, sort] of COMPARE) {
    test(`${a} vs ${b}`, () => {
      assert.equal(ev(a).compare(ev(b)), cmp)
      assert.equal(ev(a).compareLexicographic(ev(b)) ?? null, lex)
      assert.equal(ev(a).compareForSort(ev(b)) ?? null, sort)
      assert.equal(ev(a).equals(ev(b)), cmp === 'equal')
      assert.equal(ev(a).greaterThan(ev(b)), cmp === 'greater')
      assert.equal(ev(a).lessThan(ev(b)), cmp === 'less')
      assert.equal(
        ev(a).greaterThanOrEqual(ev(b)),
        cmp === 'greater' || cmp === 'equal',
      )
      assert.equal(
        ev(a).lessThanOrEqual(ev(b)),
        cmp === 'less' || cmp === 'equal',
      )
    })
  }
  test('Version.compareForSort sorts numerically with prereleases first', () => {
    const sorted = ['1.10', '1.2', '1.2-rc.1', '1.2-beta', '0.9'].map((s) =>
      Version.parse(s),
    )
    sorted.sort((a, b) => a.compareForSort(b))
    assert.deepEqual(
      sorted.map((v) => v.toString()),
      ['0.9', '1.2-beta', '1.2-rc.1', '1.2', '1.10'],
    )
  })
})

describe('increments', () => {
  for (const [v, major, minor] of INCREMENT) {
    test(`${v} → ${major} / ${minor}`, () => {
      assert.equal(ev(v).incrementMajor().toString(), major)
      assert.equal(ev(v).incrementMinor().toString(), minor)
    })
  }
})

describe('intersects', () => {
  for (const [a, b, expected] of INTERSECTS) {
    test(`${a} ${expected ? 'meets' : 'misses'} ${b}`, () => {
      assert.equal(vr(a).intersects(vr(b)), expected)
      assert.equal(vr(b).intersects(vr(a)), expected)
    })
  }
})

describe('builders', () => {
  test('and/or absorb * and !', () => {
    const a = vr('>=1:0')
    assert.equal(VersionRange.and().toString(), '*')
    assert.equal(VersionRange.or().toString(), '!')
    assert.equal(VersionRange.and(VersionRange.any(), a).toString(), '>=1:0')
    assert.equal(VersionRange.and(a, VersionRange.none(), a).toString(), '!')
    assert.equal(
      VersionRange.or(VersionRange.none(), a, vr('<0:0')).toString(),
      '>=1:0 || <0:0',
    )
    assert.equal(VersionRange.or(a, VersionRange.any()).toString(), '*')
  })
  test('instance and/or/not build nodes and print with parentheses where needed', () => {
    const r = vr('>=1:0').or(vr('#x')).and(vr('<2:0').not())
    assert.equal(r.toString(), '(>=1:0 || #x) && !(<2:0)')
    assert.equal(VersionRange.flavor(null).toString(), '#')
    assert.equal(VersionRange.anchor('~', ev('1.2:3')).toString(), '~1.2:3')
    assert.equal(
      vr(r.toString()).normalize().toString(),
      r.normalize().toString(),
    )
  })
  test('tables() is fresh on every call', () => {
    const r = vr('!=1:0')
    assert.notEqual(r.tables(), r.tables())
    assert.equal(r.normalize().toString(), r.normalize().toString())
  })
})
