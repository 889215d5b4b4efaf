/**
 * JSON. With no previous text the output is `JSON.stringify(value, null, 2)`, as
 * start-sdk 2.0.9 writes it. With previous text: unchanged values keep the bytes; otherwise
 * the previous indentation unit (spaces or a tab, or none for one-line JSON), line breaks
 * (`\n` or `\r\n`) and final newline are kept. Key order follows `value`.
 */
import { deepEqual } from '../../util'
import { FormatSyntaxError } from './format'
import type { FileFormat } from './format'
import { locateJsonError } from './jsonLocate'
import { lineBreakOf, positionAt, withLineBreak } from './position'

const POSITION = /at position (\d+)/

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (e) {
    throw syntaxError(text, e)
  }
}

function syntaxError(text: string, cause: unknown): FormatSyntaxError {
  const message = cause instanceof Error ? cause.message : String(cause)
  const match = POSITION.exec(message)
  const offset = match
    ? Number(match[1])
    : /end of JSON input/.test(message)
      ? text.length
      : locateJsonError(text)
  if (offset === null)
    return new FormatSyntaxError(`invalid JSON: ${message}`, {}, cause)
  const position = positionAt(text, offset)
  return new FormatSyntaxError(
    `invalid JSON: ${message} (line ${position.line}, column ${position.column})`,
    position,
    cause,
  )
}

/** The indentation of `previous`: the whitespace of its first indented line. */
function indentOf(previous: string): string | number {
  const match = /\n([ \t]+)\S/.exec(previous)
  if (match) return match[1]
  const body = previous.trim()
  // One-line JSON holding something stays on one line; `{}` or `[]` gets the default.
  return body.length > 2 && !body.includes('\n') ? '' : 2
}

function render(value: unknown, indent: string | number): string {
  const text = JSON.stringify(value, null, indent) as string | undefined
  if (text === undefined)
    throw new TypeError(`json cannot represent a value of type ${typeof value}`)
  return text
}

function serialize(value: unknown, previous: string | null): string {
  if (previous === null) return render(value, 2)
  let old: unknown
  try {
    old = JSON.parse(previous)
  } catch {
    return render(value, 2)
  }
  if (deepEqual(old, value)) return previous
  const eol = lineBreakOf(previous)
  const text = withLineBreak(render(value, indentOf(previous)), eol)
  return /\n$/.test(previous) ? text + eol : text
}

/** JSON text ↔ any JSON value; see the module comment for what a rewrite keeps. */
export const jsonFormat: FileFormat<unknown> = {
  name: 'json',
  parse,
  serialize,
}
