/// <reference types="node" />
import type { Readable } from 'node:stream'
import { reportUnhandled } from '../util'

/** How many lines of a command's output are kept for failure reports. */
export const KEPT_LINES = 20

/** The last {@link KEPT_LINES} lines written to a command's stdout and stderr together. */
export interface OutputTail {
  /** Adds a chunk of output from stream `from` (each stream keeps its own partial line). */
  push(from: 'stdout' | 'stderr', chunk: Buffer | string): void
  /** The kept lines, oldest first, partial last lines included. */
  lines(): string[]
}

/** A new, empty {@link OutputTail}. */
export function outputTail(max: number = KEPT_LINES): OutputTail {
  const kept: string[] = []
  const partial = { stdout: '', stderr: '' }
  const keep = (line: string): void => {
    kept.push(line)
    if (kept.length > max) kept.splice(0, kept.length - max)
  }
  return {
    push(from, chunk) {
      const text = partial[from] + chunk.toString()
      const parts = text.split('\n')
      partial[from] = parts.pop() ?? ''
      for (const line of parts) keep(line.replace(/\r$/, ''))
      if (partial[from].length > 8192) {
        keep(partial[from])
        partial[from] = ''
      }
    },
    lines() {
      const open = [partial.stdout, partial.stderr].filter((p) => p !== '')
      return [...kept, ...open].slice(-max)
    },
  }
}

/**
 * Sends what `stream` emits to the author's `callback`, or else to this process's own
 * stream of the same name (as an inherited stdio would), and always into `tail`.
 */
export function forwardOutput(
  stream: Readable | null | undefined,
  from: 'stdout' | 'stderr',
  callback: ((chunk: Buffer | string) => void) | undefined,
  tail: OutputTail,
): void {
  if (stream === null || stream === undefined) return
  const sink =
    callback ?? ((chunk: Buffer | string) => process[from].write(chunk))
  stream.on('data', (chunk: Buffer | string) => {
    tail.push(from, chunk)
    try {
      sink(chunk)
    } catch (error) {
      reportUnhandled(`daemon ${from} handler`, error)
    }
  })
  stream.on('error', () => undefined)
}
