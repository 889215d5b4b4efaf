/**
 * Differential test: our exver against the published reference (`start-sdk-reference`) on a
 * seeded corpus of valid and near-valid inputs. Every observable result must be identical.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as ours from '../../lib/exver'
import { DEFAULT_SEED, countAnchors, generateCorpus } from './corpus'

/**
 * The reference, loaded without its declarations: they do not type-check under this project's
 * settings (`skipLibCheck` is off, and they need DOM's `CryptoKey` and `@types/object-hash`).
 * Its exver classes have the same public API as ours, so ours describe them.
 */
type ExVerApi = Pick<
  typeof ours,
  'Version' | 'ExtendedVersion' | 'VersionRange'
>
const ref: ExVerApi = require('start-sdk-reference')

/** `EXVER_DIFF_SEED=<n>` explores another corpus; the default seed is what CI runs. */
const SEED = process.env['EXVER_DIFF_SEED']
  ? Number(process.env['EXVER_DIFF_SEED'])
  : DEFAULT_SEED
const corpus = generateCorpus(SEED)

/** Ranges with more anchors than this skip `normalize` (the reference's is exponential). */
const NORMALIZE_MAX_ANCHORS = 12
const SHOW = 20

type Outcome = { ok: true; value: unknown } | { ok: false; error: string }

/** Runs `f`, recording its value or that it threw (the message is kept for the report only). */
function run(f: () => unknown): Outcome {
  try {
    return { ok: true, value: f() }
  } catch (e) {
    return {
      ok: false,
      error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
    }
  }
}

/** A comparable rendering: `undefined`, `NaN` and friends stay distinct from `null`. */
function show(o: Outcome): string {
  if (!o.ok) return 'throws'
  const v = o.value
  if (v === undefined) return 'undefined'
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v)
  return JSON.stringify(v)
}

function detail(o: Outcome): string {
  return o.ok ? show(o) : `throws (${o.error.slice(0, 160)})`
}

/** The input as a JSON string, shortened in the middle when long. */
function clip(input: string): string {
  const j = JSON.stringify(input)
  return j.length <= 240
    ? j
    : `${j.slice(0, 150)}…${j.slice(-80)} (${input.length} chars)`
}

class Mismatches {
  readonly list: string[] = []
  cases = 0

  /** Compares one observation; `what` names the operation, `input` the case. */
  check(what: string, input: string, a: Outcome, b: Outcome): boolean {
    if (show(a) === show(b)) return true
    this.list.push(
      `${what} on ${clip(input)}:\n      ours:      ${detail(a)}\n      reference: ${detail(b)}`,
    )
    return false
  }

  add(what: string, input: string, ours: string, reference: string): void {
    this.list.push(
      `${what} on ${clip(input)}:\n      ours:      ${ours}\n      reference: ${reference}`,
    )
  }

  assertNone(label: string): void {
    if (this.list.length === 0) return
    const head = this.list.slice(0, SHOW).map((m, i) => `  ${i + 1}. ${m}`)
    assert.fail(
      `${this.list.length} ${label} mismatch(es) over ${this.cases} cases (seed ${SEED}); first ${head.length}:\n${head.join('\n')}`,
    )
  }
}

/** A parse by both implementations: the value, or the failure and its offset. */
interface Parsed<T> {
  value?: T
  /** `null` on success; otherwise the 0-based offset, or a description if it was no parse error. */
  failure: null | { offset: number | null; message: string }
}

function parseOurs<T>(f: () => T): Parsed<T> {
  try {
    return { value: f(), failure: null }
  } catch (e) {
    if (e instanceof ours.ExVerParseError)
      return { failure: { offset: e.offset, message: e.message } }
    return {
      failure: {
        offset: null,
        message: `not an ExVerParseError: ${String(e)}`,
      },
    }
  }
}

function parseRef<T>(f: () => T): Parsed<T> {
  try {
    return { value: f(), failure: null }
  } catch (e) {
    const loc = (e as { location?: { start?: { offset?: unknown } } } | null)
      ?.location
    const offset = loc?.start?.offset
    if (typeof offset === 'number')
      return { failure: { offset, message: String(e) } }
    return {
      failure: { offset: null, message: `not a peggy error: ${String(e)}` },
    }
  }
}

const status = (p: Parsed<unknown>): string =>
  p.failure === null
    ? 'ok'
    : p.failure.offset === null
      ? `crash (${p.failure.message.slice(0, 160)})`
      : 'parse error'

