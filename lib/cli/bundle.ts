import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SdkError } from '../errors'
import type { NccBundler } from './tooling'

/** A one-file bundle of the package, as `javascript/index.js` of an s9pk holds it. */
export interface Bundle {
  /** The bundle file. */
  readonly entry: string
  /** Its size in bytes. */
  readonly bytes: number
  /** Removes the bundle's temp folder. */
  dispose(): void
}

/**
 * Bundles the compiled entry with ncc into a temp folder. ncc gets JavaScript (the
 * TypeScript was compiled already), so its TypeScript loader is never involved.
 */
export async function bundlePackage(
  ncc: NccBundler,
  compiledEntry: string,
): Promise<Bundle> {
  const dir = mkdtempSync(join(tmpdir(), 'start-sdk-bundle-'))
  try {
    const { code } = await ncc(compiledEntry, {
      quiet: true,
      cache: false,
      minify: false,
      sourceMap: false,
      target: 'es2022',
    })
    const entry = join(dir, 'index.js')
    writeFileSync(entry, code)
    return {
      entry,
      bytes: Buffer.byteLength(code),
      dispose: () => rmSync(dir, { recursive: true, force: true }),
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw new SdkError(
      'FILE_IO',
      `ncc could not bundle the package: ${error instanceof Error ? error.message : String(error)}; fix the import it names (is the module installed in the package's node_modules?)`,
      { cause: error },
    )
  }
}
