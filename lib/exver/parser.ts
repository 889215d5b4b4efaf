import { ExVerParseError } from './ExVerParseError'
import type { ExVerGrammarRule } from './ExVerParseError'
import { readEnd, readExtended, readVersion } from './fastRead'
import { C, FAIL, Scanner, skipWs } from './scanner'

/** A comparison operator of a range anchor. */
export type CmpOp = '>=' | '<=' | '>' | '<' | '=' | '!=' | '^' | '~'

/** One prerelease element: a number (`1`) or a run of ASCII letters (`beta`). */
export type PrereleaseSegment = string | number

/** How the parser builds its results; the model passes its own constructors in. */
export interface ExVerFactory<V, E, R> {
  version(number: number[], prerelease: PrereleaseSegment[]): V
  extended(flavor: string | null, upstream: V, downstream: V): E
  anchor(operator: CmpOp, version: E): R
  and(left: R, right: R): R
  or(left: R, right: R): R
  not(value: R): R
  any(): R
  none(): R
  flavor(flavor: string): R
}

/** Nesting (parentheses and `!`) deeper than this is refused rather than risking the stack. */
export const MAX_RANGE_DEPTH = 1000

/** Longer inputs are refused at once: real versions and ranges are a few dozen characters. */
export const MAX_INPUT_LENGTH = 65536

const OPS: readonly CmpOp[] = ['>=', '<=', '>', '<', '=', '!=', '^', '~']

/** Whether an atom may start with character code `c`: `(`, `!`, `*`, `#`, an operator, a digit or whitespace. */
function startsAtom(c: number): boolean {
  if (c >= C.Zero && c <= C.Nine) return true
  switch (c) {
    case C.LParen:
    case C.Bang:
    case C.Star:
    case C.Hash:
    case C.Lt:
    case C.Gt:
    case C.Eq:
    case C.Caret:
    case C.Tilde:
    case C.Space:
    case C.Tab:
    case C.Lf:
    case C.Cr:
      return true
  }
  return false
}
/**
 * A recursive-descent reading of the exver PEG grammar. It accepts exactly what StartOS
 * accepts (ordered choice, greedy repetition, no backtracking into a finished repetition)
 * and reports the furthest position at which the grammar failed, as a PEG parser does.
 */
class Reader<V, E, R> extends Scanner {
  private depth = 0
  /** Positions where a range atom is known to fail: keeps `!(!(…` inputs linear. */
  private failedAtoms: Set<number> | undefined

  constructor(
    input: string,
    private readonly f: ExVerFactory<V, E, R>,
    collect: boolean,
  ) {
    super(input, collect)
  }

  /** Runs `rule` over the whole input, throwing {@link ExVerParseError} on failure. */
  run<T>(
    input: string,
    rule: ExVerGrammarRule,
    read: (r: Reader<V, E, R>) => T | null,
  ): T {
    if (typeof input !== 'string') {
      throw new ExVerParseError(
        String(input),
        rule,
        0,
        ['a string'],
        typeof input,
      )
    }
    if (input.length > MAX_INPUT_LENGTH) {
      const expected = [`at most ${MAX_INPUT_LENGTH} characters`]
      throw new ExVerParseError(input, rule, MAX_INPUT_LENGTH, expected)
    }
    this.start(input)
    const result = read(this)
    if (result !== FAIL && this.atEnd()) return result
    // Second pass, now collecting what was expected where the first pass got furthest.
    const d = new Reader(input, this.f, true)
    throw d.error(rule, read(d) !== FAIL)
  }

  /** `digits ('.' digits)*`. */
  private numbers(): number[] | null {
    const first = this.digits()
    if (first === FAIL) return FAIL
    const out = [first]
    for (;;) {
      const save = this.pos
      if (!this.lit(C.Dot, '"."')) break
      const n = this.digits()
      if (n === FAIL) {
        this.pos = save
        break
      }
      out.push(n)
    }
    return out
  }

  private segment(): PrereleaseSegment | null {
    const save = this.pos
    if (this.code() === C.Dot) this.pos++
    else this.fail(this.pos, '"."')
    const n = this.digits()
    if (n !== FAIL) return n
    const word = this.letters(false, 'a letter')
    if (word.length > 0) return word
    this.pos = save
    return FAIL
  }

