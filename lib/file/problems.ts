import { SdkError } from '../errors'
import { fieldPath } from '../util'
import { FormatSyntaxError } from './formats'

/** One field a schema refused: where (a path into the file's data) and why. */
export interface FieldProblem {
  readonly path: readonly PropertyKey[]
  readonly message: string
}

/** Renders a field path the way a reader would type it: `server.ports[0]`, `labels["a.b"]`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return fieldPath(path, '(the whole file)')
}

function listFields(problems: readonly FieldProblem[]): string {
  return problems.map((p) => `${fieldName(p.path)}: ${p.message}`).join('; ')
}

/** The file's text is not valid `format`: names the file, the format and the position. */
export function parseError(
  path: string,
  format: string,
  cause: unknown,
): SdkError {
  const where =
    cause instanceof FormatSyntaxError && cause.line !== undefined
      ? ` at line ${cause.line}${cause.column === undefined ? '' : `, column ${cause.column}`}`
      : ''
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new SdkError(
    'FILE_PARSE',
    `${path} is not valid ${format}${where}: ${reason}. The file was left as it is; ` +
      `fix it by hand, or pass { onInvalid: 'backup-and-reset' } to merge() to set it aside and start over`,
    {
      cause,
      details: {
        path,
        format,
        ...(cause instanceof FormatSyntaxError
          ? { line: cause.line, column: cause.column }
          : {}),
      },
    },
  )
}

/** The data does not match the schema: names the file, the format and every refused field. */
export function validationError(
  path: string,
  format: string,
  problems: readonly FieldProblem[],
): SdkError {
  return new SdkError(
    'FILE_VALIDATION',
    `${path} (${format}) does not match its schema: ${listFields(problems)}`,
    { details: { path, format, fields: problems.map(describe) } },
  )
}

/**
 * A merge would let `.catch()` replace values present in the file: refused, so a bad edit or
 * a parser change never silently resets settings such as passwords.
 */
export function replacedError(
  path: string,
  format: string,
  problems: readonly FieldProblem[],
): SdkError {
  return new SdkError(
    'FILE_VALIDATION',
    `${path} (${format}) holds values its schema refuses, and writing would replace them ` +
      `with .catch() defaults: ${listFields(problems)}. Nothing was written; fix the file, ` +
      `set these fields explicitly, or pass { onInvalid: 'backup-and-reset' } to keep a .bak copy and reset them`,
    { details: { path, format, fields: problems.map(describe) } },
  )
}

function describe(problem: FieldProblem): { field: string; message: string } {
  return { field: fieldName(problem.path), message: problem.message }
}
