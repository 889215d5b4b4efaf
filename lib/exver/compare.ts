import type { PrereleaseSegment } from './parser'

/** The result of comparing two versions. */
export type Ordering = 'greater' | 'equal' | 'less'

/**
 * Compares two prerelease lists, StartOS style: element by element, numbers against
 * numbers and strings against strings; mixed pairs follow the host's own rule, which
 * looks at element `1` of the left list.
 */
function comparePrerelease(
  a: PrereleaseSegment[],
  b: PrereleaseSegment[],
): Ordering {
  const len = Math.max(a.length, b.length)
  for (let i = 0; i < len; i++) {
    const x = a[i]
    const y = b[i]
    if (typeof x === typeof y) {
      if (x > y) return 'greater'
      if (x < y) return 'less'
      continue
    }
    switch (`${typeof a[1]}:${typeof y}`) {
      case 'number:string':
      case 'undefined:number':
      case 'undefined:string':
        return 'less'
      case 'string:number':
      case 'number:undefined':
      case 'string:undefined':
        return 'greater'
    }
  }
  return 'equal'
}

/** Compares number lists, missing trailing numbers counting as zero. */
export function compareNumbers(a: number[], b: number[]): Ordering {
  const len = Math.max(a.length, b.length)
  for (let i = 0; i < len; i++) {
    const x = a[i] || 0
    const y = b[i] || 0
    if (x > y) return 'greater'
    if (x < y) return 'less'
  }
  return 'equal'
}

/** The parts of a version that ordering looks at. */
export interface VersionParts {
  number: number[]
  prerelease: PrereleaseSegment[]
}

/** Orders two versions: numbers first, then a release above its prereleases. */
export function compareVersions(a: VersionParts, b: VersionParts): Ordering {
  const n = compareNumbers(a.number, b.number)
  if (n !== 'equal') return n
  const pa = a.prerelease.length
  const pb = b.prerelease.length
  if (pa === 0) return pb === 0 ? 'equal' : 'greater'
  if (pb === 0) return 'less'
  return comparePrerelease(a.prerelease, b.prerelease)
}