  private prerelease(): PrereleaseSegment[] {
    const save = this.pos
    if (!this.lit(C.Dash, '"-"')) return []
    const first = this.segment()
    if (first === FAIL) {
      this.pos = save
      return []
    }
    const out = [first]
    for (;;) {
      const at = this.pos
      if (!this.lit(C.Dot, '"."')) break
      const next = this.segment()
      if (next === FAIL) {
        this.pos = at
        break
      }
      out.push(next)
    }
    return out
  }

  version(): V | null {
    if (this.expected === undefined) {
      const v = readVersion(this.input, this.pos, this.f)
      if (v !== null) this.pos = readEnd()
      return v
    }
    const number = this.numbers()
    if (number === FAIL) return FAIL
    return this.f.version(number, this.prerelease())
  }

  /** `#flavor:` (the flavor may be empty); `undefined` when absent. */
  private flavorPrefix(): string | undefined {
    const save = this.pos
    if (!this.lit(C.Hash, '"#"')) return undefined
    const flavor = this.letters(true, 'a lowercase letter')
    if (this.lit(C.Colon, '":"')) return flavor
    this.pos = save
    return undefined
  }

  extendedVersion(): E | null {
    if (this.expected === undefined) return this.fastExtended(false)
    const save = this.pos
    const flavor = this.flavorPrefix()
    const up = this.version()
    if (up === FAIL || !this.lit(C.Colon, '":"')) {
      this.pos = save
      return FAIL
    }
    const down = this.version()
    if (down === FAIL) {
      this.pos = save
      return FAIL
    }
    return this.f.extended(flavor || null, up, down)
  }

  /** `[#flavor:]upstream[:downstream]`, the downstream defaulting to `0`. */
  private fastExtended(optionalDownstream: boolean): E | null {
    const e = readExtended(this.input, this.pos, this.f, optionalDownstream)
    if (e !== null) this.pos = readEnd()
    return e
  }

  private versionSpec(): E | null {
    if (this.expected === undefined) return this.fastExtended(true)
    const save = this.pos
    const flavor = this.flavorPrefix()
    const up = this.version()
    if (up === FAIL) {
      this.pos = save
      return FAIL
    }
    const at = this.pos
    let down: V | null = FAIL
    if (this.lit(C.Colon, '":"')) {
      down = this.version()
      if (down === FAIL) this.pos = at
    }
    return this.f.extended(flavor || null, up, down ?? this.f.version([0], []))
  }

  /** Emver: `major.minor.patch[.revision]`. */
  emver(): E | null {
    const save = this.pos
    const parts: number[] = []
    for (let i = 0; i < 3; i++) {
      if (i > 0 && !this.lit(C.Dot, '"."')) break
      const n = this.digits()
      if (n === FAIL) break
      parts.push(n)
    }
    if (parts.length < 3) {
      this.pos = save
      return FAIL
    }
    let revision = 0
    const at = this.pos
    if (this.lit(C.Dot, '"."')) {
      const n = this.digits()
      if (n === FAIL) this.pos = at
      else revision = n
    }
    const f = this.f
    return f.extended(
      null,
      f.version(parts, []),
      f.version([revision || 0], []),
    )
  }

  private cmpOp(): CmpOp | null {
    const s = this.input
    const p = this.pos
    const c = s.charCodeAt(p)
    const next = s.charCodeAt(p + 1)
    let op: CmpOp | null = FAIL
    if (c === C.Gt) op = next === C.Eq ? '>=' : '>'
    else if (c === C.Lt) op = next === C.Eq ? '<=' : '<'
    else if (c === C.Eq) op = '='
    else if (c === C.Bang && next === C.Eq) op = '!='
    else if (c === C.Caret) op = '^'
    else if (c === C.Tilde) op = '~'
    if (op !== '>=' && this.expected !== undefined) this.failOps(op)
    if (op !== FAIL) this.pos += op.length
    return op
  }

  /** Records the operator literals tried before `op` matched (all eight when none did). */
  private failOps(op: CmpOp | null): void {
    const p = this.pos
    for (const o of OPS) {
      if (o === op) return
      this.fail(p, `"${o}"`)
    }
  }

