import { ExVerParseError } from './ExVerParseError'
import type { ExVerGrammarRule } from './ExVerParseError'
import { readEnd, readExtended, readVersion } from './fastRead'
import { MAX_INPUT_LENGTH, Rules } from './grammar'
import type { CmpOp, ExVerFactory } from './grammar'
import { C, FAIL, skipWs } from './scanner'

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
 * The exver grammar with its fast pass: each atom dispatches on its first character to
 * the only alternatives that can match there, and versions are read by the tight loops of
 * `fastRead.ts`. Nothing is recorded about failures; when the fast pass fails, a second,
 * traced pass (the rules of `grammar.ts`) finds where and what was expected.
 */
class Reader<V, E, R> extends Rules<V, E, R> {
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

  protected fastExtended(optionalDownstream: boolean): E | null {
    const e = readExtended(this.input, this.pos, this.f, optionalDownstream)
    if (e !== null) this.pos = readEnd()
    return e
  }

  /** {@link range} for the fast pass, reading separators over local positions. */
  protected fastRange(): R | null {
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

  /**
   * The fast pass's atom: dispatches on the first character to the only alternatives
   * that can match there, in grammar order, and falls back to {@link atomUncached}.
   */
  protected fastAtom(emver: boolean): R | null {
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

  protected fastVersion(): V | null {
    const v = readVersion(this.input, this.pos, this.f)
    if (v !== null) this.pos = readEnd()
    return v
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
