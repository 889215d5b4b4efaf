/// <reference types="node" />
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type * as TypeScript from 'typescript'
import { SdkError } from '../errors'

/** The `typescript` module, as the CLI uses it. */
export type TypeScriptModule = typeof TypeScript

/** The call `@vercel/ncc` exports: bundles one entry file. */
export type NccBundler = (
  entry: string,
  options: Record<string, unknown>,
) => Promise<{ code: string; assets?: Record<string, unknown> }>

/**
 * Loads a tool the package author has as a devDependency: from the package directory first,
 * then from this SDK's own dependencies; `FILE_IO` naming the module and the install command
 * when neither has it.
 */
function loadTool<T>(dir: string, name: string): T {
  const tries = [createRequire(join(dir, 'package.json')), require]
  let last: unknown
  for (const req of tries) {
    try {
      return req(name) as T
    } catch (error) {
      last = error
    }
  }
  throw new SdkError(
    'FILE_IO',
    `Cannot load \`${name}\` from ${dir} or from start-sdk: install it in the package with \`npm install --save-dev ${name}\``,
    { cause: last, details: { module: name, dir } },
  )
}

/** The TypeScript compiler: the package's own, else the SDK's. */
export function loadTypeScript(dir: string): TypeScriptModule {
  return loadTool<TypeScriptModule>(dir, 'typescript')
}

/** `@vercel/ncc`: the package's own, else the SDK's. */
export function loadNcc(dir: string): NccBundler {
  return loadTool<NccBundler>(dir, '@vercel/ncc')
}