/**
 * Parses every input with both and checks agreement: success/failure into `main`, failure
 * offsets into `offsets`, and on success `toString` and the JSON snapshot into `main`.
 * Returns the inputs both parsed, with both values, for further checks.
 */
function compareParses<A, B>(
  what: string,
  inputs: readonly string[],
  ourParse: (s: string) => A,
  refParse: (s: string) => B,
  main: Mismatches,
  offsets: Mismatches,
): Array<{ input: string; a: A; b: B }> {
  const both: Array<{ input: string; a: A; b: B }> = []
  for (const input of inputs) {
    main.cases++
    const a = parseOurs(() => ourParse(input))
    const b = parseRef(() => refParse(input))
    if (status(a) !== status(b)) {
      main.add(`${what} (success)`, input, status(a), status(b))
      continue
    }
    if (a.failure !== null || b.failure !== null) {
      offsets.cases++
      if (a.failure?.offset !== b.failure?.offset) {
        offsets.add(
          `${what} (error offset)`,
          input,
          `${a.failure?.offset} — ${a.failure?.message.slice(0, 200)}`,
          `${b.failure?.offset} — ${b.failure?.message.slice(0, 200)}`,
        )
      }
      continue
    }
    const av = a.value as A
    const bv = b.value as B
    main.check(
      `${what} toString`,
      input,
      run(() => String(av)),
      run(() => String(bv)),
    )
    main.check(
      `${what} JSON`,
      input,
      run(() => JSON.stringify(av)),
      run(() => JSON.stringify(bv)),
    )
    both.push({ input, a: av, b: bv })
  }
  return both
}

function tryParse<T>(f: () => T): T | undefined {
  try {
    return f()
  } catch {
    return undefined
  }
}

/** Computes `f` once, on first use, so each test can run on its own (e.g. by name filter). */
function once<T>(f: () => T): () => T {
  let done = false
  let value: T
  return () => {
    if (!done) {
      value = f()
      done = true
    }
    return value
  }
}

test('corpus sizes', () => {
  assert.ok(corpus.ranges.length >= 1500, `ranges: ${corpus.ranges.length}`)
  assert.ok(
    corpus.extendedVersions.length >= 600,
    `extended: ${corpus.extendedVersions.length}`,
  )
  assert.ok(
    corpus.versions.length >= 200,
    `versions: ${corpus.versions.length}`,
  )
  assert.ok(
    corpus.satisfyPairs.length >= 2000,
    `pairs: ${corpus.satisfyPairs.length}`,
  )
  assert.ok(
    corpus.emverVersions.length >= 100,
    `emver: ${corpus.emverVersions.length}`,
  )
  assert.ok(
    corpus.emverRanges.length >= 100,
    `emver ranges: ${corpus.emverRanges.length}`,
  )
})

// ---------------------------------------------------------------- VersionRange

const rangeParses = once(() => {
  const main = new Mismatches()
  const offsets = new Mismatches()
  const parsed = compareParses(
    'VersionRange.parse',
    corpus.ranges,
    (s) => ours.VersionRange.parse(s),
    (s) => ref.VersionRange.parse(s),
    main,
    offsets,
  )
  return { main, offsets, parsed }
})

test('VersionRange.parse: success, toString and structure match', () => {
  const { main, offsets, parsed } = rangeParses()
  assert.ok(main.cases >= 1500, `only ${main.cases} ranges compared`)
  // Both valid and invalid inputs must be well represented.
  assert.ok(parsed.length >= 600, `only ${parsed.length} ranges parsed`)
  assert.ok(
    offsets.cases >= 300,
    `only ${offsets.cases} ranges failed to parse`,
  )
  main.assertNone('VersionRange.parse')
})

test('VersionRange.parse: error offsets match', () => {
  rangeParses().offsets.assertNone('VersionRange.parse error-offset')
})

test('VersionRange: normalize and satisfiable match', () => {
  const m = new Mismatches()
  let normalized = 0
  for (const { input, a, b } of rangeParses().parsed) {
    m.cases++
    m.check(
      'satisfiable',
      input,
      run(() => a.satisfiable()),
      run(() => b.satisfiable()),
    )
    if (countAnchors(a) > NORMALIZE_MAX_ANCHORS) continue
    normalized++
    m.check(
      'normalize().toString()',
      input,
      run(() => a.normalize().toString()),
      run(() => b.normalize().toString()),
    )
  }
  assert.ok(normalized >= 500, `only ${normalized} ranges normalized`)
  m.assertNone('VersionRange semantics')
})

