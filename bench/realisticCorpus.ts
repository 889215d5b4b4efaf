/**
 * Versions and ranges shaped like the ones service packages write: a few small numeric
 * segments, an occasional prerelease or flavor, ranges of one to three anchors. Seeded,
 * so every run measures the same strings.
 */
import {
  REAL_WORLD_RANGES,
  REAL_WORLD_VERSIONS,
  Rng,
} from '../test/exver/corpus'

const FLAVORS = ['knots', 'core', 'lnd', 'cln']
const PRERELEASES = ['alpha', 'beta', 'rc', 'beta.1', 'rc.2', 'alpha.3', 'dev']

function upstream(r: Rng): string {
  const parts = [r.pick([0, 0, 1, 2, 3, 7, 17, 24, 28, 29, 0])]
  const n = r.between(1, 3)
  for (let i = 0; i < n; i++)
    parts.push(r.chance(0.8) ? r.int(12) : r.between(12, 400))
  const pre = r.chance(0.15) ? `-${r.pick(PRERELEASES)}` : ''
  return `${parts.join('.')}${pre}`
}

function spec(r: Rng, flavor: string | null): string {
  const head = flavor ? `#${flavor}:` : ''
  return `${head}${upstream(r)}:${r.chance(0.7) ? 0 : r.between(1, 5)}`
}

/** One realistic extended version. */
export function realisticVersion(r: Rng): string {
  return spec(r, r.chance(0.1) ? r.pick(FLAVORS) : null)
}

/** One realistic range. */
export function realisticRange(r: Rng): string {
  const f = r.chance(0.1) ? r.pick(FLAVORS) : null
  const a = (): string => spec(r, f)
  switch (r.int(11)) {
    case 0:
      return `>=${a()}`
    case 1:
    case 2:
      return `>=${a()} && <${a()}`
    case 3:
      return `^${a()}`
    case 4:
      return `~${a()}`
    case 5:
      return `=${a()}`
    case 6:
      return `^${a()} || #${r.pick(FLAVORS)}`
    case 7:
      return `>=${a()} <${a()}`
    case 8:
      return `(>=${a()} && <${a()}) || >=${a()}`
    case 9:
      return `!=${a()}`
    default:
      return `^${a()} || ^${a()}`
  }
}

/** The corpus the exver speed targets are measured on. */
export function realisticCorpus(seed = 0x2009): {
  extendedVersions: string[]
  ranges: string[]
} {
  const r = new Rng(seed)
  const extendedVersions = [...REAL_WORLD_VERSIONS]
  while (extendedVersions.length < 250)
    extendedVersions.push(realisticVersion(r))
  const ranges = [...REAL_WORLD_RANGES]
  while (ranges.length < 150) ranges.push(realisticRange(r))
  return { extendedVersions, ranges }
}
