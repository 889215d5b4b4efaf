import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Effects } from '../../lib/effects'
import { CallbackContext, createEffects, silentLogger } from '../../lib/runtime'

/** Real effects over a real callback context; the host is never called by file helpers. */
export function contextEffects(name = 'test'): {
  effects: Effects
  retries: () => number
  leave: () => void
} {
  const root = new CallbackContext('root', silentLogger)
  const effects = createEffects({
    client: {
      call: (method) =>
        Promise.reject(new Error(`no host in this test (called ${method})`)),
    },
    log: silentLogger,
    eventId: null,
    context: root.child(name),
  })
  let retries = 0
  ;(effects as { constRetry?: () => void }).constRetry = () => void retries++
  return {
    effects,
    retries: () => retries,
    leave: () => root.removeChild(name),
  }
}

/** A fresh temporary directory and a function removing it. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `start-sdk-${prefix}-`))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * Changes a file from another process: `mode` 'replace' writes a temp file and renames it
 * over the target (as editors and our own writes do), 'inplace' truncates and rewrites it,
 * 'delete' removes it.
 */
export function externally(
  path: string,
  mode: 'replace' | 'inplace' | 'delete',
  text = '',
): void {
  const script = {
    replace: `fs.writeFileSync(p + '.ext', t); fs.renameSync(p + '.ext', p)`,
    inplace: `fs.writeFileSync(p, t)`,
    delete: `fs.rmSync(p)`,
  }[mode]
  execFileSync(process.execPath, [
    '-e',
    `const fs = require('fs'); const [p, t] = process.argv.slice(1); ${script}`,
    path,
    text,
  ])
}

/** Resolves once `check` holds, polling every 5 ms; fails after `ms`. */
export async function until(
  check: () => boolean,
  what: string,
  ms = 5000,
): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}