test('VersionRange.intersects matches', () => {
  const m = new Mismatches()
  for (const [x, y] of corpus.rangePairs) {
    const a1 = tryParse(() => ours.VersionRange.parse(x))
    const a2 = tryParse(() => ours.VersionRange.parse(y))
    const b1 = tryParse(() => ref.VersionRange.parse(x))
    const b2 = tryParse(() => ref.VersionRange.parse(y))
    if (!a1 || !a2 || !b1 || !b2) continue
    m.cases++
    m.check(
      'intersects',
      `${x}  ∩  ${y}`,
      run(() => a1.intersects(a2)),
      run(() => b1.intersects(b2)),
    )
  }
  assert.ok(m.cases >= 300, `only ${m.cases} range pairs`)
  m.assertNone('intersects')
})

test('satisfiedBy / satisfies on (version, range) pairs match', () => {
  const m = new Mismatches()
  let hits = 0
  for (const [v, r] of corpus.satisfyPairs) {
    const av = tryParse(() => ours.ExtendedVersion.parse(v))
    const ar = tryParse(() => ours.VersionRange.parse(r))
    const bv = tryParse(() => ref.ExtendedVersion.parse(v))
    const br = tryParse(() => ref.VersionRange.parse(r))
    if (!av || !ar || !bv || !br) continue
    m.cases++
    const input = `${v}  ∈  ${r}`
    const got = run(() => ar.satisfiedBy(av))
    if (got.ok && got.value === true) hits++
    m.check(
      'satisfiedBy(ExtendedVersion)',
      input,
      got,
      run(() => br.satisfiedBy(bv)),
    )
    m.check(
      'ExtendedVersion.satisfies',
      input,
      run(() => av.satisfies(ar)),
      run(() => bv.satisfies(br)),
    )
    m.check(
      'Version.satisfies (upstream)',
      input,
      run(() => av.upstream.satisfies(ar)),
      run(() => bv.upstream.satisfies(br)),
    )
    m.check(
      'satisfiedBy(Version)',
      input,
      run(() => ar.satisfiedBy(av.upstream)),
      run(() => br.satisfiedBy(bv.upstream)),
    )
  }
  assert.ok(m.cases >= 2000, `only ${m.cases} (version, range) pairs`)
  // The corpus must exercise both outcomes, not just "false".
  assert.ok(hits >= m.cases / 10, `only ${hits} of ${m.cases} pairs satisfied`)
  m.assertNone('satisfiedBy')
})

// ---------------------------------------------------------------- ExtendedVersion

const exParses = once(() => {
  const main = new Mismatches()
  const offsets = new Mismatches()
  const parsed = compareParses(
    'ExtendedVersion.parse',
    corpus.extendedVersions,
    (s) => ours.ExtendedVersion.parse(s),
    (s) => ref.ExtendedVersion.parse(s),
    main,
    offsets,
  )
  return { main, offsets, parsed }
})

test('ExtendedVersion.parse: success, toString, structure and increments match', () => {
  const { main: exMain, parsed } = exParses()
  for (const { input, a, b } of parsed) {
    exMain.check(
      'incrementMajor',
      input,
      run(() => a.incrementMajor().toString()),
      run(() => b.incrementMajor().toString()),
    )
    exMain.check(
      'incrementMinor',
      input,
      run(() => a.incrementMinor().toString()),
      run(() => b.incrementMinor().toString()),
    )
  }
  assert.ok(
    exMain.cases >= 600,
    `only ${exMain.cases} extended versions compared`,
  )
  assert.ok(
    parsed.length >= 300,
    `only ${parsed.length} extended versions parsed`,
  )
  exMain.assertNone('ExtendedVersion.parse')
})

test('ExtendedVersion.parse: error offsets match', () => {
  exParses().offsets.assertNone('ExtendedVersion.parse error-offset')
})

