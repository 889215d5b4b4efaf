/*
 * Compile-time validation of exver string literals.
 *
 * Every check below is a small finite-state machine over the literal. A step consumes a
 * whole token: a run of digits or letters (skipped two characters per step), one
 * punctuation mark (`.` `-` `:` `#`) or one range symbol (`(`, `||`, `>=`, ...). All the
 * recursion is in tail position, so TypeScript evaluates it as a loop; the deepest nesting
 * is a handful of levels however long the literal is.
 *
 * The machines follow the runtime grammar of `./parser` (a PEG): repetitions are greedy
 * and never give characters back, so a `.`, `-` or `:` that does not continue a version
 * can never be read by anything else either, and the literal is invalid.
 */

// prettier-ignore
type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9'
// prettier-ignore
type Lower =
  | 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm'
  | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z'
type Letter = Lower | Uppercase<Lower>
/** Two-character chunks, so that a run is skipped two characters per step. */
type Digit2 = `${Digit}${Digit}`
type Lower2 = `${Lower}${Lower}`
type Letter2 = `${Letter}${Letter}`
/** Whitespace as the runtime grammar sees it (no other Unicode spaces). */
type Space = ' ' | '\t' | '\n' | '\r'

/** `S` without its leading run of `One` characters (`Two` is `${One}${One}`). */
type SkipRun<
  S extends string,
  One extends string,
  Two extends string,
> = S extends `${infer A}${infer B}${infer Rest}`
  ? `${A}${B}` extends Two
    ? SkipRun<Rest, One, Two>
    : A extends One
      ? `${B}${Rest}`
      : S
  : S extends One
    ? ''
    : S

/*
 * One version: `digits ('.' digits)* ('-' segment ('.' segment)*)?`, where a prerelease
 * segment is an optional extra `.` then a run of digits or of ASCII letters. Each state
 * returns what follows the version, or `false` when the literal cannot be valid.
 *
 * `Colon` says what a `:` right after the version means: `'down'` (read a downstream
 * version next, as in a range's `upstream:downstream`) or `'no'` (a `:` is an error).
 */
type Colon = 'down' | 'no'

/** Expects a run of digits: the start of a version, or after a `.` between numbers. */
type VerNumber<
  S extends string,
  K extends Colon,
> = S extends `${infer C}${string}`
  ? C extends Digit
    ? AfterNumber<SkipRun<S, Digit, Digit2>, K>
    : false
  : false

/** After a number: another number, a prerelease, a downstream version, or the end. */
// prettier-ignore
type AfterNumber<S extends string, K extends Colon> =
  S extends `.${infer Rest}` ? VerNumber<Rest, K>
  : S extends `-${infer Rest}` ? Segment<Rest, K>
  : S extends `:${infer Rest}` ? Downstream<Rest, K>
  : S

/** A prerelease segment: an optional extra `.`, then digits or letters. */
type Segment<S extends string, K extends Colon> = S extends `.${infer Rest}`
  ? SegmentBody<Rest, K>
  : SegmentBody<S, K>

// prettier-ignore
type SegmentBody<S extends string, K extends Colon> =
  S extends `${infer C}${string}`
    ? C extends Digit ? AfterSegment<SkipRun<S, Digit, Digit2>, K>
    : C extends Letter ? AfterSegment<SkipRun<S, Letter, Letter2>, K>
    : false
  : false

/** After a segment: `.` and another segment, a downstream version, or the end. */
// prettier-ignore
type AfterSegment<S extends string, K extends Colon> =
  S extends `.${infer Rest}` ? Segment<Rest, K>
  : S extends `:${infer Rest}` ? Downstream<Rest, K>
  : S

type Downstream<S extends string, K extends Colon> = K extends 'down'
  ? VerNumber<S, 'no'>
  : false

/** Whether `S` is exactly one version. */
type IsVersion<S extends string> = VerNumber<S, 'no'> extends '' ? true : false

/** Whether `S` is `[#flavor:]upstream:downstream`, the flavor being `[a-z]*`. */
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

/*
 * Ranges. The scanner is in one of three states:
 * - `'atom'`: an atom must start here (at the start, after `(`, `||` or `&&`);
 * - `'next'`: after an atom, where `||`, `&&`, `)`, the end, or another atom (the
 *   grammar joins juxtaposed atoms with "and") may follow;
 * - `'spec'`: after a comparison operator, or after leading whitespace, where only
 *   `[#flavor:]upstream[:downstream]` may follow.
 * Whitespace may separate any two tokens; the string may not end with it, and may start
 * with it only before a version. `Open` holds one element per unclosed `(`.
 */
type Mode = 'atom' | 'next' | 'spec'

// prettier-ignore
type Scan<S extends string, M extends Mode, Open extends unknown[]> =
  S extends `${infer C}${infer Rest}`
    ? C extends Digit ? AfterSpec<VerNumber<S, 'down'>, Open>
    : C extends Space ? Scan<Rest, M, Open>
    : C extends '#' ? AfterHash<SkipRun<Rest, Lower, Lower2>, M, Open>
    : M extends 'spec' ? false
    : C extends '(' ? Scan<Rest, 'atom', [...Open, C]>
    : C extends '*' ? Scan<Rest, 'next', Open>
    : C extends '!' ? (Rest extends `=${infer R}` ? Scan<R, 'spec', Open> : Scan<Rest, 'next', Open>)
    : C extends '>' | '<' ? (Rest extends `=${infer R}` ? Scan<R, 'spec', Open> : Scan<Rest, 'spec', Open>)
    : C extends '=' | '^' | '~' ? Scan<Rest, 'spec', Open>
    : M extends 'atom' ? false
    : C extends ')' ? (Open extends [unknown, ...infer O] ? Scan<Rest, 'next', O> : false)
    : C extends '|' ? (Rest extends `|${infer R}` ? Scan<R, 'atom', Open> : false)
    : C extends '&' ? (Rest extends `&${infer R}` ? Scan<R, 'atom', Open> : false)
    : false
  : M extends 'next'
    ? Open extends [] ? true : false
    : false

/** Continues after a version spec (`Rest` is `false` if the spec was malformed). */
type AfterSpec<Rest, Open extends unknown[]> = Rest extends string
  ? Scan<Rest, 'next', Open>
  : false

/**
 * After `#` and a run of lowercase letters: with a `:`, the flavor of a version spec;
 * without, a flavor atom (not allowed where a version spec is required).
 */
type AfterHash<
  S extends string,
  M extends Mode,
  Open extends unknown[],
> = S extends `:${infer Rest}`
  ? AfterSpec<VerNumber<Rest, 'down'>, Open>
  : M extends 'spec'
    ? false
    : Scan<S, 'next', Open>

type IsRange<S extends string> = S extends `${string}${Space}`
  ? false
  : S extends `${Space}${string}`
    ? Scan<S, 'spec', []>
    : Scan<S, 'atom', []>

/**
 * Checks at compile time that a string literal is a version: dot-separated numbers with
 * an optional prerelease (`1.2.3`, `1-0`, `29.0-beta.2`). Resolves to `unknown` when the
 * literal is valid and to `never` when it is not.
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
 * flavor, a third `:` part).
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
