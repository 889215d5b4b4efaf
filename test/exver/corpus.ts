import type { VersionRange } from '../../lib/exver'
/**
 * A deterministic generator of exver inputs — versions, extended versions, ranges, emver
 * strings, valid and near-valid — shared by the differential test and the benchmarks.
 * Everything derives from one seed, so a failing case can be reproduced exactly.
 */

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class Rng {
  private readonly next: () => number

  constructor(seed: number) {
    this.next = mulberry32(seed)
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next()
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T
  }
}

export const DEFAULT_SEED = 0x5eed_2009

const OPS = ['>=', '<=', '>', '<', '=', '!=', '^', '~', ''] as const
const FLAVORS = ['knots', 'a', 'bitcoin', 'x', 'core', 'abc', 'zz'] as const
const PRERELEASES = [
  '-alpha',
  '-beta.1',
  '-rc..2',
  '-alpha1',
  '-1a',
  '-0',
  '-rc.1',
  '-beta',
  '-Alpha.2',
  '-a.b.c',
  '-rc.10',
  '-beta.0',
] as const
const WHITESPACE = [' ', ' ', ' ', '  ', '\t', '\n', '\r\n', ' \t '] as const
const GARBAGE = [
  ...'&|()!#:.-<>=^~*,;/\\_+@$%?[]{}"\'`0123456789azAZ \t\n\r',
  'é',
  'ß',
  '→',
  '😀',
  '\u0000',
  '\u00a0',
  '\u2028',
  '\ufeff',
  'Ａ',
  '١',
] as const

/** Options for number generation: `small` keeps numbers in a tiny range so pairs collide. */
interface NumOpts {
  small?: boolean
  /** Stay inside the grammar (no missing/extra downstream, no stray whitespace). */
  valid?: boolean
}

export class ExVerGen {
  constructor(private readonly r: Rng) {}

  /** One version number: small, zero, leading zeros or a long (>15-digit) digit run. */
  num(o: NumOpts = {}): string {
    const r = this.r
    if (o.small) {
      if (r.chance(0.05)) return '0' + String(r.int(4))
      return String(r.pick([0, 0, 1, 1, 1, 2, 2, 3, 10]))
    }
    const k = r.int(100)
    if (k < 20) return '0'
    if (k < 70) return String(r.int(12))
    if (k < 82) return String(r.int(1000))
    if (k < 88) return '0'.repeat(r.between(1, 3)) + String(r.int(100))
    if (k < 94) {
      let s = String(r.between(1, 9))
      const n = r.between(15, 25)
      while (s.length < n) s += String(r.int(10))
      return s
    }
    return r.pick([
      '9007199254740991',
      '9007199254740993',
      '18446744073709551616',
      '4294967296',
    ])
  }

  prerelease(o: NumOpts = {}): string {
    const r = this.r
    if (r.chance(o.small ? 0.8 : 0.6)) return ''
    if (!o.valid && r.chance(0.7)) return r.pick(PRERELEASES)
    const parts: string[] = []
    const n = r.between(1, 3)
    for (let i = 0; i < n; i++) {
      // Mixed letter/digit elements (`alpha1`, `1a`) are outside the grammar.
      const k = r.int(o.valid ? 2 : 4)
      if (k === 0) parts.push(this.num(o))
      else if (k === 1)
        parts.push(r.pick(['alpha', 'beta', 'rc', 'pre', 'B', 'dev']))
      else if (k === 2) parts.push(r.pick(['alpha', 'rc', 'b']) + this.num(o))
      else parts.push(this.num(o) + r.pick(['a', 'rc', 'x']))
    }
    const sep = r.chance(0.15) ? '..' : '.'
    return '-' + parts.join(sep)
  }

  /** A plain version, `1.2.3-beta.1`. */
  version(o: NumOpts = {}): string {
    const r = this.r
    const n = o.small ? r.between(1, 3) : r.pick([1, 1, 2, 2, 3, 3, 3, 4, 5, 7])
    const xs: string[] = []
    for (let i = 0; i < n; i++) xs.push(this.num(o))
    return xs.join('.') + this.prerelease(o)
  }