test('ExtendedVersion comparisons match', () => {
  const m = new Mismatches()
  const methods = [
    'compare',
    'compareForSort',
    'compareLexicographic',
    'equals',
    'greaterThan',
    'greaterThanOrEqual',
    'lessThan',
    'lessThanOrEqual',
  ] as const
  for (const [x, y] of corpus.extendedPairs) {
    const a1 = tryParse(() => ours.ExtendedVersion.parse(x))
    const a2 = tryParse(() => ours.ExtendedVersion.parse(y))
    const b1 = tryParse(() => ref.ExtendedVersion.parse(x))
    const b2 = tryParse(() => ref.ExtendedVersion.parse(y))
    if (!a1 || !a2 || !b1 || !b2) continue
    m.cases++
    for (const k of methods) {
      m.check(
        k,
        `${x}  vs  ${y}`,
        run(() => a1[k](a2)),
        run(() => b1[k](b2)),
      )
    }
  }
  assert.ok(m.cases >= 1000, `only ${m.cases} extended-version pairs`)
  m.assertNone('ExtendedVersion comparison')
})

// ---------------------------------------------------------------- Version

const vParses = once(() => {
  const main = new Mismatches()
  const offsets = new Mismatches()
  const parsed = compareParses(
    'Version.parse',
    corpus.versions,
    (s) => ours.Version.parse(s),
    (s) => ref.Version.parse(s),
    main,
    offsets,
  )
  return { main, offsets, parsed }
})

test('Version.parse: success, toString and structure match', () => {
  const { main: vMain, parsed } = vParses()
  assert.ok(vMain.cases >= 200, `only ${vMain.cases} versions compared`)
  assert.ok(parsed.length >= 100, `only ${parsed.length} versions parsed`)
  vMain.assertNone('Version.parse')
})

test('Version.parse: error offsets match', () => {
  vParses().offsets.assertNone('Version.parse error-offset')
})

test('Version.compare / compareForSort match', () => {
  const m = new Mismatches()
  for (const [x, y] of corpus.versionPairs) {
    const a1 = tryParse(() => ours.Version.parse(x))
    const a2 = tryParse(() => ours.Version.parse(y))
    const b1 = tryParse(() => ref.Version.parse(x))
    const b2 = tryParse(() => ref.Version.parse(y))
    if (!a1 || !a2 || !b1 || !b2) continue
    m.cases++
    const input = `${x}  vs  ${y}`
    m.check(
      'Version.compare',
      input,
      run(() => a1.compare(a2)),
      run(() => b1.compare(b2)),
    )
    m.check(
      'Version.compareForSort',
      input,
      run(() => a1.compareForSort(a2)),
      run(() => b1.compareForSort(b2)),
    )
  }
  assert.ok(m.cases >= 400, `only ${m.cases} version pairs`)
  m.assertNone('Version comparison')
})

// ---------------------------------------------------------------- emver

const emParses = once(() => {
  const main = new Mismatches()
  const offsets = new Mismatches()
  const versions = compareParses(
    'ExtendedVersion.parseEmver',
    corpus.emverVersions,
    (s) => ours.ExtendedVersion.parseEmver(s),
    (s) => ref.ExtendedVersion.parseEmver(s),
    main,
    offsets,
  )
  const ranges = compareParses(
    'VersionRange.parseEmver',
    corpus.emverRanges,
    (s) => ours.VersionRange.parseEmver(s),
    (s) => ref.VersionRange.parseEmver(s),
    main,
    offsets,
  )
  return { main, offsets, versions, ranges }
})

test('emver parsing (ExtendedVersion.parseEmver, VersionRange.parseEmver) matches', () => {
  const { main: emMain, versions, ranges } = emParses()
  assert.ok(emMain.cases >= 500, `only ${emMain.cases} emver inputs compared`)
  assert.ok(
    versions.length >= 100,
    `only ${versions.length} emver versions parsed`,
  )
  assert.ok(ranges.length >= 100, `only ${ranges.length} emver ranges parsed`)
  for (const { input, a, b } of ranges) {
    emMain.check(
      'parseEmver satisfiable',
      input,
      run(() => a.satisfiable()),
      run(() => b.satisfiable()),
    )
  }
  emMain.assertNone('emver')
})

test('emver parsing: error offsets match', () => {
  emParses().offsets.assertNone('emver error-offset')
})

test('total differential cases', () => {
  const total =
    corpus.ranges.length +
    corpus.extendedVersions.length +
    corpus.versions.length +
    corpus.emverVersions.length +
    corpus.emverRanges.length +
    corpus.satisfyPairs.length +
    corpus.rangePairs.length +
    corpus.extendedPairs.length +
    corpus.versionPairs.length
  assert.ok(total >= 2000, `only ${total} cases in the corpus`)
})
