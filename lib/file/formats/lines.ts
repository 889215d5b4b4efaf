/** One line of a text file and the line break after it (`''` for an unterminated last line). */
export interface TextLine {
  text: string
  end: string
}

/** A text split into lines, remembering its line break and whether it ended with one. */
export interface SplitText {
  lines: TextLine[]
  /** The break new lines get: the first line's break, else `\n`. */
  eol: '\n' | '\r\n'
  /** Whether the last line ended with a line break. */
  finalBreak: boolean
}

/** Splits `text` at `\n` (a `\r` before it belongs to the break). */
export function splitLines(text: string): SplitText {
  const parts = text.split('\n')
  const lines: TextLine[] = []
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    const last = i === parts.length - 1
    if (last && part === '') break
    if (!last && part.endsWith('\r'))
      lines.push({ text: part.slice(0, -1), end: '\r\n' })
    else lines.push({ text: part, end: last ? '' : '\n' })
  }
  const eol = lines.length > 0 && lines[0].end === '\r\n' ? '\r\n' : '\n'
  return { lines, eol, finalBreak: text.endsWith('\n') }
}

/**
 * Joins lines back: every line but the last gets a break (its own, or `eol` if it had
 * none); the last keeps one only if the original text ended with one.
 */
export function joinLines(
  lines: readonly TextLine[],
  eol: string,
  finalBreak: boolean,
): string {
  let out = ''
  for (let i = 0; i < lines.length; i++) {
    const { text, end } = lines[i]
    if (i < lines.length - 1) out += text + (end === '' ? eol : end)
    else out += text + (finalBreak ? end || eol : '')
  }
  return out
}
