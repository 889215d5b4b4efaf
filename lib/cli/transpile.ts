import { randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { SdkError } from '../errors'
import type { TypeScriptModule } from './tooling'

/** The package's sources, compiled to CommonJS next to them. */
export interface Transpiled {
  /** The compiled `startos/index.js`. */
  readonly entry: string
  /** The folder holding the compiled tree (inside the package directory). */
  readonly outDir: string
  /** Every source file, relative to the package directory. */
  readonly sources: readonly string[]
  /** Removes the compiled tree. */
  dispose(): void
}

/** Every `.ts` file under `dir` (recursively, skipping `node_modules` and dot folders). */
export function listSources(dir: string): string[] {
  const found: string[] = []
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.(c|m)?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
        found.push(path)
    }
  }
  walk(dir)
  return found.sort()
}

/** The package's `startos` folder, or `SdkError('FILE_IO')` saying what a package looks like. */
export function sourceDir(packageDir: string): string {
  const dir = join(packageDir, 'startos')
  if (!existsSync(join(dir, 'index.ts'))) {
    throw new SdkError(
      'FILE_IO',
      `${join(dir, 'index.ts')} not found: run start-sdk in a package directory (the one holding startos/index.ts), or pass that directory as an argument`,
      { details: { packageDir } },
    )
  }
  return dir
}

/**
 * Compiles every TypeScript file of `startos/` to CommonJS, file by file (no type check:
 * `tsc` does that), into a hidden folder of the package directory, so that the package's own
 * `node_modules` (and the SDK's self-reference) resolve from the output as from the sources.
 */
export function transpilePackage(
  ts: TypeScriptModule,
  packageDir: string,
): Transpiled {
  const src = sourceDir(packageDir)
  const outDir = join(
    packageDir,
    `.start-sdk-${process.pid}-${randomBytes(4).toString('hex')}`,
  )
  const files = listSources(src)
  const options = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    sourceMap: false,
    inlineSourceMap: true,
  }
  try {
    for (const file of files) {
      const rel = relative(packageDir, file)
      const result = ts.transpileModule(readFileSync(file, 'utf8'), {
        compilerOptions: options,
        fileName: file,
      })
      const out = join(outDir, rel.replace(/\.(c|m)?ts$/, '.js'))
      mkdirSync(dirname(out), { recursive: true })
      writeFileSync(out, result.outputText)
    }
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true })
    throw error
  }
  return {
    entry: join(outDir, 'startos', 'index.js'),
    outDir,
    sources: files.map((f) => relative(packageDir, f)),
    dispose: () => rmSync(outDir, { recursive: true, force: true }),
  }
}
