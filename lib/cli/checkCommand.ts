import { ExtendedVersion, Version, VersionRange } from '../exver'
import { checkRuntime } from './checkRuntime'
import type { ExverLiteral, SourceScan } from './literals'
import { scanSources } from './literals'
import { loadPackage } from './loadPackage'
import type { LoadedPackage } from './loadPackage'
import type { CliOutput } from './report'
import { Findings, formatFinding, seconds } from './report'
import { loadTypeScript } from './tooling'
import { transpilePackage } from './transpile'
import { checkVersionGraph } from './versions'

/** Options of {@link checkPackage}. */
export interface CheckOptions {
  /** The package directory (holding `startos/index.ts`). */
  dir: string
  /** Count warnings as errors. */
  strict?: boolean
  output: CliOutput
}

const PARSERS = {
  version: (s: string) => ExtendedVersion.parse(s),
  range: (s: string) => VersionRange.parse(s),
  semver: (s: string) => Version.parse(s),
}

const EXAMPLES = {
  version: "an extended version such as '1.2.3:0' (upstream:downstream)",
  range: "a range such as '>=1.2.3:0 <2.0.0:0' or '^1.2:0 || =3.0:1'",
  semver: "a version such as '1.2.3'",
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Parses every literal with this SDK's exver; each failure names file, line, column and fix. */
export function checkLiterals(
  findings: Findings,
  literals: readonly ExverLiteral[],
): void {
  for (const lit of literals) {
    try {
      PARSERS[lit.kind](lit.text)
    } catch (error) {
      const offset = (error as { offset?: unknown }).offset
      const column =
        typeof offset === 'number' ? lit.textColumn + offset : lit.column
      findings.add({
        severity: 'error',
        area: 'exver',
        file: lit.file,
        line: lit.line,
        column,
        message: `${JSON.stringify(lit.text)} in ${lit.context} is not a valid ${lit.kind === 'range' ? 'version range' : 'version'}: ${message(error)}`,
        fix: `write ${EXAMPLES[lit.kind]}`,
      })
    }
  }
}

function load(findings: Findings, entry: string): LoadedPackage | undefined {
  try {
    const loaded = loadPackage(entry)
    for (const m of loaded.missing) {
      findings.add({
        severity: 'error',
        area: 'exports',
        file: 'startos/index.ts',
        message: `the package does not export \`${m.name}\` (a ${m.kind}); the runtime calls it`,
        fix: m.fix,
      })
    }
    return loaded
  } catch (error) {
    findings.add({
      severity: 'error',
      area: 'manifest',
      file: 'startos/index.ts',
      message: `loading the package failed: ${message(error)}`,
      fix: 'fix what the message names (a MANIFEST_INVALID lists each field and its fix)',
    })
    return undefined
  }
}

/**
 * `start-sdk check [dir]`: validates a package without StartOS (exver literals, manifest,
 * exports, version graph, interfaces and actions after a simulated `init`). Prints each
 * finding with its file and fix, then a summary line; returns the exit code.
 */
export async function checkPackage(options: CheckOptions): Promise<number> {
  const { dir, output } = options
  const started = Date.now()
  const findings = new Findings()
  const ts = loadTypeScript(dir)
  const compiled = transpilePackage(ts, dir)
  const done: string[] = []
  try {
    const scan: SourceScan = scanSources(ts, dir, compiled.sources)
    checkLiterals(findings, scan.literals)
    done.push(`${scan.literals.length} exver literals`)
    const loaded = load(findings, compiled.entry)
    const manifest = loaded?.manifest
    if (
      loaded !== undefined &&
      typeof manifest === 'object' &&
      manifest !== null
    ) {
      output.out(
        `package ${manifest.id} ${manifest.version} (${compiled.sources.length} source files)`,
      )
      checkVersionGraph(findings, manifest, loaded.graph, scan.declaredVersions)
      done.push(
        `${Math.max(1, scan.declaredVersions.length)} versions${loaded.graph === undefined ? ' (graph not found: ranges used)' : ''}`,
      )
      if (!loaded.missing.some((m) => m.name === 'init')) {
        const counts = await checkRuntime(
          findings,
          manifest,
          compiled.entry,
          scan,
        )
        done.push(
          `${counts.interfaces} interfaces`,
          `${counts.actions} actions`,
        )
      }
    }
  } finally {
    compiled.dispose()
  }
  for (const f of findings.list) output.err(formatFinding(f))
  const errors = findings.count('error')
  const warnings = findings.count('warning')
  const failed = errors > 0 || (options.strict === true && warnings > 0)
  output.out(
    `start-sdk check: ${failed ? 'FAILED' : 'ok'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (checked ${done.join(', ')}) in ${seconds(Date.now() - started)}`,
  )
  return failed ? 1 : 0
}
