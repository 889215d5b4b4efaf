import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type * as TypeScript from 'typescript'
import type { TypeScriptModule } from './tooling'

/** What a literal must parse as: an extended version, a range, or a plain version. */
export type LiteralKind = 'version' | 'range' | 'semver'

/** A position in a source file (1-based line and column). */
export interface SourcePos {
  /** Relative to the package directory. */
  readonly file: string
  readonly line: number
  readonly column: number
}

/** A string literal found in a version or range position. */
export interface ExverLiteral extends SourcePos {
  readonly text: string
  readonly kind: LiteralKind
  /** Where it was found, for messages: ``VersionRange.parse(…)``, ``versionRange:``, … */
  readonly context: string
  /** The 1-based column of the literal's first character (after the quote). */
  readonly textColumn: number
}

/** An id written as a literal, where it was written. */
export interface IdLiteral extends SourcePos {
  readonly id: string
}

/** What one pass over the package's sources found. */
export interface SourceScan {
  /** Every literal in a version or range position. */
  readonly literals: ExverLiteral[]
  /** `version:` of each `VersionInfo.of({...})`: the versions the package declares. */
  readonly declaredVersions: ExverLiteral[]
  /** `id:` of each `createInterface(…, { id })` or `effects.exportServiceInterface({ id })`. */
  readonly interfaceIds: IdLiteral[]
  /** The id of each `Action.withInput(…)` / `Action.withoutInput(…)`. */
  readonly actionIds: IdLiteral[]
}

/** Whether `callee` (its source text) names `name`, possibly qualified (`sdk.VersionRange.parse`). */
function names(callee: string, name: string): boolean {
  const text = callee.replace(/\s+/g, '')
  return text === name || text.endsWith(`.${name}`)
}

/**
 * Scans `files` (relative to `packageDir`) for string literals where a version or a range
 * belongs: arguments of `VersionRange.parse` / `ExtendedVersion.parse` / `Version.parse`,
 * `versionRange:`, `canMigrateFrom:` / `canMigrateTo:`, and in `VersionInfo.of({...})` its
 * `version`, `satisfies` and the keys of `migrations.other`. Also notes interface and action
 * ids written as literals, for `check`'s messages.
 */
export function scanSources(
  ts: TypeScriptModule,
  packageDir: string,
  files: readonly string[],
): SourceScan {
  const scan: SourceScan = {
    literals: [],
    declaredVersions: [],
    interfaceIds: [],
    actionIds: [],
  }
  for (const file of files) {
    const text = readFileSync(join(packageDir, file), 'utf8')
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
    scanFile(ts, sf, file, scan)
  }
  return scan
}

function scanFile(
  ts: TypeScriptModule,
  sf: TypeScript.SourceFile,
  file: string,
  scan: SourceScan,
): void {
  const pos = (node: TypeScript.Node): SourcePos => {
    const at = sf.getLineAndCharacterOfPosition(node.getStart(sf))
    return { file, line: at.line + 1, column: at.character + 1 }
  }
  const stringOf = (node: TypeScript.Node | undefined): string | undefined =>
    node !== undefined &&
    (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      ? node.text
      : undefined
  const literal = (
    node: TypeScript.Node | undefined,
    kind: LiteralKind,
    context: string,
  ): ExverLiteral | undefined => {
    const text = stringOf(node)
    if (node === undefined || text === undefined) return undefined
    const at = pos(node)
    const found = { ...at, text, kind, context, textColumn: at.column + 1 }
    scan.literals.push(found)
    return found
  }
  const propName = (
    p: TypeScript.ObjectLiteralElementLike,
  ): string | undefined =>
    p.name !== undefined &&
    (ts.isIdentifier(p.name) ||
      ts.isStringLiteral(p.name) ||
      ts.isNoSubstitutionTemplateLiteral(p.name))
      ? p.name.text
      : undefined
  const prop = (
    obj: TypeScript.Node | undefined,
    name: string,
  ): TypeScript.Expression | undefined => {
    if (obj === undefined || !ts.isObjectLiteralExpression(obj))
      return undefined
    for (const p of obj.properties) {
      if (ts.isPropertyAssignment(p) && propName(p) === name)
        return p.initializer
    }
    return undefined
  }

  const versionInfo = (arg: TypeScript.Expression | undefined): void => {
    const declared = literal(
      prop(arg, 'version'),
      'version',
      'VersionInfo.of({ version })',
    )
    if (declared !== undefined) scan.declaredVersions.push(declared)
    const satisfies = prop(arg, 'satisfies')
    if (satisfies !== undefined && ts.isArrayLiteralExpression(satisfies)) {
      for (const el of satisfies.elements)
        literal(el, 'version', 'VersionInfo.of({ satisfies })')
    }
    const other = prop(prop(arg, 'migrations'), 'other')
    if (other !== undefined && ts.isObjectLiteralExpression(other)) {
      for (const p of other.properties) {
        if (
          p.name !== undefined &&
          (ts.isStringLiteral(p.name) ||
            ts.isNoSubstitutionTemplateLiteral(p.name))
        )
          literal(p.name, 'range', 'a key of `migrations.other`')
      }
    }
  }

  const visit = (node: TypeScript.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(sf)
      const first = node.arguments[0]
      if (names(callee, 'VersionRange.parse'))
        literal(first, 'range', 'VersionRange.parse(…)')
      else if (names(callee, 'ExtendedVersion.parse'))
        literal(first, 'version', 'ExtendedVersion.parse(…)')
      else if (names(callee, 'Version.parse'))
        literal(first, 'semver', 'Version.parse(…)')
      else if (names(callee, 'VersionInfo.of')) versionInfo(first)
      else if (
        names(callee, 'createInterface') ||
        names(callee, 'exportServiceInterface')
      ) {
        const options = node.arguments[1] ?? first
        const id = prop(options, 'id')
        const text = stringOf(id)
        if (id !== undefined && text !== undefined)
          scan.interfaceIds.push({ ...pos(id), id: text })
      } else if (
        names(callee, 'Action.withInput') ||
        names(callee, 'Action.withoutInput')
      ) {
        const text = stringOf(first)
        if (first !== undefined && text !== undefined)
          scan.actionIds.push({ ...pos(first), id: text })
      }
    } else if (ts.isPropertyAssignment(node)) {
      const name = propName(node)
      if (name === 'versionRange')
        literal(node.initializer, 'range', '`versionRange:`')
      else if (name === 'canMigrateFrom' || name === 'canMigrateTo')
        literal(node.initializer, 'range', `\`${name}:\``)
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
}