  private enter(at: number): void {
    if (++this.depth > MAX_RANGE_DEPTH) {
      throw new ExVerParseError(this.input, 'VersionRange', at, [
        `at most ${MAX_RANGE_DEPTH} nested groups or negations`,
      ])
    }
  }

  /** `atom ((_ ('||' | '&&') _)? atom)*`, folded left to right with no precedence. */
  range(emver: boolean): R | null {
    if (this.expected === undefined && !emver) return this.fastRange()
    let result = this.atom(emver)
    if (result === FAIL) return FAIL
    for (;;) {
      const save = this.pos
      const or = this.separator()
      const next = this.atom(emver)
      if (next === FAIL) {
        this.pos = save
        return result
      }
      result = or ? this.f.or(result, next) : this.f.and(result, next)
    }
  }

  /** {@link range} for the fast pass, reading separators over local positions. */
  private fastRange(): R | null {
    let result = this.atom(false)
    if (result === FAIL) return FAIL
    const s = this.input
    for (;;) {
      const save = this.pos
      let p = skipWs(s, save)
      const c = s.charCodeAt(p)
      let or = false
      if ((c === C.Pipe || c === C.Amp) && s.charCodeAt(p + 1) === c) {
        or = c === C.Pipe
        p = skipWs(s, p + 2)
      }
      // No atom starts at the end of the input.
      if (p >= s.length) {
        this.pos = save
        return result
      }
      this.pos = p
      const next = this.atom(false)
      if (next === FAIL) {
        this.pos = save
        return result
      }
      result = or ? this.f.or(result, next) : this.f.and(result, next)
    }
  }

  /** Resets the reader for a new input. */
  start(input: string): void {
    this.reset(input)
    this.depth = 0
    this.failedAtoms = undefined
  }

  /**
   * A range atom. Only a failed `!` operand is ever tried again at the same position (as
   * the atom after a bare `!`), so `remember` is set there and failures are memoized.
   */
  /** `_ (('||' | '&&') _)?`; whether it was `||`. */
  private separator(): boolean {
    this.ws()
    if (this.lit2(C.Pipe, C.Pipe, '"||"')) {
      this.ws()
      return true
    }
    if (this.lit2(C.Amp, C.Amp, '"&&"')) this.ws()
    return false
  }

  private atom(emver: boolean, remember = false): R | null {
    const start = this.pos
    if (this.failedAtoms !== undefined && this.failedAtoms.has(start))
      return FAIL
    const r =
      this.expected === undefined
        ? this.fastAtom(emver)
        : this.atomUncached(emver)
    if (r === FAIL && remember) (this.failedAtoms ??= new Set()).add(start)
    return r
  }

  /**
   * The fast pass's atom: dispatches on the first character to the only alternatives
   * that can match there, in grammar order, and falls back to {@link atomUncached}.
   */
  private fastAtom(emver: boolean): R | null {
    const c = this.input.charCodeAt(this.pos)
    if (emver)
      return c === C.Star || startsAtom(c) ? this.atomUncached(emver) : FAIL
    if (
      (c >= C.Zero && c <= C.Nine) ||
      c === C.Gt ||
      c === C.Lt ||
      c === C.Caret
    ) {
      const anchor = this.fastAnchor(c)
      return anchor !== FAIL ? anchor : this.atomUncached(emver)
    }
    switch (c) {
      case C.Star:
        this.pos++
        return this.f.any()
      case C.LParen:
        return this.fastParens()
      case C.Bang:
        if (this.input.charCodeAt(this.pos + 1) !== C.Eq) return this.fastBang()
        break
      case C.Hash: {
        const anchor = this.fastAnchor(c)
        if (anchor !== FAIL) return anchor
        // Nothing but a flavor atom starts with `#` once the anchor failed.
        this.pos++
        return this.f.flavor(this.letters(true, 'a lowercase letter'))
      }
    }
    if (!startsAtom(c)) return FAIL
    return this.fastAnchor(c) ?? this.atomUncached(emver)
  }

