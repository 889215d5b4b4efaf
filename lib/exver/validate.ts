/*
 * Compile-time validation of exver string literals, following the runtime grammar of
 * `./parser` exactly: a literal is accepted if and only if the parser accepts it.
 *
 * Every step consumes a token, not a character. A lone version is split on `-` and `.`
 * and each piece is looked up (numbers of up to three digits) or skimmed two characters
 * at a time. A range is read by a small state machine whose steps are a run of digits or
 * letters, one `.` `-` `:` `#`, or one range symbol (`(`, `||`, `>=`, ...).
 *
 * All recursion is in tail position, which the compiler runs as a loop of at most 1000
 * steps; loops are nested only a few levels deep. A range is resumed after every version
 * it contains, so the limit applies between two versions: literals of some thousands of
 * characters check without "excessively deep" errors.
 */

// prettier-ignore
type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9'
// prettier-ignore
type Lower =
  | 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm'
  | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z'
type Letter = Lower | Uppercase<Lower>
/** Whitespace as the grammar sees it (no other Unicode spaces). */
type Space = ' ' | '\t' | '\n' | '\r'
/** Two-character chunks, so that a run is skipped two characters per step. */
type Digit2 = `${Digit}${Digit}`
type Lower2 = `${Lower}${Lower}`
type Letter2 = `${Letter}${Letter}`
type Space2 = `${Space}${Space}`
/** Numbers of up to three digits, looked up in one step. */
type Short = Digit | Digit2 | `${Digit}${Digit2}`

/** `S` without its leading run of `One` characters (`Two` is `${One}${One}`). */
// prettier-ignore
type SkipRun<S extends string, One extends string, Two extends string> =
  S extends `${infer A}${infer B}${infer Rest}`
    ? `${A}${B}` extends Two ? SkipRun<Rest, One, Two>
    : A extends One ? `${B}${Rest}`
    : S
  : S extends One ? ''
  : S

// prettier-ignore
type IsDigits<S extends string> =
  S extends Short ? true
  : S extends '' ? false
  : SkipRun<S, Digit, Digit2> extends '' ? true
  : false

/* ------------------------------------------------------- a lone version */

/** `digits ('.' digits)* ('-' segment ('.' segment)*)?` and nothing more. */
type IsVersion<S extends string> = S extends `${infer Numbers}-${infer Pre}`
  ? IsNumbers<Numbers> extends true
    ? IsPrerelease<Pre>
    : false
  : IsNumbers<S>

type IsNumbers<S extends string> = S extends `${infer N}.${infer Rest}`
  ? IsDigits<N> extends true
    ? IsNumbers<Rest>
    : false
  : IsDigits<S>

/** Prerelease segments: each a run of digits or of letters after one optional `.`. */
type IsPrerelease<S extends string> = S extends `.${infer Rest}`
  ? IsSegments<Rest>
  : IsSegments<S>

type IsSegments<S extends string> = S extends `${infer Seg}.${infer Rest}`
  ? IsSegment<Seg> extends true
    ? IsPrerelease<Rest>
    : false
  : IsSegment<S>

// prettier-ignore
type IsSegment<S extends string> =
  IsDigits<S> extends true ? true
  : S extends '' ? false
  : SkipRun<S, Letter, Letter2> extends '' ? true
  : false

/** `[#flavor:]upstream:downstream`, the flavor being `[a-z]*`. */
type IsExVer<S extends string> = S extends `#${infer Flavor}:${infer Rest}`
  ? SkipRun<Flavor, Lower, Lower2> extends ''
    ? IsVersionPair<Rest>
    : false
  : IsVersionPair<S>

type IsVersionPair<S extends string> = S extends `${infer Up}:${infer Down}`
  ? IsVersion<Up> extends true
    ? IsVersion<Down>
    : false
  : false

/* ------------------------------------------------- a version in a range */

