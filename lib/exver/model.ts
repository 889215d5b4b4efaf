import { compareVersions, ordering } from './compare'
import type { Ordering } from './compare'
import { bumpIndex, bumped, compareExVer, satisfiesRange } from './evaluate'
import type { RangeAtom } from './evaluate'
import { createParser } from './parser'
import type { CmpOp, PrereleaseSegment } from './grammar'
import type { ExVerParser } from './parser'
import { rangeToString } from './render'
import { collapse, minterms } from './tables'
import type { RangeBuilder, Tables } from './tables'
import { rangeTables } from './truth'

let parser: ExVerParser<Version, ExtendedVersion, VersionRange> | undefined

/** The grammar bound to these classes, built on first use so that importing costs nothing. */
function grammar(): ExVerParser<Version, ExtendedVersion, VersionRange> {
  return (parser ??= createParser<Version, ExtendedVersion, VersionRange>({
    version: (n, p) => new Version(n, p),
    extended: (f, u, d) => new ExtendedVersion(f, u, d),
    anchor: (operator, version) =>
      new VersionRange({ type: 'Anchor', operator, version }),
    and: (left, right) => new VersionRange({ type: 'And', left, right }),
    or: (left, right) => new VersionRange({ type: 'Or', left, right }),
    not: (value) => new VersionRange({ type: 'Not', value }),
    any: () => new VersionRange({ type: 'Any' }),
    none: () => new VersionRange({ type: 'None' }),
    flavor: (flavor) => new VersionRange({ type: 'Flavor', flavor }),
  }))
}

/**
 * A version: dot-separated numbers with optional prerelease elements, as in `1.2.3` or
 * `2.0.0-beta.1`.
 *
 * @example
 * ```ts
 * Version.parse('1.2.3').compare(Version.parse('1.3')) // 'less'
 * ```
 */
export class Version {
  constructor(
    /** The numbers, e.g. `[1, 2, 3]` for `1.2.3`. */
    public number: number[],
    /** The prerelease elements, e.g. `['beta', 1]` for `-beta.1`. */
    public prerelease: PrereleaseSegment[],
  ) {}

  /** The version as text, e.g. `1.2.3` or `1.0.0-beta.1`. */
  toString(): string {
    const main = this.number.join('.')
    return this.prerelease.length > 0
      ? `${main}-${this.prerelease.join('.')}`
      : main
  }

  /** Compares with `other`: numbers first (zero-padded), then a release above its prereleases. */
  compare(other: Version): Ordering {
    return ordering(compareVersions(this, other))
  }

  /** {@link compare} as `-1 | 0 | 1`, for `Array.prototype.sort`. */
  compareForSort(other: Version): -1 | 0 | 1 {
    return compareVersions(this, other)
  }

  /**
   * Parses `1.2.3` or `1.0.0-beta.1`.
   * @throws {@link ExVerParseError} naming the position where the text stops being a version.
   */
  static parse(version: string): Version {
    return grammar().version(version)
  }

  /** Whether this version, taken as unflavored `<this>:0`, satisfies the range. */
  satisfies(versionRange: VersionRange): boolean {
    return new ExtendedVersion(null, this, new Version([0], [])).satisfies(
      versionRange,
    )
  }
}

/**
 * A packaged version: `[#flavor:]upstream:downstream`, where upstream is the software's own
 * version and downstream the revision of its StartOS packaging. Versions of different
 * flavors are not comparable.
 *
 * @example
 * ```ts
 * const v = ExtendedVersion.parse('#knots:29.0:1')
 * v.satisfies(VersionRange.parse('#knots')) // true
 * ```
 */
export class ExtendedVersion {
  constructor(
    /** The flavor, e.g. `knots`, or `null` when unflavored. */
    public flavor: string | null,
    /** The version of the packaged software. */
    public upstream: Version,
    /** The revision of the package itself. */
    public downstream: Version,
  ) {}

  /** The version as text: `#flavor:upstream:downstream` or `upstream:downstream`. */
  toString(): string {
    const head = this.flavor ? `#${this.flavor}:` : ''
    return `${head}${this.upstream.toString()}:${this.downstream.toString()}`
  }

  /** Compares upstream, then downstream; `null` when the flavors differ. */
  compare(other: ExtendedVersion): Ordering | null {
    const c = compareExVer(this, other)
    return c === c ? ordering(c as -1 | 0 | 1) : null
  }