  /** `( range )` in the fast pass; nothing else can match at a `(`. */
  private fastParens(): R | null {
    const start = this.pos
    this.enter(start)
    this.pos = skipWs(this.input, start + 1)
    const inner = this.range(false)
    this.depth--
    if (inner !== FAIL) {
      const p = skipWs(this.input, this.pos)
      if (this.input.charCodeAt(p) === C.RParen) {
        this.pos = p + 1
        return inner
      }
    }
    this.pos = start
    return FAIL
  }

  /** `!atom`, else a bare `!` (None), in the fast pass. */
  private fastBang(): R | null {
    const start = this.pos
    this.enter(start)
    this.pos = skipWs(this.input, start + 1)
    const value = this.atom(false, true)
    this.depth--
    if (value !== FAIL) return this.f.not(value)
    this.pos = start + 1
    return this.f.none()
  }

  /** An anchor read by the fast pass (`c` is the current character), or FAIL. */
  private fastAnchor(c: number): R | null {
    const s = this.input
    let p = this.pos
    const next = s.charCodeAt(p + 1)
    let op: CmpOp = '^'
    if (c === C.Gt) op = next === C.Eq ? '>=' : '>'
    else if (c === C.Lt) op = next === C.Eq ? '<=' : '<'
    else if (c === C.Eq) op = '='
    else if (c === C.Caret) op = '^'
    else if (c === C.Tilde) op = '~'
    else if (c === C.Bang) op = '!='
    else p--
    p += next === C.Eq && (c === C.Gt || c === C.Lt || c === C.Bang) ? 2 : 1
    const at = s.charCodeAt(p)
    const from =
      at === C.Space || at === C.Tab || at === C.Lf || at === C.Cr
        ? skipWs(s, p)
        : p
    const version = readExtended(s, from, this.f, true)
    if (version === null) return FAIL
    this.pos = readEnd()
    return this.f.anchor(op, version)
  }

  private atomUncached(emver: boolean): R | null {
    const start = this.pos
    // Parens
    if (this.lit(C.LParen, '"("')) {
      this.enter(start)
      this.ws()
      const inner = this.range(emver)
      this.depth--
      if (inner !== FAIL) {
        this.ws()
        if (this.lit(C.RParen, '")"')) return inner
      }
      this.pos = start
    }
    // Anchor
    const op = this.cmpOp()
    this.ws()
    const version = emver ? this.emver() : this.versionSpec()
    if (version !== FAIL) return this.f.anchor(op ?? '^', version)
    this.pos = start
    // Not, then None
    if (this.lit(C.Bang, '"!"')) {
      this.enter(start)
      this.ws()
      const value = this.atom(emver, true)
      this.depth--
      if (value !== FAIL) return this.f.not(value)
      this.pos = start
    }
    // Any
    if (this.lit(C.Star, '"*"')) return this.f.any()
    if (this.lit(C.Bang, '"!"')) return this.f.none()
    // FlavorAtom
    if (!emver && this.lit(C.Hash, '"#"')) {
      return this.f.flavor(this.letters(true, 'a lowercase letter'))
    }
    this.pos = start
    return FAIL
  }
}

/** The grammar's entry points, bound to a factory. */
export interface ExVerParser<V, E, R> {
  version(input: string): V
  extendedVersion(input: string): E
  emver(input: string): E
  range(input: string): R
  emverRange(input: string): R
}

/** Binds the exver grammar to the constructors of a model. */
export function createParser<V, E, R>(
  f: ExVerFactory<V, E, R>,
): ExVerParser<V, E, R> {
  // One reader serves every fast pass: parsing never re-enters itself.
  const r = new Reader<V, E, R>('', f, false)
  const version = (x: Reader<V, E, R>): V | null => x.version()
  const extended = (x: Reader<V, E, R>): E | null => x.extendedVersion()
  const emver = (x: Reader<V, E, R>): E | null => x.emver()
  const range = (x: Reader<V, E, R>): R | null => x.range(false)
  const emverRange = (x: Reader<V, E, R>): R | null => x.range(true)
  return {
    version: (s) => r.run(s, 'Version', version),
    extendedVersion: (s) => r.run(s, 'ExtendedVersion', extended),
    emver: (s) => r.run(s, 'Emver', emver),
    range: (s) => r.run(s, 'VersionRange', range),
    emverRange: (s) => r.run(s, 'EmverVersionRange', emverRange),
  }
}
