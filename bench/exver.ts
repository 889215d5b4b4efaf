/** Benchmarks of `lib/exver` against the published reference on the same inputs. */
import * as ours from '../lib/exver'
import { benchCorpus, countAnchors, Rng } from '../test/exver/corpus'
import { realisticCorpus } from './realisticCorpus'
import type { BenchModule, Operation } from './harness'

/**
 * The reference, loaded without its declarations: they do not type-check under this project's
 * settings (`skipLibCheck` is off). Its exver classes have the same public API as ours.
 */
type ExVerApi = Pick<
  typeof ours,
  'Version' | 'ExtendedVersion' | 'VersionRange'
>
const ref: ExVerApi = require('start-sdk-reference')

/** `normalize` runs on ranges with at most this many anchors (the reference's is exponential). */
const NORMALIZE_MAX_ANCHORS = 4
const PAIRS = 2000

function parses(s: string, f: (s: string) => unknown): boolean {
  try {
    f(s)
    return true
  } catch {
    return false
  }
}

/**
 * The operations on one corpus. Targets apply to the realistic corpus; the fuzz corpus
 * (odd whitespace, deep nesting, 20-digit numbers) is reported alongside, for information.
 */
function corpusOperations(
  raw: { extendedVersions: string[]; ranges: string[] },
  label: string,
  targets: boolean,
): Operation[] {
  // Only inputs both implementations accept, so both sides do the same work.
  const versions = raw.extendedVersions.filter(
    (s) =>
      parses(s, (x) => ours.ExtendedVersion.parse(x)) &&
      parses(s, (x) => ref.ExtendedVersion.parse(x)),
  )
  const ranges = raw.ranges.filter(
    (s) =>
      parses(s, (x) => ours.VersionRange.parse(x)) &&
      parses(s, (x) => ref.VersionRange.parse(x)),
  )
  if (versions.length < 200 || ranges.length < 100) {
    throw new Error(
      `bench corpus too small: ${versions.length} versions, ${ranges.length} ranges`,
    )
  }

  const oursV = versions.map((s) => ours.ExtendedVersion.parse(s))
  const refV = versions.map((s) => ref.ExtendedVersion.parse(s))
  const oursR = ranges.map((s) => ours.VersionRange.parse(s))
  const refR = ranges.map((s) => ref.VersionRange.parse(s))

  const rng = new Rng(0x5a71)
  const pairIdx: Array<[number, number]> = []
  for (let i = 0; i < PAIRS; i++)
    pairIdx.push([rng.int(versions.length), rng.int(ranges.length)])
  const oursPairs = pairIdx.map(([v, r]) => [oursV[v]!, oursR[r]!] as const)
  const refPairs = pairIdx.map(([v, r]) => [refV[v]!, refR[r]!] as const)

  const small = ranges
    .map((_, i) => i)
    .filter((i) => countAnchors(oursR[i]!) <= NORMALIZE_MAX_ANCHORS)
  const oursSmall = small.map((i) => oursR[i]!)
  const refSmall = small.map((i) => refR[i]!)

  const parseExVer = (E: ExVerApi['ExtendedVersion']) => (): number => {
    let n = 0
    for (const s of versions) n += E.parse(s).upstream.number.length
    return n
  }
  const parseRange = (R: ExVerApi['VersionRange']) => (): number => {
    let n = 0
    for (const s of ranges) n += R.parse(s).atom.type.length
    return n
  }
  const satisfies =
    (
      pairs: ReadonlyArray<readonly [ours.ExtendedVersion, ours.VersionRange]>,
    ) =>
    (): number => {
      let n = 0
      for (const [v, r] of pairs) if (v.satisfies(r)) n++
      return n
    }
  const normalize = (rs: readonly ours.VersionRange[]) => (): number => {
    let n = 0
    for (const r of rs) n += r.normalize().atom.type.length
    return n
  }

  const tag = (name: string): string => (label ? `${name} (${label})` : name)
  const ops: Operation[] = [
    {
      name: 'ExtendedVersion.parse',
      opsPerPass: versions.length,
      ours: parseExVer(ours.ExtendedVersion),
      reference: parseExVer(ref.ExtendedVersion),
      target: 10,
      note: `${versions.length} extended versions`,
    },
    {
      name: 'VersionRange.parse',
      opsPerPass: ranges.length,
      ours: parseRange(ours.VersionRange),
      reference: parseRange(ref.VersionRange),
      target: 15,
      note: `${ranges.length} ranges`,
    },
    {
      name: 'satisfies',
      opsPerPass: PAIRS,
      ours: satisfies(oursPairs),
      reference: satisfies(refPairs),
      target: 1.5,
      note: `${PAIRS} pre-parsed (version, range) pairs, version.satisfies(range)`,
    },
    {
      name: 'VersionRange.normalize',
      opsPerPass: small.length,
      ours: normalize(oursSmall),
      reference: normalize(refSmall),
      note: `informational; ${small.length} pre-parsed ranges with ≤${NORMALIZE_MAX_ANCHORS} anchors`,
    },
  ]
  return ops.map((op) => ({
    ...op,
    name: tag(op.name),
    target: targets ? op.target : undefined,
    note: `${op.note}${label ? `; ${label} corpus` : '; realistic corpus'}`,
  }))
}

function operations(): Operation[] {
  return [
    ...corpusOperations(realisticCorpus(), '', true),
    ...corpusOperations(benchCorpus(), 'fuzz', false),
  ]
}

export const exver: BenchModule = { name: 'exver', operations }