/*
 * Inside a range a version ends wherever the grammar stops reading it, so it is read
 * from the front: each state returns the text after the version, or `false`. Nothing
 * else can start with `.`, `-` or `:`, so one that does not continue the version makes
 * the whole range invalid. `Colon` tells whether a `:downstream` may still follow.
 */
type Colon = 'down' | 'no'

/** A run of digits: the start of a version, or after a `.` between numbers. */
type VerNumber<
  S extends string,
  K extends Colon,
> = S extends `${infer C}${string}`
  ? C extends Digit
    ? AfterNumber<SkipRun<S, Digit, Digit2>, K>
    : false
  : false

// prettier-ignore
type AfterNumber<S extends string, K extends Colon> =
  S extends `.${infer Rest}` ? VerNumber<Rest, K>
  : S extends `-${infer Rest}` ? Segment<Rest, K>
  : S extends `:${infer Rest}` ? Downstream<Rest, K>
  : S

/** A prerelease segment: one optional `.`, then digits or letters. */
// prettier-ignore
type Segment<S extends string, K extends Colon> =
  S extends `.${infer Rest}` ? SegmentBody<Rest, K> : SegmentBody<S, K>

// prettier-ignore
type SegmentBody<S extends string, K extends Colon> =
  S extends `${infer C}${string}`
    ? C extends Digit ? AfterSegment<SkipRun<S, Digit, Digit2>, K>
    : C extends Letter ? AfterSegment<SkipRun<S, Letter, Letter2>, K>
    : false
  : false

// prettier-ignore
type AfterSegment<S extends string, K extends Colon> =
  S extends `.${infer Rest}` ? Segment<Rest, K>
  : S extends `:${infer Rest}` ? Downstream<Rest, K>
  : S

// prettier-ignore
type Downstream<S extends string, K extends Colon> =
  K extends 'down' ? VerNumber<S, 'no'> : false

/* ---------------------------------------------------------------- ranges */

/*
 * The scanner is in one of three states:
 * - `'atom'`: an atom must start here (at the start, after `(`, `||` or `&&`);
 * - `'next'`: after an atom, where `||`, `&&`, `)`, the end, or another atom (the
 *   grammar joins juxtaposed atoms with "and") may follow;
 * - `'spec'`: after a comparison operator or leading whitespace, where only
 *   `[#flavor:]upstream[:downstream]` may follow.
 * Whitespace may separate any two tokens; the range may not end with it, and may start
 * with it only before a version. `Open` holds one element per unclosed `(`. On reaching
 * a version, `Scan` returns `[text after it, Open]` for `Resume` to carry on.
 */
type Mode = 'atom' | 'next' | 'spec'

// prettier-ignore
type Scan<S extends string, M extends Mode, Open extends unknown[]> =
  S extends `${infer C}${infer Rest}`
    ? C extends Digit ? [VerNumber<S, 'down'>, Open]
    : C extends Space ? Scan<SkipRun<Rest, Space, Space2>, M, Open>
    : C extends '#' ? AfterHash<SkipRun<Rest, Lower, Lower2>, M, Open>
    : M extends 'spec' ? false
    : C extends '(' ? Scan<Rest, 'atom', [...Open, C]>
    : C extends '*' ? Scan<Rest, 'next', Open>
    : C extends '!'
      ? Rest extends `=${infer R}` ? Scan<R, 'spec', Open> : Scan<Rest, 'next', Open>
    : C extends '>' | '<'
      ? Rest extends `=${infer R}` ? Scan<R, 'spec', Open> : Scan<Rest, 'spec', Open>
    : C extends '=' | '^' | '~' ? Scan<Rest, 'spec', Open>
    : M extends 'atom' ? false
    : C extends ')' ? (Open extends [unknown, ...infer O] ? Scan<Rest, 'next', O> : false)
    : C extends '|' ? (Rest extends `|${infer R}` ? Scan<R, 'atom', Open> : false)
    : C extends '&' ? (Rest extends `&${infer R}` ? Scan<R, 'atom', Open> : false)
    : false
  : M extends 'next'
    ? Open extends [] ? true : false
    : false

