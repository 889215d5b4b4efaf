/**
 * XML, through `fast-xml-parser`. Text is checked with `XMLValidator.validate` (errors carry
 * its line and column), then read with `new XMLParser(options.parser)`; values are written
 * with `new XMLBuilder(options.builder)`, as start-sdk 2.0.9 does. What that builder writes
 * always reads back: an empty file (the builder's output for `{}`) reads as `{}`, several
 * root elements (its output for an object of several keys) are accepted when each is well
 * formed, and bare attributes are accepted when the builder writes them. Fidelity is the
 * previous-equality rule only: an unchanged value keeps the file's bytes; a changed one
 * rewrites the whole file with the builder (comments and layout of a changed file are lost).
 */
import { xmlLib } from './lazy'
import type { X2jOptions, XmlBuilderOptions } from 'fast-xml-parser'
import { deepEqual } from '../../util'
import { FormatSyntaxError } from './format'
import type { FileFormat } from './format'

/** Options of {@link xmlFormat}: `fast-xml-parser`'s, for reading and for writing. */
export type XmlOptions = { parser?: X2jOptions; builder?: XmlBuilderOptions }

type Validation = Exclude<
  Parameters<ReturnType<typeof xmlLib>['XMLValidator']['validate']>[1],
  undefined
>

const MULTIPLE_ROOTS = 'Multiple possible root nodes found.'
const DECLARATION = /^(\uFEFF?\s*<\?xml[\s\S]*?\?>)/

/** The first syntax error of `text`, or `null` when the validator accepts it. */
function check(text: string, validation: Validation): FormatSyntaxError | null {
  const result = xmlLib().XMLValidator.validate(text, validation)
  if (result === true) return null
  if (result.err.msg !== MULTIPLE_ROOTS) return syntaxError(result.err)
  // Several roots: check them all inside one wrapper element (declaration blanked out).
  const declaration = DECLARATION.exec(text)?.[1] ?? ''
  const blank = declaration.replace(/[^\n]/g, ' ')
  const wrapped = `<r>${blank}${text.slice(declaration.length)}</r>`
  const again = xmlLib().XMLValidator.validate(wrapped, validation)
  if (again === true) return null
  const { line, col, msg } = again.err
  return syntaxError({
    ...again.err,
    col: line === 1 ? col - 3 : col,
    msg: msg.replace(
      /line 1, col (\d+)/g,
      (_, c: string) => `line 1, col ${Number(c) - 3}`,
    ),
  })
}

function syntaxError(err: {
  code: string
  msg: string
  line: number
  col: number | undefined
}): FormatSyntaxError {
  const position: { line?: number; column?: number } = {}
  if (typeof err.line === 'number') position.line = err.line
  if (typeof err.col === 'number') position.column = Math.max(1, err.col)
  return new FormatSyntaxError(`invalid XML: ${err.msg}`, position, err)
}

/** XML text ↔ `fast-xml-parser`'s object form; see the module comment. */
export function xmlFormat(options: XmlOptions = {}): FileFormat<unknown> {
  let parser: InstanceType<ReturnType<typeof xmlLib>['XMLParser']> | undefined
  let builder: InstanceType<ReturnType<typeof xmlLib>['XMLBuilder']> | undefined
  const read = (text: string): unknown =>
    (parser ??= new (xmlLib().XMLParser)(options.parser)).parse(text)
  const build = (value: unknown): string =>
    (builder ??= new (xmlLib().XMLBuilder)(options.builder)).build(value)
  const validation: Validation = {}
  // Attributes without a value are accepted when the parser reads them or the builder
  // writes them (it writes a "true" attribute bare unless told otherwise).
  const builderBare =
    options.builder?.ignoreAttributes === false &&
    options.builder.suppressBooleanAttributes !== false
  if (options.parser?.allowBooleanAttributes === true || builderBare)
    validation.allowBooleanAttributes = true
  if (options.parser?.unpairedTags !== undefined)
    validation.unpairedTags = options.parser.unpairedTags
  const parse = (text: string): unknown => {
    if (text.trim() !== '') {
      const error = check(text, validation)
      if (error !== null) throw error
    }
    try {
      return read(text)
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      throw new FormatSyntaxError(`invalid XML: ${message}`, {}, e)
    }
  }
  return {
    name: 'xml',
    parse,
    serialize(value, previous) {
      if (previous !== null) {
        try {
          if (deepEqual(parse(previous), value)) return previous
        } catch {
          // An unreadable previous file is replaced.
        }
      }
      return build(value)
    },
  }
}
