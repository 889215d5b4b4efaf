/**
 * YAML. Parsing reads like `YAML.parse(text, options)` but never returns a partial value:
 * any error in the document (several documents included) throws, and warnings are not
 * logged. With no previous text the output is `YAML.stringify(value, null, { indent: 2,
 * ...options })`, as start-sdk 2.0.9 writes it.
 *
 * With previous text, when only scalar values changed, each changed scalar's text is
 * replaced in place and every other byte is kept (`yamlSplice.ts`). Otherwise the
 * difference is applied to the previous document's nodes (`yamlPatch.ts`) and the document
 * is printed again: comments, blank lines, key order, quoting, block and flow styles,
 * untouched anchors and aliases, and tags (custom tags too) are kept; the indentation
 * width, sequence indentation, flow padding and `\r\n` breaks of the previous text are
 * followed. Printing again normalises what `yaml` does not record: spacing before
 * comments, number spelling (`0x1F` becomes `0x1f`), escapes, the wrapping of folded text,
 * explicit `? ` keys, and unindented sequences in files indented by more than 2. Changing
 * a value that aliases share turns those aliases into copies holding their old value. An
 * edit the document cannot hold falls back to a fresh rendering.
 *
 * `keeps` tells FileHelper's `write` when a previous text has nothing a fresh rendering
 * would lose (no comments, blank lines, anchors, aliases, tags, quotes, block or flow
 * styles, directives or CRLF): such a file is rendered anew without being parsed.
 */
import { yamlLib } from './lazy'
import type {
  CreateNodeOptions,
  Document,
  DocumentOptions,
  ParseOptions,
  SchemaOptions,
  ToJSOptions,
  ToStringOptions,
} from 'yaml'
import { deepEqual } from '../../util'
import { FormatSyntaxError } from './format'
import type { FileFormat } from './format'
import { lineBreakOf, positionAt, withLineBreak } from './position'
import { patchDocument } from './yamlPatch'
import { spliceScalars } from './yamlSplice'

/** Options of {@link yamlFormat}: those of the `yaml` package, used for reading and writing. */
export type YamlOptions = ParseOptions &
  DocumentOptions &
  SchemaOptions &
  ToJSOptions &
  CreateNodeOptions &
  ToStringOptions

function syntaxError(text: string, doc: Document.Parsed): FormatSyntaxError {
  const error = doc.errors[0]
  const position = error.linePos
    ? { line: error.linePos[0].line, column: error.linePos[0].col }
    : positionAt(text, error.pos[0])
  const message = error.message.split('\n')[0].replace(/:$/, '')
  return new FormatSyntaxError(`invalid YAML: ${message}`, position, error)
}

/** The document of `text` and its value, or the syntax error it holds. */
function readDocument(
  text: string,
  options: YamlOptions,
): { doc: Document.Parsed; value: unknown } {
  let doc: Document.Parsed
  try {
    doc = yamlLib().parseDocument(text, options)
  } catch (e) {
    throw new FormatSyntaxError(`invalid YAML: ${String(e)}`, {}, e)
  }
  if (doc.errors.length > 0) throw syntaxError(text, doc)
  try {
    return { doc, value: doc.toJS(options) }
  } catch (e) {
    if (e instanceof yamlLib().YAMLParseError) {
      const pos = e.linePos?.[0]
      const at = pos ? { line: pos.line, column: pos.col } : {}
      throw new FormatSyntaxError(`invalid YAML: ${e.message}`, at, e)
    }
    // An unresolvable alias or an alias bomb: the text is readable but its value is not.
    throw new FormatSyntaxError(`invalid YAML: ${String(e)}`, {}, e)
  }
}

type Layout = Pick<
  ToStringOptions,
  'indent' | 'indentSeq' | 'flowCollectionPadding'
>

const FLOW_START = String.raw`(?:^|[:,-])[ \t]*(?:[&!]\S*[ \t]+)*[[{]`
const UNPADDED = new RegExp(`${FLOW_START}[^\\s\\]}]`, 'm')
const PADDED = new RegExp(`${FLOW_START} +[^\\s\\]}]`, 'm')

/**
 * The layout `previous` uses: its smallest indent of a content line, whether a block
 * sequence under a key is indented (`key:\n  - a`) or not (`key:\n- a`), and whether
 * flow collections are padded.
 */
function layoutOf(previous: string): Layout {
  const layout: Layout = {}
  let smallest = Infinity
  let keyIndent = -1
  for (const line of previous.split('\n')) {
    const match = /^( *)(\S)/.exec(line)
    if (match === null || match[2] === '#') continue
    const width = match[1].length
    // Only keys and sequence items tell the indentation (not continuation lines).
    const item = /^ *(- |[^\s#].*?:(\s|$))/.test(line)
    if (item && width > 0 && width < smallest) smallest = width
    if (match[2] === '-' && width === keyIndent && line[width + 1] !== '-')
      layout.indentSeq = false
    keyIndent = /:\s*(#.*)?$/.test(line) ? width : -1
  }
  if (smallest <= 8) layout.indent = smallest
  // Flow collections written `[a, b]` rather than `[ a, b ]` stay unpadded.
  if (UNPADDED.test(previous) && !PADDED.test(previous))
    layout.flowCollectionPadding = false
  return layout
}

function render(value: unknown, options: YamlOptions): string {
  // `YAML.stringify` returns undefined for undefined; an empty file reads back as null.
  return (
    (yamlLib().stringify(value, null, { indent: 2, ...options }) as
      | string
      | undefined) ?? ''
  )
}

/** Marks of a text with layout worth keeping: what `keeps` looks for. */
const LAYOUT = /[#&*!'"|>{}[\]%?\r\t]|\n\s*\n|^---|\n(?:---|\.\.\.)/

/** True when some line is indented by more than 2 beyond the line before (not 2-space layout). */
function wideIndent(text: string): boolean {
  let before = 0
  let start = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    let indent = 0
    while (text.charCodeAt(start + indent) === 32) indent++
    if (indent > before + 2) return true
    before = indent
    start = end + 1
  }
  return false
}

/** YAML text ↔ any value, with the `yaml` package's options for both directions. */
export function yamlFormat(options: YamlOptions = {}): FileFormat<unknown> {
  // The last text read and its document (never handed out): writing over that text does
  // not parse it again, and reading it again only converts the document.
  let last: { text: string; doc: Document.Parsed } | null = null
  const load = (text: string): { doc: Document.Parsed; value: unknown } => {
    if (last !== null && last.text === text)
      return { doc: last.doc, value: last.doc.toJS(options) }
    const read = readDocument(text, options)
    last = { text, doc: read.doc }
    return read
  }
  return {
    name: 'yaml',
    keeps: (previous) => LAYOUT.test(previous) || wideIndent(previous),
    parse: (text) => load(text).value,
    serialize(value, previous) {
      if (previous === null) return render(value, options)
      let doc: Document.Parsed
      let current: unknown
      try {
        ;({ doc, value: current } = load(previous))
      } catch {
        return render(value, options)
      }
      if (deepEqual(current, value)) return previous
      const spliced = spliceScalars(previous, doc, current, value, options)
      if (spliced !== null) return spliced
      // The document is edited in place: it no longer stands for `previous`.
      last = null
      try {
        patchDocument(doc, current, value, options)
        if (deepEqual(doc.toJS(options), value)) {
          const layout = layoutOf(previous)
          const text = doc.toString({ indent: 2, ...layout, ...options })
          return withLineBreak(text, lineBreakOf(previous))
        }
      } catch {
        // A document the edit cannot express (say, an alias left without its anchor).
      }
      return render(value, options)
    },
  }
}
