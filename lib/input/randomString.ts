/**
 * Random defaults for text fields: a {@link RandomString} names a charset such as
 * `"a-z,A-Z,0-9"` (comma-separated single characters or `first-last` ranges) and a length.
 */
import { SdkError } from '../errors'
import type { DefaultString, RandomString } from './specTypes'

/** The error every malformed charset raises. */
function charsetError(charset: string, problem: string): SdkError {
  return new SdkError(
    'INPUT_SPEC',
    `Invalid charset ${JSON.stringify(charset)} in a RandomString: ${problem}. ` +
      'Write comma-separated characters or ranges, such as "a-z,A-Z,0-9,_".',
    { details: { charset } },
  )
}

/**
 * The characters of `charset`, one entry per character of each item (a character listed
 * twice is twice as likely). Each item is one character, `x-y` (a range), or `x-` (just
 * `x`); after an item comes a comma or the end. A comma right after a comma is the
 * character `,` itself.
 */
export function charsetCharacters(charset: string): string[] {
  const chars = Array.from(charset)
  if (chars.length === 0) throw charsetError(charset, 'it is empty')
  const out: string[] = []
  let i = 0
  while (i < chars.length) {
    const first = chars[i]
    let last = first
    i++
    if (chars[i] === '-') {
      i++
      if (i < chars.length && chars[i] !== ',') last = chars[i++]
    }
    const from = first.codePointAt(0) ?? 0
    const to = last.codePointAt(0) ?? 0
    if (from > to)
      throw charsetError(charset, `the range ${first}-${last} runs backwards`)
    for (let c = from; c <= to; c++) out.push(String.fromCodePoint(c))
    if (i < chars.length) {
      if (chars[i] !== ',')
        throw charsetError(charset, `unexpected ${JSON.stringify(chars[i])}`)
      i++
    }
  }
  return out
}

/** Web Crypto, global in Node 20 and every browser (lib/ compiles without DOM types). */
type WebCrypto = { getRandomValues(array: Uint32Array): Uint32Array }

/** A uniformly random index below `n` (cryptographic randomness, no modulo bias). */
function randomIndex(n: number): number {
  const crypto = (globalThis as unknown as { crypto: WebCrypto }).crypto
  const limit = Math.floor(0x1_0000_0000 / n) * n
  const buffer = new Uint32Array(1)
  for (;;) {
    crypto.getRandomValues(buffer)
    if (buffer[0] < limit) return buffer[0] % n
  }
}

/** `generator.len` characters drawn at random from `generator.charset`. */
export function getRandomString(generator: RandomString): string {
  const chars = charsetCharacters(generator.charset)
  let out = ''
  for (let i = 0; i < generator.len; i++)
    out += chars[randomIndex(chars.length)]
  return out
}

/**
 * A text field's default as a string: itself, or a fresh random string for a recipe.
 *
 * @example
 * ```ts
 * getDefaultString('admin') // 'admin'
 * getDefaultString({ charset: 'a-z,0-9', len: 16 }) // e.g. 'k3v9q0x1m2b7c4d8'
 * ```
 */
export function getDefaultString(defaultSpec: DefaultString): string {
  return typeof defaultSpec === 'string'
    ? defaultSpec
    : getRandomString(defaultSpec)
}
