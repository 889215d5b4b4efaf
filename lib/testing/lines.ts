import { StringDecoder } from 'node:string_decoder'

/** Longest line either simulator socket accepts, in UTF-16 units: 64 Mi. */
export const MAX_SIM_LINE: number = 64 * 1024 * 1024

/**
 * A small newline splitter for the simulator's sockets: chunks in, trimmed non-blank lines out.
 *
 * Returns `false` once a line grows past `max`; the caller then ends the connection.
 */
export class SimLineReader {
  private rest = ''
  private readonly decoder = new StringDecoder('utf8')
  private readonly max: number

  constructor(max: number = MAX_SIM_LINE) {
    this.max = max
  }

  /** Feeds one chunk and calls `onLine` for every finished non-blank line. */
  push(chunk: Buffer | string, onLine: (line: string) => void): boolean {
    const text =
      this.rest +
      (typeof chunk === 'string' ? chunk : this.decoder.write(chunk))
    const parts = text.split('\n')
    this.rest = parts.pop() ?? ''
    for (const part of parts) {
      if (part.length > this.max) return false
      const line = part.endsWith('\r') ? part.slice(0, -1) : part
      if (line.trim() !== '') onLine(line)
    }
    return this.rest.length <= this.max
  }
}