  /**
   * Like {@link compare}, but first by flavor name. Note StartOS' own rule: a flavor that
   * sorts before `other`'s falls through to {@link compare} and so yields `null`.
   */
  compareLexicographic(other: ExtendedVersion): Ordering {
    if ((this.flavor || '') > (other.flavor || '')) return 'greater'
    return this.compare(other) as Ordering
  }

  /** {@link compareLexicographic} as `-1 | 0 | 1` (`undefined` where that yields `null`). */
  compareForSort(other: ExtendedVersion): 1 | 0 | -1 {
    const c = this.compareLexicographic(other)
    return (
      c === 'greater' ? 1 : c === 'equal' ? 0 : c === 'less' ? -1 : undefined
    ) as 1 | 0 | -1
  }

  /** Whether this is newer than `other` (false across flavors). */
  greaterThan(other: ExtendedVersion): boolean {
    return compareExVer(this, other) > 0
  }

  /** Whether this is newer than or equal to `other` (false across flavors). */
  greaterThanOrEqual(other: ExtendedVersion): boolean {
    return compareExVer(this, other) >= 0
  }

  /** Whether flavor, upstream and downstream all match `other`. */
  equals(other: ExtendedVersion): boolean {
    return compareExVer(this, other) === 0
  }

  /** Whether this is older than `other` (false across flavors). */
  lessThan(other: ExtendedVersion): boolean {
    return compareExVer(this, other) < 0
  }

  /** Whether this is older than or equal to `other` (false across flavors). */
  lessThanOrEqual(other: ExtendedVersion): boolean {
    return compareExVer(this, other) <= 0
  }

  /**
   * Parses `1.2.3:0` or `#flavor:1.2.3:0`; the downstream part is required.
   * @throws {@link ExVerParseError} naming the position where the text stops being valid.
   */
  static parse(extendedVersion: string): ExtendedVersion {
    return grammar().extendedVersion(extendedVersion)
  }

  /**
   * Parses a legacy emver version `major.minor.patch[.revision]` as `major.minor.patch:revision`.
   * @throws {@link ExVerParseError}
   */
  static parseEmver(extendedVersion: string): ExtendedVersion {
    return grammar().emver(extendedVersion)
  }

  /** The next major upstream: the first non-zero number bumped, later ones zeroed, downstream `0`. */
  incrementMajor(): ExtendedVersion {
    return bumpUpstream(this, false)
  }

  /** The next minor upstream: the number after the first non-zero one bumped, later ones zeroed. */
  incrementMinor(): ExtendedVersion {
    return bumpUpstream(this, true)
  }

  /** Whether this version satisfies the range. */
  satisfies(versionRange: VersionRange): boolean {
    return satisfiesRange(this, versionRange)
  }
}

/** `v` with its upstream bumped as `^` (`minor = false`) or `~` (`minor = true`) would. */
function bumpUpstream(v: ExtendedVersion, minor: boolean): ExtendedVersion {
  const n = v.upstream.number
  const up = new Version(bumped(n, bumpIndex(n, minor)), [])
  return new ExtendedVersion(v.flavor, up, new Version([0], []))
}

/** A node of a {@link VersionRange} tree. */
export type VersionRangeAtom = RangeAtom<VersionRange, ExtendedVersion>

/** The truth tables of a range: per flavor set, where on the version line it holds. */
export type VersionRangeTables = Tables<Version>

/**
 * A set of versions, written with anchors (`>=1.0:0`, `^2.1`, `~1.2:0`, `=#knots:29.0:1`),
 * flavor atoms (`#knots`), `*` (all) and `!` (none), combined with `&&`, `||`, `!` and
 * parentheses. A bare version means `^`. `&&` and `||` have equal precedence and group
 * from the left, so `=1 || =2 && =3` reads as `(=1 || =2) && =3`.
 *
 * @example
 * ```ts
 * VersionRange.parse('>=1.0:0 && <2.0:0').satisfiedBy(ExtendedVersion.parse('1.5:0')) // true
 * ```
 */
export class VersionRange {
  constructor(public atom: VersionRangeAtom) {}

  /** {@link toString}, in parentheses where needed inside a `parent` node. */
  toStringParens(parent: 'And' | 'Or' | 'Not'): string {
    return rangeToString(this, parent)
  }

