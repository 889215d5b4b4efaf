import { SdkError } from '../errors'

/** The grammar rule a parse started from, which names what the input was meant to be. */
export type ExVerGrammarRule =
  | 'Version'
  | 'ExtendedVersion'
  | 'Emver'
  | 'VersionRange'
  | 'EmverVersionRange'

const WHAT: Record<ExVerGrammarRule, string> = {
  Version: 'version',
  ExtendedVersion: 'extended version',
  Emver: 'emver version',
  VersionRange: 'version range',
  EmverVersionRange: 'emver version range',
}

const HINT: Record<ExVerGrammarRule, string> = {
  Version:
    'a version is dot-separated numbers with an optional -prerelease, e.g. "1.2.3-beta.1"',
  ExtendedVersion:
    'an extended version is [#flavor:]upstream:downstream, e.g. "1.2.3:0" or "#knots:29.0:1"',
  Emver: 'an emver version is major.minor.patch[.revision], e.g. "1.2.3.4"',
  VersionRange:
    'a range combines anchors like ">=1.0:0", "^2.1", "#flavor", "*" with "&&", "||", "!" and parentheses',
  EmverVersionRange:
    'an emver range combines anchors like ">=1.2.3" with "&&", "||", "!" and parentheses',
}

/** Shows at most this many characters of the input on each side of the error. */
const WINDOW = 40

function excerpt(input: string, offset: number): string {
  if (input.length <= WINDOW * 2) return JSON.stringify(input)
  const from = Math.max(0, offset - WINDOW)
  const to = Math.min(input.length, offset + WINDOW)
  const head = from > 0 ? '…' : ''
  const tail = to < input.length ? '…' : ''
  return `${head}${JSON.stringify(input.slice(from, to))}${tail} (${input.length} characters)`
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'nothing'
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`
}

/**
 * A version, extended version or range string that does not follow the exver grammar.
 * `offset` is the 0-based position of the first character the grammar could not accept.
 */
export class ExVerParseError extends SdkError {
  readonly input: string
  readonly rule: ExVerGrammarRule
  readonly offset: number
  readonly expected: readonly string[]
  readonly found: string | null

  constructor(
    input: string,
    rule: ExVerGrammarRule,
    offset: number,
    expected: readonly string[],
    found: string | null = offset < input.length ? input.charAt(offset) : null,
  ) {
    const sorted = [...expected].sort()
    const saw = found === null ? 'the end of the input' : JSON.stringify(found)
    super(
      'EXVER_PARSE',
      `Invalid ${WHAT[rule]} ${excerpt(input, offset)}: expected ${list(sorted)} at position ${offset}, found ${saw}; ${HINT[rule]}`,
      { details: { rule, offset, expected: sorted } },
    )
    this.name = 'ExVerParseError'
    this.input = input
    this.rule = rule
    this.offset = offset
    this.expected = sorted
    this.found = found
  }
}
