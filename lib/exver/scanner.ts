import { ExVerParseError } from './ExVerParseError'
import type { ExVerGrammarRule } from './ExVerParseError'

/** A failed match. */
export const FAIL = null

/** Character codes the grammar looks at. */
export const enum C {
  Tab = 9,
  Lf = 10,
  Cr = 13,
  Space = 32,
  Bang = 33,
  Hash = 35,
  Amp = 38,
  LParen = 40,
  RParen = 41,
  Star = 42,
  Dot = 46,
  Dash = 45,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  Lt = 60,
  Eq = 61,
  Gt = 62,
  A = 65,
  Z = 90,
  Caret = 94,
  LowA = 97,
  LowZ = 122,
  Pipe = 124,
  Tilde = 126,
}

const isLower = (c: number): boolean => c >= C.LowA && c <= C.LowZ
const isLetter = (c: number): boolean => isLower(c) || (c >= C.A && c <= C.Z)

/** The position after any whitespace at `p`. */
export function skipWs(s: string, p: number): number {
  let c = s.charCodeAt(p)
  while (c === C.Space || c === C.Tab || c === C.Lf || c === C.Cr)
    c = s.charCodeAt(++p)
  return p
}

/**
 * The terminals of the exver grammar over one input: literals, whitespace, digit and letter
 * runs. It remembers the furthest position where a terminal failed (and, on the diagnostic
 * pass, what was expected there), which is where a PEG parser reports its error.
 */
export class Scanner {
  protected pos = 0
  protected furthest = 0
  protected expected: Set<string> | undefined

  constructor(
    protected input: string,
    collect: boolean,
  ) {
    if (collect) this.expected = new Set()
  }

  /** Starts over on a new input (the fast pass reuses one scanner). */
  protected reset(input: string): void {
    this.input = input
    this.pos = 0
    this.furthest = 0
  }

  /** Whether the whole input was read. */
  atEnd(): boolean {
    return this.pos === this.input.length
  }

  /** The error for this (diagnostic) pass, after `ok` tells whether the rule matched. */
  error(rule: ExVerGrammarRule, ok: boolean): ExVerParseError {
    if (ok && this.pos < this.input.length) this.fail(this.pos, 'end of input')
    const at = this.furthest
    const found = at < this.input.length ? this.input.charAt(at) : null
    return new ExVerParseError(
      this.input,
      rule,
      at,
      [...(this.expected ?? [])],
      found,
    )
  }

  protected fail(at: number, what: string): void {
    // The fast pass only needs to know that the parse failed; the diagnostic pass
    // (with `expected`) finds where.
    if (this.expected === undefined) return
    if (at > this.furthest) {
      this.furthest = at
      this.expected.clear()
    }
    if (at === this.furthest) this.expected.add(what)
  }

  protected code(): number {
    return this.input.charCodeAt(this.pos)
  }

  protected lit(c: number, what: string): boolean {
    if (this.input.charCodeAt(this.pos) === c) {
      this.pos++
      return true
    }
    if (this.expected !== undefined) this.fail(this.pos, what)
    return false
  }

  protected lit2(c1: number, c2: number, what: string): boolean {
    const s = this.input
    const p = this.pos
    if (s.charCodeAt(p) === c1 && s.charCodeAt(p + 1) === c2) {
      this.pos = p + 2
      return true
    }
    if (this.expected !== undefined) this.fail(p, what)
    return false
  }

  protected ws(): void {
    this.pos = skipWs(this.input, this.pos)
  }

  protected digits(): number | null {
    const s = this.input
    const start = this.pos
    let p = start
    let n = 0
    let c = s.charCodeAt(p)
    while (c >= C.Zero && c <= C.Nine) {
      n = n * 10 + (c - C.Zero)
      c = s.charCodeAt(++p)
    }
    this.pos = p
    if (this.expected !== undefined) this.fail(p, 'a digit')
    if (p === start) return FAIL
    return p - start > 15 ? parseInt(s.slice(start, p), 10) : n
  }

  protected letters(lowerOnly: boolean, what: string): string {
    const s = this.input
    const start = this.pos
    let p = start
    let c = s.charCodeAt(p)
    while (lowerOnly ? isLower(c) : isLetter(c)) c = s.charCodeAt(++p)
    this.pos = p
    if (this.expected !== undefined) this.fail(p, what)
    return p === start ? '' : s.slice(start, p)
  }
}
