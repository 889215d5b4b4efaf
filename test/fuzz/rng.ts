/**
 * The fuzzers' one source of randomness: a seeded PRNG (mulberry32) and the generators of
 * hostile strings, values and text mutations built on it. Every run with the same seed
 * produces the same inputs, so a failure is replayed by rerunning the test.
 */

/** A seeded pseudo-random generator with the helpers the fuzzers share. */
export interface Rng {
  /** A float in [0, 1). */
  float(): number
  /** An integer in [0, n). */
  int(n: number): number
  /** `true` with probability `p`. */
  chance(p: number): boolean
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T
}

/** A {@link Rng} from a 32-bit seed. */
export function rng(seed: number): Rng {
  let state = seed >>> 0
  const float = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number): number => Math.floor(float() * n)
  return {
    float,
    int,
    chance: (p) => float() < p,
    pick: (items) => items[int(items.length)],
  }
}

/** Keys that mean something to JavaScript objects, used as data keys and values. */
export const PROTO_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'then',
]

/** Strings that read as numbers to a careless parser. */
export const NUMBERISH: readonly string[] = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x10',
  '1_000',
  '9007199254740993',
  '',
  ' ',
  '1.',
  '.5',
  '1e-400',
]

const UNICODE: readonly string[] = [
  '\u0000',
  '\u0001',
  '\u001b[31m',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udc00',
  '\ud83d\ude00',
  'é',
  'e\u0301',
  'Ω',
  '\u202e',
  '１２',
  '\r',
  '\t',
  '"',
  '\\',
  "'",
  '${x}',
  '<',
  '&amp;',
]

/** A short random string over printable ASCII, syntax characters and hostile unicode. */
export function randomString(r: Rng, maxLength = 24): string {
  const length = r.int(maxLength + 1)
  let text = ''
  for (let i = 0; i < length; i++) {
    const roll = r.int(10)
    if (roll < 6) text += String.fromCharCode(32 + r.int(95))
    else if (roll < 8) text += r.pick(UNICODE)
    else if (roll < 9) text += String.fromCharCode(r.int(0x10000))
    else text += r.pick(['\n', '=', '[', ']', '{', '}', ':', '#', ',', '.'])
  }
  return text
}

/** A string one of the hostile kinds: prototype names, numberish, unicode, long or plain. */
export function hostileString(r: Rng): string {
  switch (r.int(6)) {
    case 0:
      return r.pick(PROTO_KEYS)
    case 1:
      return r.pick(NUMBERISH)
    case 2:
      return r.pick(UNICODE).repeat(1 + r.int(4))
    case 3:
      return 'x'.repeat(r.pick([256, 4096, 65536]))
    default:
      return randomString(r)
  }
}

/** An array nested `depth` levels deep around `leaf`, built without recursion. */
export function nested(
  depth: number,
  leaf: unknown,
  asObject = false,
): unknown {
  let value = leaf
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value]
  return value
}

/** A random JSON-able value of the hostile kinds; `depth` bounds the ordinary recursion. */
export function hostileValue(r: Rng, depth = 2): unknown {
  switch (r.int(14)) {
    case 0:
      return null
    case 1:
      return r.pick([0, -1, 1.5, -0, 1e308, -1e308, 2 ** 53 + 2, 5e-324])
    case 2:
      return r.chance(0.5)
    case 3:
    case 4:
      return hostileString(r)
    case 5:
      return nested(
        r.pick([10, 100, 1000]),
        r.pick([1, 'x', null]),
        r.chance(0.5),
      )
    case 6:
      return Array.from({ length: r.pick([0, 1, 1000, 20_000]) }, (_, i) => i)
    case 7: {
      // Prototype names as own keys: JSON.parse makes `__proto__` an own property.
      const key = r.pick(PROTO_KEYS)
      return JSON.parse(
        `{${JSON.stringify(key)}: ${JSON.stringify(depth > 0 ? hostileValue(r, depth - 1) : 1)}}`,
      )
    }
    case 8:
      return JSON.parse('{"__proto__": {"polluted": true}, "a": 1}')
    default: {
      if (depth <= 0) return randomString(r, 6)
      if (r.chance(0.5)) {
        return Array.from({ length: r.int(4) }, () =>
          hostileValue(r, depth - 1),
        )
      }
      const out: Record<string, unknown> = {}
      for (let i = r.int(4); i > 0; i--) {
        Object.defineProperty(out, hostileString(r).slice(0, 40), {
          value: hostileValue(r, depth - 1),
          enumerable: true,
          writable: true,
          configurable: true,
        })
      }
      return out
    }
  }
}

/** One random edit of `text`: a flip, an insertion, a deletion, a duplication or a cut. */
export function mutate(
  r: Rng,
  text: string,
  tokens: readonly string[] = [],
): string {
  if (text.length === 0) return randomString(r)
  const at = r.int(text.length + 1)
  const span = 1 + r.int(Math.min(16, text.length))
  switch (r.int(8)) {
    case 0:
      return (
        text.slice(0, at) + String.fromCharCode(r.int(128)) + text.slice(at + 1)
      )
    case 1:
      return text.slice(0, at) + randomString(r, 6) + text.slice(at)
    case 2:
      return text.slice(0, at) + text.slice(at + span)
    case 3:
      return (
        text.slice(0, at) +
        text.slice(at, at + span).repeat(2 + r.int(3)) +
        text.slice(at)
      )
    case 4:
      return text.slice(0, at)
    case 5:
      return tokens.length === 0
        ? text.slice(at) + text.slice(0, at)
        : text.slice(0, at) + r.pick(tokens) + text.slice(at)
    case 6:
      return text.slice(0, at) + r.pick(PROTO_KEYS) + text.slice(at)
    default:
      return text.slice(0, at) + r.pick(UNICODE) + text.slice(at)
  }
}

/** Applies 1 to `max` random edits. */
export function mutateMany(
  r: Rng,
  text: string,
  tokens: readonly string[] = [],
  max = 4,
): string {
  let out = text
  for (let i = 1 + r.int(max); i > 0; i--) out = mutate(r, out, tokens)
  return out
}
