import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The repository root. */
export const root = resolve(__dirname, '../../..')
/** TypeScript 6, the compiler the SDK is built with. */
export const tsc6 = join(root, 'node_modules/typescript/bin/tsc')
/** TypeScript 7, which package authors may use. */
export const tsc7 = join(root, 'node_modules/typescript7/bin/tsc')

/** Runs a command to completion and returns its stdout; throws with stderr on failure. */
export function run(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return execFileSync(cmd, args, {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Packs the repository with `npm pack` into `dir` and returns the tarball's path. */
export function packTarball(dir: string): string {
  const out = run('npm', ['pack', '--json', '--pack-destination', dir], root)
  return join(dir, (JSON.parse(out) as { filename: string }[])[0]!.filename)
}

/** The exact version of a root devDependency that `npm ci` installed (from the lockfile). */
export function lockedVersion(name: string): string {
  const lock = JSON.parse(
    readFileSync(join(root, 'package-lock.json'), 'utf8'),
  ) as { packages: Record<string, { version: string }> }
  const entry = lock.packages[`node_modules/${name}`]
  if (entry === undefined)
    throw new Error(`${name} is not in package-lock.json`)
  return entry.version
}

/** What a fresh package gets besides the tarball. */
export interface FreshPackageOptions {
  /** More fields for its package.json (`scripts`, …), written before installing. */
  manifest?: Record<string, unknown>
  /** Root devDependencies to install too, at their locked versions. */
  devDependencies?: string[]
}

/**
 * A new package folder `dir/name` with the tarball and @types/node installed, plus any
 * `devDependencies` (offline: the root `npm ci` cached them all).
 */
export function freshPackage(
  dir: string,
  tarball: string,
  name: string,
  options: FreshPackageOptions = {},
): string {
  const pkg = join(dir, name)
  mkdirSync(join(pkg, 'startos'), { recursive: true })
  writeFileSync(
    join(pkg, 'package.json'),
    JSON.stringify({ name, private: true, ...options.manifest }, null, 2),
  )
  const extra = ['@types/node', ...(options.devDependencies ?? [])].map(
    (dep) => `${dep}@${lockedVersion(dep)}`,
  )
  run(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', tarball, ...extra],
    pkg,
  )
  return pkg
}
