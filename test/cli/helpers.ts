import { spawn } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The repository root (this file compiles to `<build>/test/cli/helpers.js`). */
export const REPO = join(__dirname, '..', '..', '..')
/** The compiled CLI and SDK of the build these tests run from. */
const BUILT_LIB = join(__dirname, '..', '..', 'lib')

/** What one CLI process printed, and how it ended. */
export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the compiled CLI in a child process: `start-sdk ...args`. */
export function startSdk(
  args: readonly string[],
  timeoutMs = 60_000,
): Promise<CliRun> {
  const script = `require(${JSON.stringify(join(BUILT_LIB, 'cli'))}).runMain(process.argv.slice(1))`
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c))
    child.stderr.on('data', (c: Buffer) => (stderr += c))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(
        new Error(
          `start-sdk ${args.join(' ')} ran over ${timeoutMs} ms:\n${stdout}\n${stderr}`,
        ),
      )
    }, timeoutMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/**
 * Copies a package's `startos/` (and package.json) into a temp folder whose
 * `node_modules/@start9labs/start-sdk` is the SDK of this build, as `npm install` of the
 * SDK would give a package author. Returns the folder and its remover.
 */
export function stagePackage(source: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'start-sdk-cli-'))
  cpSync(join(source, 'startos'), join(dir, 'startos'), { recursive: true })
  cpSync(join(source, 'package.json'), join(dir, 'package.json'))
  if (existsSync(join(source, 'images')))
    cpSync(join(source, 'images'), join(dir, 'images'), { recursive: true })
  const sdk = join(dir, 'node_modules', '@start9labs', 'start-sdk')
  mkdirSync(sdk, { recursive: true })
  writeFileSync(
    join(sdk, 'package.json'),
    JSON.stringify({ name: '@start9labs/start-sdk', main: 'index.js' }),
  )
  writeFileSync(
    join(sdk, 'index.js'),
    `module.exports = require(${JSON.stringify(join(BUILT_LIB, 'index.js'))})\n`,
  )
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A fixture package of `test/cli/fixtures`, staged. */
export function stageFixture(name: string): { dir: string; remove(): void } {
  return stagePackage(join(REPO, 'test', 'cli', 'fixtures', name))
}