  flavor(): string {
    const r = this.r
    if (r.chance(0.75)) return r.pick(FLAVORS)
    let s = ''
    const n = r.between(1, 6)
    for (let i = 0; i < n; i++) s += String.fromCharCode(97 + r.int(26))
    return s
  }

  /** A syntactically valid extended version, `[#flavor:]upstream:downstream`. */
  extendedVersion(o: NumOpts = {}): string {
    const r = this.r
    const head = r.chance(0.25)
      ? `#${this.flavor()}:`
      : r.chance(0.03)
        ? '#:'
        : ''
    const down = r.chance(0.6) ? '0' : this.version(o)
    return `${head}${this.version(o)}:${down}`
  }

  /** An anchor's version spec: `[#flavor:]upstream[:downstream]`, sometimes odd. */
  versionSpec(o: NumOpts = {}): string {
    const r = this.r
    const k = r.int(100)
    const head = k < 20 ? `#${this.flavor()}:` : k < 23 ? '#:' : ''
    const up = this.version(o)
    const j = r.int(100)
    if (j < 40) return `${head}${up}`
    if (j < 90 || o.valid)
      return `${head}${up}:${r.chance(0.6) ? '0' : this.version(o)}`
    if (j < 95) return `${head}${up}:` // missing downstream
    return `${head}${up}:${this.version(o)}:${this.num(o)}` // extra downstream
  }

  ws(): string {
    const r = this.r
    return r.chance(0.5) ? '' : r.pick(WHITESPACE)
  }

  /** One range atom: anchor, flavor atom, `*`, `!`, `!atom` or a parenthesised range. */
  atom(depth: number, o: NumOpts = {}): string {
    const r = this.r
    const k = r.int(100)
    if (k < 60 || depth > 3) {
      if (k < 5) return '*'
      if (k < 8) return '!'
      if (k < 14) return r.chance(0.25) ? '#' : `#${this.flavor()}`
      const op = r.pick(OPS)
      return `${op}${r.chance(0.1) && !o.valid ? this.ws() : ''}${this.versionSpec(o)}`
    }
    if (k < 75) return `!${this.ws()}${this.atom(depth + 1, o)}`
    return `(${this.ws()}${this.range(depth + 1, o)}${this.ws()})`
  }

  /** A range: atoms joined by `&&`, `||` or juxtaposition, with odd whitespace. */
  range(depth = 0, o: NumOpts = {}): string {
    const r = this.r
    const n =
      depth === 0 ? r.pick([1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8]) : r.between(1, 3)
    let s = this.atom(depth, o)
    for (let i = 1; i < n; i++) {
      const k = r.int(10)
      const join = k < 4 ? '&&' : k < 8 ? '||' : ''
      const before = join === '' ? r.pick(WHITESPACE) : this.ws()
      s += `${before}${join}${join === '' ? '' : this.ws()}${this.atom(depth, o)}`
    }
    return s
  }

  /** A range wrapped in leading/trailing whitespace now and then. */
  topRange(o: NumOpts = {}): string {
    const r = this.r
    const s = this.range(0, o)
    if (o.valid || !r.chance(0.15)) return s
    return `${r.pick(WHITESPACE)}${s}${r.chance(0.5) ? r.pick(WHITESPACE) : ''}`
  }

  emver(): string {
    const r = this.r
    const n = r.chance(0.6) ? 3 : 4
    const xs: string[] = []
    for (let i = 0; i < n; i++) xs.push(this.num())
    return xs.join('.')
  }

  emverRange(depth = 0): string {
    const r = this.r
    const n = depth === 0 ? r.between(1, 4) : r.between(1, 2)
    const atom = (): string => {
      const k = r.int(100)
      if (k < 5) return '*'
      if (k < 8) return '!'
      if (k < 18 && depth < 2) return `!${this.emverRange(depth + 1)}`
      if (k < 28 && depth < 2)
        return `(${this.ws()}${this.emverRange(depth + 1)}${this.ws()})`
      return `${r.pick(OPS)}${this.emver()}`
    }
    let s = atom()
    for (let i = 1; i < n; i++) {
      const join = r.pick(['&&', '||', ''])
      s += `${join === '' ? r.pick(WHITESPACE) : this.ws()}${join}${join === '' ? '' : this.ws()}${atom()}`
    }
    return s
  }

