/**
 * The contract every file format implements: text → raw value, raw value → text.
 *
 * `serialize` receives the file's current text (or `null` when there is none) so a format can
 * keep what its library allows (comments, key order, indentation, quoting) and touch only
 * what changed. When `value` equals what `previous` parses to, `serialize` returns
 * `previous` unchanged, byte for byte, so an unchanged value never rewrites a file.
 */
export interface FileFormat<Raw = unknown> {
  /** The name errors use: `json`, `yaml`, `toml`, `ini`, `env`, `xml`, `string`, `raw`. */
  readonly name: string
  /** Parses text; bad syntax throws {@link FormatSyntaxError}. */
  parse(text: string): Raw
  /** Renders `value`, keeping what it can of `previous` (the file's current text). */
  serialize(value: Raw, previous: string | null): string
  /**
   * Whether `previous` holds anything a fresh rendering would lose (comments, blank lines,
   * anchors, a layout of its own). A cheap textual check; when it says `false`, a full
   * `write` renders anew without parsing `previous`. Absent means "always".
   */
  keeps?(previous: string): boolean
}

/** A syntax error in a file's text, with a 1-based position when the parser knows it. */
export class FormatSyntaxError extends Error {
  readonly line: number | undefined
  readonly column: number | undefined

  constructor(
    message: string,
    position: { line?: number; column?: number } = {},
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause })
    this.name = 'FormatSyntaxError'
    this.line = position.line
    this.column = position.column
  }
}
