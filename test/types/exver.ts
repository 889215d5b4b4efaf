/*
 * Compile-only tests of the exver literal validators. Every literal below was checked
 * against the runtime parser (`Version.parse`, `ExtendedVersion.parse`,
 * `VersionRange.parse`): a literal the runtime accepts must compile, one it rejects must
 * not. A rejected call carries `@ts-expect-error` on the line above it.
 */
import { testTypeExVer, testTypeVersion } from '../../lib/exver'
import type {
  ValidateExVer,
  ValidateExVerRange,
  ValidateExVers,
  ValidateVersion,
} from '../../lib/exver'
import type { Equal, Expect } from './helpers'

declare function versionOk<const T extends string>(t: T & ValidateVersion<T>): T
declare function exverOk<const T extends string>(t: T & ValidateExVer<T>): T
declare function rangeOk<const T extends string>(
  t: T & ValidateExVerRange<T>,
): T

/* ---------------------------------------------------------------- versions */

export type VersionResults = [
  Expect<Equal<ValidateVersion<'1.2.3'>, unknown>>,
  Expect<Equal<ValidateVersion<'1-alpha'>, unknown>>,
  Expect<Equal<ValidateVersion<'-3'>, never>>,
  Expect<Equal<ValidateVersion<'1.2.3:1'>, never>>,
  Expect<Equal<ValidateVersion<string>, never>>,
]

versionOk('1')
versionOk('12.34.56')
versionOk('007.01') // leading zeros are plain digits
versionOk('1.2-3')
versionOk('1-rc.1')
versionOk('1-beta..2') // a segment may start with one extra '.'
versionOk('1-.1')
versionOk('29.0-Beta.2.x')
versionOk('18446744073709551616.1')
testTypeVersion('1.2.3')
testTypeVersion('1-0')

// @ts-expect-error empty string
versionOk('')
// @ts-expect-error trailing '.'
versionOk('1.')
// @ts-expect-error empty number between dots
versionOk('1..2')
// @ts-expect-error '.' must be followed by digits
versionOk('1.-2')
// @ts-expect-error empty prerelease
versionOk('1-')
// @ts-expect-error trailing '.' in the prerelease
versionOk('1-a.')
// @ts-expect-error two extra dots before a segment
versionOk('1-..3')
// @ts-expect-error letters and digits in one segment
versionOk('1-alpha1')
// @ts-expect-error '_' is not part of a number
versionOk('1_000')
// @ts-expect-error a version has no flavor
testTypeVersion('#cat:1:1')
// @ts-expect-error surrounding whitespace
testTypeVersion(' 1')

/* ------------------------------------------------------- extended versions */

export type ExVerResults = [
  Expect<Equal<ValidateExVer<'1.2.3:0'>, unknown>>,
  Expect<Equal<ValidateExVer<'#knots:29.0:1'>, unknown>>,
  Expect<Equal<ValidateExVer<'1.2.3'>, never>>,
  Expect<Equal<ValidateExVer<'#Knots:1:0'>, never>>,
  Expect<Equal<ValidateExVer<string>, never>>,
  Expect<Equal<ValidateExVers<[]>, unknown[]>>,
  Expect<Equal<ValidateExVers<['1.0:0', '#knots:2:0']>, unknown[]>>,
  Expect<Equal<ValidateExVers<readonly ['1.0:0']>, unknown[]>>,
  Expect<Equal<ValidateExVers<['1.0:0', '2.0']>, never>>,
  Expect<Equal<ValidateExVers<string[]>, never[]>>,
]

exverOk('1-0:1')
exverOk('1.2.3.4.5.6.7.8.9.11.22.33:1')
exverOk('1.2.3.4.5.6.7.8.9.0.10:1')
exverOk('100:1')
exverOk('1.2.3:1.2.3')
exverOk('#:1:0') // the flavor may be empty
exverOk('#bitcoin:28.1:0-beta')
exverOk('1-a.b:2-.3')
exverOk('01:002')
testTypeExVer('1.2.3:0')
testTypeExVer('#cat:1:1')

