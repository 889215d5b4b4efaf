/** A 1-based line and column. */
export interface Position {
  line: number
  column: number
}

/**
 * The 1-based line and column of a UTF-16 `offset` in `text`. Lines end at `\n`; an offset
 * past the end points just after the last character.
 */
export function positionAt(text: string, offset: number): Position {
  const end = Math.max(0, Math.min(offset, text.length))
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < end; ) {
    line++
    lineStart = i + 1
    i = text.indexOf('\n', lineStart)
  }
  return { line, column: end - lineStart + 1 }
}

/** The line break `previous` uses: `\r\n` when its first line ends so, else `\n`. */
export function lineBreakOf(previous: string): '\n' | '\r\n' {
  const i = previous.indexOf('\n')
  return i > 0 && previous[i - 1] === '\r' ? '\r\n' : '\n'
}

/** `text` with every `\n` written as `eol`. */
export function withLineBreak(text: string, eol: '\n' | '\r\n'): string {
  return eol === '\n' ? text : text.replace(/\n/g, '\r\n')
}
