/// <reference types="node" />
import { mkdir } from 'node:fs/promises'
import type { PhaseHandle } from '../progress'
import type { SyncOptions } from '../types'
import { failed, tail } from './problems'

/** How to install rsync, for the message when it is missing. */
const INSTALL_HINT =
  'install rsync where the service runs (StartOS ships it; under the simulator install it on this machine, e.g. `apt-get install rsync` or `apk add rsync`)'

/** The arguments of one rsync run from `source` to `target` (both host paths). */
export function rsyncArgs(
  source: string,
  target: string,
  options: SyncOptions,
): string[] {
  return [
    ...(options.delete ? ['--delete'] : []),
    ...options.exclude.map((pattern) => `--exclude=${pattern}`),
    '-rlptgoAXH',
    '--partial',
    '--inplace',
    '--timeout=300',
    '--info=progress2',
    source,
    target,
  ]
}

/** Reads rsync's `--info=progress2` stream, calling `onPercent` with each new overall percentage. */
export function progressReader(
  onPercent: (percent: number) => void,
): (chunk: string) => void {
  let pending = ''
  let last = -1
  return (chunk) => {
    pending += chunk
    const pieces = pending.split(/[\r\n]/)
    pending = pieces.pop() ?? ''
    for (const piece of pieces) {
      const match = /^\s*[\d,.]+\s+(\d{1,3})%/.exec(piece)
      if (match === null) continue
      const percent = Math.min(100, Number(match[1]))
      if (percent !== last) {
        last = percent
        onPercent(percent)
      }
    }
  }
}

/**
 * Copies `source` to `target` with rsync, reporting into `phase` as a percentage (held at 99
 * until rsync exits 0, then complete). Creates `target` first. Throws `BACKUP_FAILED` when
 * rsync is missing or fails, with its exit code and last error lines.
 */
export async function rsync(
  what: string,
  source: string,
  target: string,
  options: SyncOptions,
  phase: PhaseHandle,
): Promise<void> {
  const { spawn } = await import('node:child_process')
  await mkdir(target, { recursive: true })
  phase.start()
  phase.setTotal(100)
  const args = rsyncArgs(source, target, options)
  const child = spawn('rsync', args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  const read = progressReader((percent) => phase.setDone(Math.min(99, percent)))
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', read)
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (text: string) => {
    stderr = (stderr + text).slice(-16_384)
  })
  const outcome = await new Promise<
    | { error: NodeJS.ErrnoException }
    | { code: number | null; signal: string | null }
  >((resolve) => {
    child.once('error', (error) => resolve({ error }))
    child.once('close', (code, signal) => resolve({ code, signal }))
  })
  if ('error' in outcome) {
    if (outcome.error.code === 'ENOENT') {
      throw failed(what, `rsync was not found on PATH; ${INSTALL_HINT}`, {
        program: 'rsync',
      })
    }
    throw failed(
      what,
      `could not start rsync: ${outcome.error.message}`,
      {},
      outcome.error,
    )
  }
  if (outcome.code !== 0) {
    const how =
      outcome.code === null
        ? `was killed by ${outcome.signal}`
        : `exited with code ${outcome.code}`
    const lines = tail(stderr)
    throw failed(what, `rsync ${how}${lines === '' ? '' : `:\n${lines}`}`, {
      exitCode: outcome.code,
      signal: outcome.signal,
      stderr: lines,
      args,
    })
  }
  phase.setDone(100)
  phase.complete()
}