// @ts-expect-error no downstream version
exverOk('1.2-3')
// @ts-expect-error no downstream version
exverOk('1-3')
// @ts-expect-error '.' must be followed by digits
exverOk('1.-2:1')
// @ts-expect-error empty number between dots
exverOk('1..2.3:3')
// @ts-expect-error a third ':' part
exverOk('1.2:0:0')
// @ts-expect-error flavored but no downstream version
exverOk('#knots:29.0')
// @ts-expect-error '-' is not allowed in a flavor
exverOk('#k-nots:1:0')
// @ts-expect-error digits are not allowed in a flavor
exverOk('#knots1:0')
// @ts-expect-error empty upstream version
exverOk(':1')
// @ts-expect-error empty downstream version
exverOk('1:')
// @ts-expect-error the flavor needs its '#'
exverOk('knots:1:0')
// @ts-expect-error letters after a number
testTypeExVer('1.2.3:0.x')
// @ts-expect-error uppercase flavor
testTypeExVer('#Knots:1:0')
// @ts-expect-error trailing whitespace
testTypeExVer('1:0 ')

/* ------------------------------------------------------------------ ranges */

export type RangeResults = [
  Expect<Equal<ValidateExVerRange<'>=29:0 && <30:0'>, unknown>>,
  Expect<Equal<ValidateExVerRange<'^28 || 30.x:0'>, never>>,
  Expect<Equal<ValidateExVerRange<string>, unknown>>,
]

declare const widened: string
rangeOk(widened)

rangeOk('^29')
rangeOk('>=29:0 && <30:0')
rangeOk('(>=1:0 && <2:0) || >=3:0')
rangeOk('#knots')
rangeOk('*')
rangeOk('!')
rangeOk('>=0.4.0:0 <0.5:0')
rangeOk('!=1.0:0')
rangeOk('1.2.3')
rangeOk('=1:0')
rangeOk('~1.2')
rangeOk('<= 2')
rangeOk('>\t1')
rangeOk(' 1.0:0') // leading whitespace before a version
rangeOk('!(>=1:0)')
rangeOk('! >=1')
rangeOk('!!')
rangeOk('#knots:29.0:1')
rangeOk('>=#knots:29')
rangeOk('#')
rangeOk('#knots || #bitcoin')
rangeOk('((1))')
rangeOk('( 1 )')
rangeOk('1.2-3')
rangeOk('>=1:0<2:0') // juxtaposed atoms mean "and"
rangeOk('(1)(2)')
rangeOk('*&&!')
rangeOk('1.0:0 ||\n2.0:0')
rangeOk('>=1-beta.1:0')
rangeOk('^28 || ^29')
rangeOk('#:1')

// @ts-expect-error empty range
rangeOk('')
// @ts-expect-error '-' cannot start an atom
rangeOk('-3')
// @ts-expect-error empty number between dots
rangeOk('1..2.3:3')
// @ts-expect-error '.' must be followed by digits
rangeOk('1.-2:1')
// @ts-expect-error letters in a version number
rangeOk('>=2.f')
// @ts-expect-error 'x' is not a wildcard
rangeOk('^28 || 30.x:0')
// @ts-expect-error uppercase flavor
rangeOk('#Knots:1:0')
// @ts-expect-error a third ':' part
rangeOk('1:0:0')
// @ts-expect-error trailing whitespace
rangeOk('1 ')
// @ts-expect-error leading whitespace before something other than a version
rangeOk(' *')
// @ts-expect-error operator without a version
rangeOk('>=')
// @ts-expect-error empty parentheses
rangeOk('()')
// @ts-expect-error unclosed parenthesis
rangeOk('(1')
// @ts-expect-error unopened parenthesis
rangeOk('1)')
// @ts-expect-error '||' without a right-hand side
rangeOk('1 || ')
// @ts-expect-error '||' without a left-hand side
rangeOk('|| 1')
// @ts-expect-error single '|'
rangeOk('1 | 2')
// @ts-expect-error single '&'
rangeOk('1 & 2')
// @ts-expect-error '>' and '=' must touch
rangeOk('> =1')
// @ts-expect-error an operator applies to a version, not a group
rangeOk('>= (1)')
// @ts-expect-error an operator applies to a version, not '*'
rangeOk('!=*')
// @ts-expect-error flavor prefix without a version
rangeOk('#knots:')
// @ts-expect-error an operator needs a version, not a bare flavor
rangeOk('>=#knots')
// @ts-expect-error empty prerelease
rangeOk('1-')
// @ts-expect-error not a version
rangeOk('x')
// @ts-expect-error ',' is not a separator
rangeOk('1,2')
// @ts-expect-error '|||'
rangeOk('1.0:0 ||| 2')