  /** Inserts, deletes, duplicates, swaps or truncates at random positions; unbalances parens. */
  mutate(s: string): string {
    const r = this.r
    const edits = r.between(1, 3)
    let out = s
    for (let e = 0; e < edits; e++) {
      const p = r.int(out.length + 1)
      const k = r.int(100)
      if (k < 35) out = out.slice(0, p) + r.pick(GARBAGE) + out.slice(p)
      else if (k < 60) out = out.slice(0, p) + out.slice(p + 1)
      else if (k < 70) out = out.slice(0, p) + out.charAt(p) + out.slice(p)
      else if (k < 78 && p + 1 < out.length) {
        out =
          out.slice(0, p) + out.charAt(p + 1) + out.charAt(p) + out.slice(p + 2)
      } else if (k < 84) out = out.slice(0, p)
      else if (k < 92) {
        const i = out.indexOf(')')
        out = i >= 0 ? out.slice(0, i) + out.slice(i + 1) : '(' + out
      } else
        out =
          out.slice(0, p) +
          r.pick(['(', ')', '&&', '||', '!', '#', ':']) +
          out.slice(p)
    }
    return out
  }
}

/** Fixed inputs covering edge cases a random walk reaches rarely. */
export const HAND_RANGES: readonly string[] = [
  '>=29.0:0 && <30.0:0',
  '#knots:29.0:1',
  '^28.1:0 || #knots',
  '>=0.4.0:0',
  '>=1.0.0:0 && <2.0.0:0',
  '^1.2:0',
  '~1.2.3:0',
  '=1.0:0',
  '!=1.0:0',
  '*',
  '!',
  '!*',
  '!!',
  '#',
  '#:',
  '#:1',
  '#:1:0',
  '#a:',
  '#knots:',
  '#knots:1:0:0',
  '1:',
  '1:0:0',
  '',
  ' ',
  '\t',
  '\n',
  ' * ',
  '()',
  '(*)',
  '((*))',
  '(*',
  '*)',
  '* *',
  '**',
  '*!',
  '!(',
  '!()',
  '&&',
  '||',
  '* &&',
  '|| *',
  '* && && *',
  '*&&*',
  '*||*',
  '* & *',
  '* | *',
  '>=1 <2',
  '>=1\t&&\n<2',
  '>= 1',
  '> =1',
  '>==1',
  '=>1',
  '<>1',
  '!==1',
  '^^1',
  '~^1',
  '1.',
  '1..2',
  '.1',
  '1.2.',
  '-1',
  '1-',
  '1-alpha',
  '1.0-beta.1:0',
  '1.0-rc..2',
  '1.0-alpha1',
  '1.0-1a',
  '1.0-',
  '1.0-.',
  '1.0-a-b',
  '01.002.0003',
  '00000000000000000000001',
  '123456789012345678901234567890',
  '9007199254740993:9007199254740993',
  '#KNOTS',
  '#knots1',
  '#kn-ots',
  '#1',
  '##',
  '#knots #a',
  '#knots||#a',
  '!#knots',
  '!#',
  '!(#knots || #a) && >=1:0',
  '=1 || =2 && =3',
  '(=1 || =2) && =3',
  '=1 || (=2 && =3)',
  '^0.0.1:0',
  '^0:0',
  '~0:0',
  '^#knots:0.1.2:3',
  '>=#knots:1:0 && <#knots:2:0',
  '>=1:0 && #knots',
  '(>=1:0 && <2:0) || >=3:0',
  '!(>=1:0 && <2:0)',
  '!(!(!(1)))',
  '((((((((((1))))))))))',
  'é',
  '1é',
  '>=1.0:0 && <2.0:0 😀',
  '\u00a01',
  '1\u00a0',
  '\ufeff1',
]

export const HAND_EXTENDED: readonly string[] = [
  '1:0',
  '1.2.3:0',
  '#knots:29.0:1',
  '#bitcoin:1.0.0:0',
  '#:1:0',
  '#:1',
  '#knots:1',
  '#knots',
  '1',
  '1:',
  ':0',
  '1:0:0',
  '1.0-beta.1:0-rc..2',
  '1.0-alpha1:0',
  '1.0-1a:0',
  '0:0',
  '0.0.0:0',
  '00:00',
  '007.1:0',
  '123456789012345678901234:0',
  '9007199254740993:1',
  ' 1:0',
  '1:0 ',
  '1 :0',
  '#KNOTS:1:0',
  '#kn0ts:1:0',
  '',
  '#',
  '#:',
  '1:0-',
  '1.:0',
  '1:0.',
  '1:0:',
  '1é:0',
]

