import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Isolation } from './isolation'
import { ISOLATION_ENV, assertIsolation } from './isolation'

/** Options of {@link installLauncher}. */
export interface LauncherOptions {
  /** How subcontainer commands run (default `'none'`); `'chroot'` needs root. */
  isolation?: Isolation
}

/**
 * Writes an executable `start-container` into `binDir` that runs the simulator's
 * stand-in with this Node; put `binDir` first on the runtime's `PATH`. With
 * `isolation: 'chroot'` (checked here: root, util-linux) the shim selects that mode.
 */
export function installLauncher(
  binDir: string,
  options: LauncherOptions = {},
): string {
  const isolation = assertIsolation(
    options.isolation ?? 'none',
    'installLauncher',
  )
  mkdirSync(binDir, { recursive: true })
  const path = join(binDir, 'start-container')
  const script = join(__dirname, 'startContainer.js')
  const mode = `export ${ISOLATION_ENV}=${isolation}\n`
  // `--` ends Node's options: Node 20 would otherwise take `--env-file=…` meant for the
  // launcher as its own option and exit 9 when that file does not exist.
  writeFileSync(
    path,
    `#!/bin/sh\n${mode}exec ${JSON.stringify(process.execPath)} -- ${JSON.stringify(script)} "$@"\n`,
  )
  chmodSync(path, 0o755)
  return path
}
