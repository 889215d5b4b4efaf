/**
 * A regular expression that composes into larger ones: `matches()` is its source anchored for
 * a whole-string match, `contains()` the bare source, `asExpr()` the source in a group.
 *
 * @example
 * ```ts
 * const digits = new ComposableRegex(/\d+/)
 * digits.matches() // '^\\d+$'
 * new RegExp(`^${digits.asExpr()}-${digits.asExpr()}$`).test('12-34') // true
 * ```
 */
export class ComposableRegex {
  /** The expression itself. */
  readonly regex: RegExp

  constructor(regex: RegExp | string) {
    this.regex = regex instanceof RegExp ? regex : new RegExp(regex)
  }

  /** The source in a capturing group, to embed in a larger expression. */
  asExpr(): string {
    return `(${this.regex.source})`
  }

  /** The source anchored with `^…$`, matching a whole string. */
  matches(): string {
    return `^${this.regex.source}$`
  }

  /** The bare source, matching anywhere in a string. */
  contains(): string {
    return this.regex.source
  }
}

/**
 * `str` with every character that has a meaning in a regular expression escaped, so it
 * matches itself.
 *
 * @example
 * ```ts
 * new RegExp(escapeLiteral('1.0 (beta)')).test('1.0 (beta)') // true
 * ```
 */
export const escapeLiteral = (str: string): string =>
  str.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