export const HAND_VERSIONS: readonly string[] = [
  '1',
  '1.2.3',
  '0',
  '0.0.0',
  '1.0-beta.1',
  '1.0-rc..2',
  '1.0-alpha1',
  '1.0-1a',
  '1-',
  '1.',
  '.1',
  '',
  '01',
  '123456789012345678901234',
  '1:0',
  ' 1',
  '1 ',
  '1.2.3.4.5.6.7.8',
  '1-a.1.b.2',
  '1-A',
]

export const HAND_EMVER: readonly string[] = [
  '1.2.3',
  '1.2.3.4',
  '0.0.0',
  '1.2',
  '1',
  '1.2.3.4.5',
  '1.2.3-beta',
  '01.02.03',
  ' 1.2.3',
  '1.2.3 ',
  '123456789012345678.1.1',
  '',
]

export const HAND_EMVER_RANGES: readonly string[] = [
  '>=1.2.3',
  '>=1.2.3 && <2.0.0',
  '>=1.2.3 <2.0.0.1',
  '*',
  '!',
  '!=1.2.3',
  '^1.2.3 || ~2.0.0',
  '(>=1.0.0 && <2.0.0) || =3.0.0',
  '!(=1.0.0)',
  '1.2.3',
  '>=1.2',
  '>=1.2.3:0',
  '#knots',
  '',
]

export interface Corpus {
  ranges: string[]
  extendedVersions: string[]
  versions: string[]
  emverVersions: string[]
  emverRanges: string[]
  /** (extended version, range) pairs for `satisfiedBy`, with colliding numbers. */
  satisfyPairs: Array<[string, string]>
  /** Range pairs for `intersects`. */
  rangePairs: Array<[string, string]>
  /** Extended-version pairs for the comparison methods. */
  extendedPairs: Array<[string, string]>
  /** Plain-version pairs for `Version.compare`. */
  versionPairs: Array<[string, string]>
}

export function generateCorpus(seed: number = DEFAULT_SEED): Corpus {
  const r = new Rng(seed)
  const g = new ExVerGen(r)
  const small = { small: true }
  const pairable = { small: true, valid: true }

  const ranges = [...HAND_RANGES]
  // Deep nesting and long chains, well inside both implementations' limits.
  ranges.push('('.repeat(60) + '>=1:0' + ')'.repeat(60))
  ranges.push('('.repeat(60) + '>=1:0' + ')'.repeat(59))
  ranges.push('!'.repeat(101) + '#knots')
  ranges.push('!('.repeat(40) + '*' + ')'.repeat(40))
  ranges.push(
    Array.from({ length: 120 }, (_, i) => `>=${i}.${i % 7}:0`).join(' && '),
  )
  ranges.push(
    Array.from(
      { length: 120 },
      (_, i) => `=#f${String.fromCharCode(97 + (i % 26))}:${i}:0`,
    ).join(' || '),
  )
  ranges.push(
    Array.from({ length: 80 }, (_, i) => `>${i}:0 <${i + 2}:0`).join(' || ') +
      ' &&',
  )
  // Valid, then free-form (near-valid), then valid with random edits.
  for (let i = 0; i < 650; i++)
    ranges.push(g.topRange({ small: r.chance(0.3), valid: true }))
  for (let i = 0; i < 350; i++)
    ranges.push(g.topRange(r.chance(0.3) ? small : {}))
  for (let i = 0; i < 700; i++)
    ranges.push(g.mutate(g.topRange({ valid: r.chance(0.7) })))

  const extendedVersions = [...HAND_EXTENDED]
  for (let i = 0; i < 400; i++) extendedVersions.push(g.extendedVersion())
  for (let i = 0; i < 300; i++) {
    extendedVersions.push(
      g.mutate(r.chance(0.5) ? g.extendedVersion() : g.versionSpec()),
    )
  }

  const versions = [...HAND_VERSIONS]
  for (let i = 0; i < 150; i++) versions.push(g.version())
  for (let i = 0; i < 130; i++) versions.push(g.mutate(g.version()))

  const emverVersions = [...HAND_EMVER]
  for (let i = 0; i < 150; i++) emverVersions.push(g.emver())
  for (let i = 0; i < 80; i++) emverVersions.push(g.mutate(g.emver()))

  const emverRanges = [...HAND_EMVER_RANGES]
  for (let i = 0; i < 200; i++) emverRanges.push(g.emverRange())
  for (let i = 0; i < 100; i++) emverRanges.push(g.mutate(g.emverRange()))

  const satisfyPairs: Array<[string, string]> = []
  for (let i = 0; i < 2500; i++) {
    const range = r.chance(0.05) ? r.pick(HAND_RANGES) : g.topRange(pairable)
    satisfyPairs.push([
      g.extendedVersion(r.chance(0.9) ? pairable : small),
      range,
    ])
  }

  const rangePairs: Array<[string, string]> = []
  for (let i = 0; i < 600; i++)
    rangePairs.push([g.topRange(pairable), g.topRange(pairable)])

  const extendedPairs: Array<[string, string]> = []
  for (let i = 0; i < 1200; i++) {
    const a = g.extendedVersion(pairable)
    extendedPairs.push([a, r.chance(0.15) ? a : g.extendedVersion(pairable)])
  }

  const versionPairs: Array<[string, string]> = []
  for (let i = 0; i < 500; i++) {
    const a = g.version(pairable)
    versionPairs.push([a, r.chance(0.15) ? a : g.version(pairable)])
  }

  return {
    ranges,
    extendedVersions,
    versions,
    emverVersions,
    emverRanges,
    satisfyPairs,
    rangePairs,
    extendedPairs,
    versionPairs,
  }
}

