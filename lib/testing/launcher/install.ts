import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Writes an executable `start-container` into `binDir` that runs the simulator's
 * stand-in with this Node; put `binDir` first on the runtime's `PATH`.
 */
export function installLauncher(binDir: string): string {
  mkdirSync(binDir, { recursive: true })
  const path = join(binDir, 'start-container')
  const script = join(__dirname, 'startContainer.js')
  // `--` ends Node's options: Node 20 would otherwise take `--env-file=…` meant for the
  // launcher as its own option and exit 9 when that file does not exist.
  writeFileSync(
    path,
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} -- ${JSON.stringify(script)} "$@"\n`,
  )
  chmodSync(path, 0o755)
  return path
}