/**
 * After `#` and a run of lowercase letters: with a `:`, the flavor of a version;
 * without, a flavor atom (not allowed where a version is required).
 */
// prettier-ignore
type AfterHash<S extends string, M extends Mode, Open extends unknown[]> =
  S extends `:${infer Rest}` ? [VerNumber<Rest, 'down'>, Open]
  : M extends 'spec' ? false
  : Scan<S, 'next', Open>

// prettier-ignore
type Resume<X> =
  X extends [infer Rest, infer Open extends unknown[]]
    ? Rest extends string ? Resume<Scan<Rest, 'next', Open>> : false
    : X

// prettier-ignore
type IsRange<S extends string> =
  S extends `${string}${Space}` ? false
  : S extends `${Space}${string}` ? Resume<Scan<S, 'spec', []>>
  : Resume<Scan<S, 'atom', []>>

/* --------------------------------------------------------------- exports */

/**
 * Checks at compile time that a string literal is a version: dot-separated numbers with
 * an optional prerelease (`1.2.3`, `1-0`, `29.0-beta.2`). Resolves to `unknown` when the
 * literal is valid and to `never` when it is not (also for a widened `string`).
 *
 * @example
 * ```ts
 * type Ok = ValidateVersion<'1.2.3-beta.1'> // unknown
 * ```
 * @example
 * ```ts
 * type Bad = ValidateVersion<'1..2'> // never
 * ```
 */
export type ValidateVersion<T extends String> = T extends string
  ? IsVersion<T> extends true
    ? unknown
    : never
  : never

/**
 * Checks at compile time that a string literal is an extended version,
 * `[#flavor:]upstream:downstream` (`1.2.3:0`, `#knots:29.0:1`). Resolves to `unknown`
 * when the literal is valid and to `never` when it is not (a bare `1.2.3`, an uppercase
 * flavor, a third `:` part, a widened `string`).
 *
 * @example
 * ```ts
 * type Ok = ValidateExVer<'#knots:29.0:1'> // unknown
 * ```
 * @example
 * ```ts
 * type Bad = ValidateExVer<'1.2.3'> // never: no downstream version
 * ```
 */
export type ValidateExVer<T extends string> = T extends string
  ? IsExVer<T> extends true
    ? unknown
    : never
  : never

/**
 * Checks a tuple of extended version literals with {@link ValidateExVer}: `unknown[]`
 * when every element is valid (and for `[]`), `never` when one is not, `never[]` for a
 * type that is not a tuple.
 *
 * @example
 * ```ts
 * type Ok = ValidateExVers<['1.0:0', '#knots:29.0:1']> // unknown[]
 * ```
 * @example
 * ```ts
 * type Bad = ValidateExVers<['1.0:0', '2.0']> // never
 * ```
 */
export type ValidateExVers<T> = T extends readonly [infer First, ...infer More]
  ? ValidateExVer<First & string> & ValidateExVers<More>
  : T extends readonly []
    ? unknown[]
    : never[]

/**
 * Checks at compile time that a string literal is a version range: anchors
 * (`>=1.0:0`, `^29`, `!=2:0`, `#knots:29`), `*`, `!`, `#flavor`, negation,
 * parentheses, and `||` / `&&` / whitespace between them. Resolves to `unknown` when the
 * literal is valid and to `never` when any part of it is malformed. A widened `string`
 * resolves to `unknown`: it can only be checked at runtime.
 *
 * @example
 * ```ts
 * type Ok = ValidateExVerRange<'(>=1:0 && <2:0) || #knots'> // unknown
 * ```
 * @example
 * ```ts
 * type Bad = ValidateExVerRange<'^28 || 30.x:0'> // never
 * ```
 */
export type ValidateExVerRange<T extends string> = string extends T
  ? unknown
  : T extends string
    ? IsRange<T> extends true
      ? unknown
      : never
    : never
