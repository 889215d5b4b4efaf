/**
 * TOML, through `@iarna/toml`. With no previous text the output is `TOML.stringify(value)`,
 * as start-sdk 2.0.9 writes it: key order follows `value`, plain values before tables.
 * Fidelity is the previous-equality rule only: an unchanged value keeps the file's bytes; a
 * changed one rewrites the whole file, so comments and layout of a changed file are lost.
 */
import { tomlLib } from './lazy'
import { deepEqual } from '../../util'
import { FormatSyntaxError } from './format'
import type { FileFormat } from './format'
import { LastParse } from './memo'

/** What `@iarna/toml` attaches to its errors (0-based positions). */
interface TomlErrorDetails {
  line?: unknown
  col?: unknown
}

/** The last text read, so writing over it does not parse it again. */
const last = /* @__PURE__ */ new LastParse<Record<string, unknown>>()

function parse(text: string): Record<string, unknown> {
  try {
    const value = tomlLib().parse(text)
    last.remember(text, value)
    return value
  } catch (e) {
    const { line, col } = (e ?? {}) as TomlErrorDetails
    const position =
      typeof line === 'number' && typeof col === 'number'
        ? { line: line + 1, column: col + 1 }
        : {}
    const message =
      e instanceof Error
        ? e.message.split('\n')[0].replace(/:$/, '')
        : String(e)
    throw new FormatSyntaxError(`invalid TOML: ${message}`, position, e)
  }
}

function serialize(
  value: Record<string, unknown>,
  previous: string | null,
): string {
  if (previous !== null) {
    try {
      const current = last.recall(previous)?.value ?? tomlLib().parse(previous)
      if (deepEqual(current, value)) return previous
    } catch {
      // An unreadable previous file is replaced.
    }
  }
  return tomlLib().stringify(
    value as Parameters<ReturnType<typeof tomlLib>['stringify']>[0],
  )
}

/** TOML text ↔ a table (object); see the module comment for what a rewrite keeps. */
export const tomlFormat: FileFormat<Record<string, unknown>> = {
  name: 'toml',
  parse,
  serialize,
}
