/**
 * Shared by the differential tests of `utils`: the reference's `utils` namespace (loaded
 * without its declarations, described by ours) and a seeded PRNG.
 */
import type * as ours from '../../lib/utils'

/** The reference's `utils`, typed as ours: the same names and call shapes. */
export const refUtils: typeof ours = (
  require('start-sdk-reference') as { utils: typeof ours }
).utils

/** A seeded generator of floats in [0, 1) (mulberry32), so every run sees the same cases. */
export function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Helpers over one generator: integers, picks, short strings. */
export function random(seed: number): {
  float: () => number
  int: (below: number) => number
  pick: <T>(items: readonly T[]) => T
  string: (alphabet: string, maxLength: number) => string
} {
  const float = prng(seed)
  const int = (below: number): number => Math.floor(float() * below)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]
  const string = (alphabet: string, maxLength: number): string => {
    let out = ''
    for (let n = int(maxLength + 1); n > 0; n--) out += pick([...alphabet])
    return out
  }
  return { float, int, pick, string }
}

/** Runs `f`: its value, or `'throws'`. */
export function outcome<T>(f: () => T): T | 'throws' {
  try {
    return f()
  } catch {
    return 'throws'
  }
}
