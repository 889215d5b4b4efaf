import type { ExVerFactory, PrereleaseSegment } from './grammar'

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

/**
 * `digits(.digits)*` then an optional prerelease; `null` when no digit starts at `p`.
 * One loop reads every number; up to three are held in locals so that the array is
 * allocated once, at its size.
 */
export function readVersion<V>(
  s: string,
  p: number,
  f: ExVerFactory<V, unknown, unknown>,
): V | null {
  let c = s.charCodeAt(p)
  if (!isDigit(c)) return null
  let count = 0
  let a = 0
  let b = 0
  let d = 0
  let more: number[] | undefined
  for (;;) {
    const start = p
    let n = 0
    do {
      n = n * 10 + (c - 48)
      c = s.charCodeAt(++p)
    } while (c >= 48 && c <= 57)
    if (p - start > 15) n = parseInt(s.slice(start, p), 10)
    if (count === 0) a = n
    else if (count === 1) b = n
    else if (count === 2) d = n
    else (more ??= [a, b, d]).push(n)
    count++
    if (c !== 46) break
    const next = s.charCodeAt(p + 1)
    if (!(next >= 48 && next <= 57)) break
    c = next
    p++
  }
  const numbers =
    count === 1 ? [a] : count === 2 ? [a, b] : count === 3 ? [a, b, d] : more!
  if (c === 45) return f.version(numbers, readPrerelease(s, p))
  end = p
  return f.version(numbers, [])
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
