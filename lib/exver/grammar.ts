import { ExVerParseError } from './ExVerParseError'
import { C, FAIL, Scanner } from './scanner'

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

/**
 * A recursive-descent reading of the exver PEG grammar. It accepts exactly what StartOS
 * accepts (ordered choice, greedy repetition, no backtracking into a finished repetition)
 * and reports the furthest position at which the grammar failed, as a PEG parser does.
 * These are the traced rules, in grammar order; the fast pass (`parser.ts`) overrides the
 * hot ones and calls back into these where it has nothing faster.
 */
export abstract class Rules<V, E, R> extends Scanner {
  protected depth = 0
  /** Positions where a range atom is known to fail: keeps `!(!(…` inputs linear. */
  protected failedAtoms: Set<number> | undefined

  constructor(
    input: string,
    protected readonly f: ExVerFactory<V, E, R>,
    collect: boolean,
  ) {
    super(input, collect)
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
    if (this.expected === undefined) return this.fastVersion()
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

  protected enter(at: number): void {
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

  protected atom(emver: boolean, remember = false): R | null {
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

  protected atomUncached(emver: boolean): R | null {
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

  /** The fast pass's version reader. */
  protected abstract fastVersion(): V | null
  /** The fast pass's `[#flavor:]upstream[:downstream]` reader. */
  protected abstract fastExtended(optionalDownstream: boolean): E | null
  /** The fast pass's range loop. */
  protected abstract fastRange(): R | null
  /** The fast pass's atom. */
  protected abstract fastAtom(emver: boolean): R | null
}
