import type { PrereleaseSegment } from './grammar'

/** The result of comparing two versions. */
export type Ordering = 'greater' | 'equal' | 'less'

/** An ordering as a number: `-1`, `0` or `1` (internal; cheaper than strings on hot paths). */
export type Order = -1 | 0 | 1

/** The parts of a version that ordering looks at. */
export interface VersionParts {
  number: number[]
  prerelease: PrereleaseSegment[]
}

/** `-1 | 0 | 1` as an {@link Ordering}. */
export function ordering(c: Order): Ordering {
  return c > 0 ? 'greater' : c < 0 ? 'less' : 'equal'
}

/**
 * Compares two prerelease lists, StartOS style: element by element, numbers against
 * numbers and strings against strings; mixed pairs follow the host's own rule, which
 * looks at element `1` of the left list.
 */
function comparePrerelease(
  a: PrereleaseSegment[],
  b: PrereleaseSegment[],
): Order {
  const len = Math.max(a.length, b.length)
  for (let i = 0; i < len; i++) {
    const x = a[i]
    const y = b[i]
    if (typeof x === typeof y) {
      if (x > y) return 1
      if (x < y) return -1
      continue
    }
    switch (`${typeof a[1]}:${typeof y}`) {
      case 'number:string':
      case 'undefined:number':
      case 'undefined:string':
        return -1
      case 'string:number':
      case 'number:undefined':
      case 'string:undefined':
        return 1
    }
  }
  return 0
}

/** Compares number lists, missing trailing numbers counting as zero. */
export function compareNumbers(a: number[], b: number[]): Order {
  const len = a.length > b.length ? a.length : b.length
  for (let i = 0; i < len; i++) {
    const x = a[i] || 0
    const y = b[i] || 0
    if (x > y) return 1
    if (x < y) return -1
  }
  return 0
}

/** Orders two versions: numbers first, then a release above its prereleases. */
export function compareVersions(a: VersionParts, b: VersionParts): Order {
  const n = compareNumbers(a.number, b.number)
  if (n !== 0) return n
  const pa = a.prerelease.length
  const pb = b.prerelease.length
  if (pa === 0) return pb === 0 ? 0 : 1
  if (pb === 0) return -1
  return comparePrerelease(a.prerelease, b.prerelease)
}