/** Real-world-looking inputs for benchmarks: valid by construction. */
export const REAL_WORLD_RANGES: readonly string[] = [
  '>=29.0:0 && <30.0:0',
  '#knots:29.0:1',
  '^28.1:0 || #knots',
  '>=0.4.0:0',
  '>=1.0.0:0 && <2.0.0:0',
  '^1.2:0',
  '~1.2.3:0',
  '=0.3.5:1',
  '>=0.3.5.1:0',
  '>=26.0.0:0 && <29.0.0:0',
  '^0.18.1:0 || ^0.19.0:0',
  '>=#knots:28.1:0 && <#knots:30.0:0',
  '!(#knots) && >=27.0:0',
  '(>=1:0 && <2:0) || >=3:0',
  '>=1.0.0-beta.1:0',
  '*',
]

export const REAL_WORLD_VERSIONS: readonly string[] = [
  '29.0:0',
  '#knots:29.0:1',
  '28.1:0',
  '0.4.0:0',
  '0.3.5.1:0',
  '1.2.3:0',
  '2.0.0-beta.1:0',
  '26.1.0:3',
  '#knots:28.1.0:2',
  '0.18.1:0',
]

/** Valid-by-construction extended versions and ranges for benchmarks. */
export function benchCorpus(seed: number = DEFAULT_SEED): {
  extendedVersions: string[]
  ranges: string[]
} {
  const r = new Rng(seed ^ 0xbe9c)
  const g = new ExVerGen(r)
  const extendedVersions = [...REAL_WORLD_VERSIONS]
  while (extendedVersions.length < 250)
    extendedVersions.push(
      g.extendedVersion({ small: r.chance(0.5), valid: true }),
    )
  const ranges = [...REAL_WORLD_RANGES]
  while (ranges.length < 150) {
    ranges.push(g.topRange({ small: r.chance(0.5), valid: true }))
  }
  return { extendedVersions, ranges }
}

/** The number of anchors and flavor atoms in a range tree (normalize cost grows with it). */
export function countAnchors(r: VersionRange): number {
  const a = r.atom
  switch (a.type) {
    case 'Anchor':
    case 'Flavor':
      return 1
    case 'And':
    case 'Or':
      return countAnchors(a.left) + countAnchors(a.right)
    case 'Not':
      return countAnchors(a.value)
    default:
      return 0
  }
}
