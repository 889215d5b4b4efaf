/*
 * Fuzz of the exver parsers: random strings and mutations of the shared corpus (valid
 * versions, extended versions, ranges, emver) through every parse entry. Only
 * ExVerParseError (code EXVER_PARSE, offset inside the input) may escape; what parses must
 * print to text that parses back to the same text; no input may take over a second.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import {
  ExVerParseError,
  ExtendedVersion,
  Version,
  VersionRange,
} from '../../lib/exver'
import {
  HAND_EMVER,
  HAND_EMVER_RANGES,
  HAND_EXTENDED,
  HAND_RANGES,
  HAND_VERSIONS,
  REAL_WORLD_RANGES,
  REAL_WORLD_VERSIONS,
  generateCorpus,
} from '../exver/corpus'
import { hostileString, mutateMany, randomString, rng } from './rng'
import { runSync, stats, summary } from './stats'
import type { Stats } from './stats'

const SEED = 0xe7e4
const MUTATED = 40_000
const RANDOM = 20_000
const TOKENS = [
  '.',
  ':',
  '-',
  '#',
  '!',
  '*',
  '(',
  ')',
  '&&',
  '||',
  '>=',
  '<=',
  '<',
  '>',
  '=',
  '^',
  '~',
  '!=',
  ' ',
  'alpha',
  '0',
  '9',
  '4294967296',
  '18446744073709551616',
  'x',
  'X',
  '#id:',
  '1.0:0',
  '  ',
  '\t',
  '\u00a0',
]

type Parsed = Version | ExtendedVersion | VersionRange
const PARSERS: Record<string, (s: string) => Parsed> = {
  version: (s) => Version.parse(s),
  extended: (s) => ExtendedVersion.parse(s),
  extendedEmver: (s) => ExtendedVersion.parseEmver(s),
  range: (s) => VersionRange.parse(s),
  rangeEmver: (s) => VersionRange.parseEmver(s),
}
const PROBE = ExtendedVersion.parse('1.0.0:0')

function seeds(): string[] {
  const c = generateCorpus(SEED)
  return [
    ...c.ranges,
    ...c.extendedVersions,
    ...c.versions,
    ...c.emverVersions,
    ...c.emverRanges,
    ...HAND_RANGES,
    ...HAND_EXTENDED,
    ...HAND_VERSIONS,
    ...HAND_EMVER,
    ...HAND_EMVER_RANGES,
    ...REAL_WORLD_RANGES,
    ...REAL_WORLD_VERSIONS,
  ]
}

/** Runs one input through every parser, checking what each throws or returns. */
function probe(all: Record<string, Stats>, input: string): void {
  for (const [name, parse] of Object.entries(PARSERS)) {
    const s = all[name]
    const run = runSync(s, input, () => {
      const parsed = parse(input)
      // What parses must survive its own printing and the range operations. Numbers past
      // 2^53 print in exponent form, which does not parse (as in the reference): skipped.
      const printed = parsed.toString()
      const exact = !/\d{16,}/.test(input)
      if (parsed instanceof VersionRange) {
        if (exact) assert.equal(VersionRange.parse(printed).toString(), printed)
        parsed.normalize()
        parsed.satisfiedBy(PROBE)
        parsed.satisfiable()
      } else if (exact && parsed instanceof ExtendedVersion) {
        assert.equal(ExtendedVersion.parse(printed).toString(), printed)
      } else if (exact) {
        assert.equal(Version.parse(printed).toString(), printed)
      }
      return parsed
    })
    if (run.ok) {
      s.accepted++
      continue
    }
    s.refused++
    const e = run.error
    if (
      !(e instanceof ExVerParseError) ||
      !isSdkError(e, 'EXVER_PARSE') ||
      e.offset < 0 ||
      e.offset > input.length
    ) {
      assert.fail(
        `${name} threw something other than a positioned ExVerParseError for ${JSON.stringify(input.slice(0, 200))}: ${String(e)}`,
      )
    }
  }
}

test(
  'exver: 60k mutated and random strings through five parsers',
  { timeout: 60_000 },
  (t) => {
    const r = rng(SEED)
    const corpus = seeds()
    const all = Object.fromEntries(
      Object.keys(PARSERS).map((name) => [name, stats(`exver ${name}`)]),
    )
    for (let i = 0; i < MUTATED; i++) {
      probe(all, mutateMany(r, r.pick(corpus), TOKENS))
    }
    for (let i = 0; i < RANDOM; i++) {
      probe(all, r.chance(0.9) ? randomString(r, 30) : hostileString(r))
    }
    for (const s of Object.values(all)) {
      t.diagnostic(summary(s))
      assert.deepEqual(s.hangs, [], `${s.name}: inputs over 1 s`)
      assert.equal(s.inputs, MUTATED + RANDOM)
      // A fuzzer that never reaches the grammar, or never leaves it, tests nothing.
      assert.ok(s.accepted > 200, `${s.name}: only ${s.accepted} inputs parsed`)
      assert.ok(s.refused > 500, `${s.name}: only ${s.refused} inputs refused`)
    }
  },
)