  /** The range as text, in canonical form (`*`, `!`, `#` for the unflavored set). */
  toString(): string {
    return rangeToString(this)
  }

  /**
   * Parses a range such as `>=1.0:0 && <2.0:0`, `^29 || #knots`, `!(=1.2:0)` or `*`.
   * @throws {@link ExVerParseError} naming the position where the text stops being a range.
   */
  static parse(range: string): VersionRange {
    return grammar().range(range)
  }

  /** A range of one anchor, e.g. `VersionRange.anchor('>=', ExtendedVersion.parse('1.0:0'))`. */
  static anchor(operator: CmpOp, version: ExtendedVersion): VersionRange {
    return new VersionRange({ type: 'Anchor', operator, version })
  }

  /** Every version of `flavor` (`null`: every unflavored version). */
  static flavor(flavor: string | null): VersionRange {
    return new VersionRange({ type: 'Flavor', flavor })
  }

  /** Parses a legacy emver range such as `>=1.2.3 && <2.0.0.1`. */
  static parseEmver(range: string): VersionRange {
    return grammar().emverRange(range)
  }

  /** This range and `right`. */
  and(right: VersionRange): VersionRange {
    return new VersionRange({ type: 'And', left: this, right })
  }

  /** This range or `right`. */
  or(right: VersionRange): VersionRange {
    return new VersionRange({ type: 'Or', left: this, right })
  }

  /** Every version outside this range. */
  not(): VersionRange {
    return new VersionRange({ type: 'Not', value: this })
  }

  /** The intersection of the ranges: `*` skipped, `!` returned at once, `*` when empty. */
  static and(...xs: Array<VersionRange>): VersionRange {
    return allOf(xs)
  }

  /** The union of the ranges: `!` skipped, `*` returned at once, `!` when empty. */
  static or(...xs: Array<VersionRange>): VersionRange {
    return anyOf(xs)
  }

  /** The range of every version (`*`). */
  static any(): VersionRange {
    return new VersionRange({ type: 'Any' })
  }

  /** The range of no version (`!`). */
  static none(): VersionRange {
    return new VersionRange({ type: 'None' })
  }

  /** Whether `version` is in this range (a plain {@link Version} is taken as `<version>:0`). */
  satisfiedBy(version: Version | ExtendedVersion): boolean {
    return version.satisfies(this)
  }

  /** The truth tables of this range; fresh on every call. */
  tables(): VersionRangeTables {
    return rangeTables(this)
  }

  /** Whether at least one version is in this range. */
  satisfiable(): boolean {
    return collapse(this.tables()) !== false
  }

  /** Whether some version is in both this range and `other`. */
  intersects(other: VersionRange): boolean {
    return VersionRange.and(this, other).satisfiable()
  }

  /** An equivalent range in minimal OR-of-ANDs form, e.g. `^1.2` → `>=1.2:0 && <2.0:0`. */
  normalize(): VersionRange {
    return minterms(this.tables(), build)
  }
}

const build: RangeBuilder<Version, VersionRange> = {
  any: () => VersionRange.any(),
  none: () => VersionRange.none(),
  flavor: (f) => VersionRange.flavor(f),
  notFlavor: (f) => VersionRange.flavor(f).not(),
  anchor: (op, f, up, down) =>
    VersionRange.anchor(op, new ExtendedVersion(f, up, down)),
  and: (terms) => allOf(terms),
  or: (terms) => anyOf(terms),
}

/**
 * Folds ranges left to right with `op`: the identity (`*` for and, `!` for or) is skipped,
 * the absorbing element is returned at once, and an empty list yields the identity.
 */
function fold(xs: readonly VersionRange[], op: 'And' | 'Or'): VersionRange {
  const identity = op === 'And' ? 'Any' : 'None'
  const absorbing = op === 'And' ? 'None' : 'Any'
  let y: VersionRange | undefined
  for (const x of xs) {
    if (x.atom.type === identity) continue
    if (x.atom.type === absorbing) return x
    y = y === undefined ? x : new VersionRange({ type: op, left: y, right: x })
  }
  return y ?? new VersionRange({ type: identity })
}

const allOf = (xs: readonly VersionRange[]): VersionRange => fold(xs, 'And')
const anyOf = (xs: readonly VersionRange[]): VersionRange => fold(xs, 'Or')
