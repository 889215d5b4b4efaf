import type { ExVerFactory, PrereleaseSegment } from './parser'

/**
 * The fast pass's readers for versions: plain functions over local positions, because
 * versions are most of what a parse reads. They accept exactly what the traced rules in
 * `parser.ts` accept; where a read ends is left in {@link readEnd}.
 */
let end = 0

/** Where the last successful read stopped. */
export function readEnd(): number {
  return end
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57
const isLetter = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90)

/** `[0-9]+` at `p`, as StartOS reads it (exactly, past 15 digits too); `-1` if none. */
function readDigits(s: string, p: number): number {
  let q = p
  let n = 0
  let c = s.charCodeAt(q)
  while (isDigit(c)) {
    n = n * 10 + (c - 48)
    c = s.charCodeAt(++q)
  }
  end = q
  if (q === p) return -1
  return q - p > 15 ? parseInt(s.slice(p, q), 10) : n
}

/** One prerelease segment: an optional extra `.`, then digits or letters. */
function readSegment(s: string, p: number): PrereleaseSegment | null {
  if (s.charCodeAt(p) === 46) p++
  const n = readDigits(s, p)
  if (n >= 0) return n
  let q = p
  while (isLetter(s.charCodeAt(q))) q++
  if (q === p) return null
  end = q
  return s.slice(p, q)
}

/** `-segment(.segment)*`, or `[]` (reading nothing) when there is none. */
function readPrerelease(s: string, p: number): PrereleaseSegment[] {
  end = p
  if (s.charCodeAt(p) !== 45) return []
  const first = readSegment(s, p + 1)
  if (first === null) {
    end = p
    return []
  }
  const out = [first]
  let q = end
  while (s.charCodeAt(q) === 46) {
    const next = readSegment(s, q + 1)
    if (next === null) break
    out.push(next)
    q = end
  }
  end = q
  return out
}

/** Reads one digit run at `p` (a digit is known to be there), leaving its end in `end`. */
function readRun(s: string, p: number, c: number): number {
  const start = p
  let n = 0
  do {
    n = n * 10 + (c - 48)
    c = s.charCodeAt(++p)
  } while (isDigit(c))
  end = p
  return p - start > 15 ? parseInt(s.slice(start, p), 10) : n
}

/** Whether `.digit` follows position `p`. */
const dotDigit = (s: string, p: number): boolean =>
  s.charCodeAt(p) === 46 && isDigit(s.charCodeAt(p + 1))

/**
 * `digits(.digits)*` then an optional prerelease; `null` when no digit starts at `p`.
 * Up to four numbers are held in locals so the array is allocated once at its size.
 */
export function readVersion<V>(
  s: string,
  p: number,
  f: ExVerFactory<V, unknown, unknown>,
): V | null {
  const c = s.charCodeAt(p)
  if (!isDigit(c)) return null
  let numbers: number[]
  const a = readRun(s, p, c)
  if (!dotDigit(s, end)) numbers = [a]
  else {
    const b = readRun(s, end + 1, s.charCodeAt(end + 1))
    if (!dotDigit(s, end)) numbers = [a, b]
    else {
      const c3 = readRun(s, end + 1, s.charCodeAt(end + 1))
      if (!dotDigit(s, end)) numbers = [a, b, c3]
      else {
        numbers = [a, b, c3]
        while (dotDigit(s, end))
          numbers.push(readRun(s, end + 1, s.charCodeAt(end + 1)))
      }
    }
  }
  const prerelease = s.charCodeAt(end) === 45 ? readPrerelease(s, end) : []
  return f.version(numbers, prerelease)
}

/** `#flavor:` at `p`: the flavor (`''` when empty), or `undefined` when absent. */
function readFlavor(s: string, p: number): string | undefined {
  if (s.charCodeAt(p) !== 35) return undefined
  let q = p + 1
  let c = s.charCodeAt(q)
  while (c >= 97 && c <= 122) c = s.charCodeAt(++q)
  if (c !== 58) return undefined
  end = q + 1
  return s.slice(p + 1, q)
}

/**
 * `[#flavor:]upstream:downstream`; with `optionalDownstream`, a missing (or unreadable)
 * `:downstream` reads as `0`, as in range anchors.
 */
export function readExtended<V, E>(
  s: string,
  p: number,
  f: ExVerFactory<V, E, unknown>,
  optionalDownstream: boolean,
): E | null {
  const flavor = s.charCodeAt(p) === 35 ? readFlavor(s, p) : undefined
  if (flavor !== undefined) p = end
  const up = readVersion(s, p, f)
  if (up === null) return null
  const afterUp = end
  let down: V | null = null
  if (s.charCodeAt(afterUp) === 58) down = readVersion(s, afterUp + 1, f)
  if (down === null) {
    if (!optionalDownstream) return null
    end = afterUp
    down = f.version([0], [])
  }
  return f.extended(flavor || null, up, down)
}
