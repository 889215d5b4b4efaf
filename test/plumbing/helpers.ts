import { spawnSync } from 'node:child_process'
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'

/** The outcome of one `make` run. */
export interface MakeResult {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs `make args…` in `cwd` with `env`, never throwing. */
export function make(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): MakeResult {
  const r = spawnSync('make', args, { cwd, env, encoding: 'utf8' })
  if (r.error !== undefined) throw r.error
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** `PATH` without any folder that holds a `start-cli`, as on a machine without it. */
export function pathWithoutStartCli(path = process.env['PATH'] ?? ''): string {
  return path
    .split(delimiter)
    .filter((dir) => {
      try {
        accessSync(join(dir, 'start-cli'), constants.X_OK)
        return false
      } catch {
        return true
      }
    })
    .join(delimiter)
}

/**
 * Writes a stand-in `start-cli` into `binDir`: it logs every call (one JSON array a
 * line) to `$FAKE_START_CLI_LOG`, lists `javascript/index.js` as the only ingredient,
 * packs by writing the arch into the output file, reads the manifest back from the
 * built bundle, picks the first `.s9pk` for `s9pk select`, creates the developer key
 * under `$HOME` for `init-key`, and accepts `package install` and `s9pk publish`.
 */
export function installFakeStartCli(binDir: string): void {
  mkdirSync(binDir, { recursive: true })
  const script = `#!/usr/bin/env node
const fs = require('node:fs')
const path = require('node:path')
const args = process.argv.slice(2)
fs.appendFileSync(process.env.FAKE_START_CLI_LOG, JSON.stringify(args) + '\\n')
const [group, cmd] = args
if (group === 's9pk' && cmd === 'list-ingredients') {
  console.log('javascript/index.js')
} else if (group === 's9pk' && cmd === 'pack') {
  const out = args[args.indexOf('-o') + 1]
  const arch = (args.find((a) => a.startsWith('--arch=')) || '').slice(7)
  fs.writeFileSync(out, JSON.stringify({ arch }))
} else if (group === 's9pk' && cmd === 'inspect') {
  const bundle = path.resolve('javascript/index.js')
  const { arch } = JSON.parse(fs.readFileSync(args[2], 'utf8'))
  const manifest = require(bundle).manifest
  console.log(JSON.stringify({ ...manifest, gitHash: 'f00d', images: { main: { arch: [arch] } } }))
} else if (group === 's9pk' && cmd === 'select') {
  console.log(fs.readdirSync('.').filter((f) => f.endsWith('.s9pk'))[0])
} else if (group === 'init-key') {
  const dir = path.join(process.env.HOME, '.startos')
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'developer.key.pem'), 'key')
} else if (!(group === 'package' && cmd === 'install') && !(group === 's9pk' && cmd === 'publish')) {
  console.error('fake start-cli: unexpected ' + args.join(' '))
  process.exit(2)
}
`
  writeFileSync(join(binDir, 'start-cli'), script, { mode: 0o755 })
}
