/// <reference types="node" />

/**
 * Longest line, in bytes without its line ending, that a connection accepts: 128 MiB.
 *
 * Lines of 64 MiB must get through (large callback payloads do happen); a longer line ends
 * the connection with one error reply instead of growing the buffer without bound.
 */
export const MAX_LINE_BYTES: number = 128 * 1024 * 1024

/**
 * The byte stream a connection runs over: a `net.Socket`, or any `Duplex` in unit tests.
 */
export interface Channel {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown
  on(event: 'end' | 'close', listener: () => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  write(data: string, callback?: (error?: Error | null) => void): unknown
  end(callback?: () => void): unknown
  destroy(): unknown
  readonly writable: boolean
}

const NEWLINE = 0x0a
const RETURN = 0x0d
const NOT_BLANK = /\S/

/**
 * Splits a byte stream into newline-delimited text lines.
 *
 * Each byte is scanned once: a chunk is searched only from where the previous line ended,
 * and a line's chunks are kept as a list and joined once when its newline arrives. A
 * trailing `\r` is dropped and blank lines are skipped. After a line grows past the limit
 * the splitter refuses all further input.
 */
export class LineSplitter {
  readonly maxLineBytes: number
  private parts: Buffer[] = []
  private pending = 0
  private overflowed = false

  constructor(maxLineBytes: number = MAX_LINE_BYTES) {
    this.maxLineBytes = maxLineBytes
  }

  /** Bytes of the unfinished line held so far. */
  get pendingBytes(): number {
    return this.pending
  }

  /** Whether a line went past the limit; the splitter then accepts nothing more. */
  get hasOverflowed(): boolean {
    return this.overflowed
  }

  /** Feeds one chunk, calling `onLine` for each finished line; returns `false` on overflow. */
  push(chunk: Buffer, onLine: (line: string) => void): boolean {
    if (this.overflowed) return false
    let start = 0
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start)
      if (newline === -1) break
      const size = this.pending + newline - start
      if (size > this.maxLineBytes + 1) return this.overflow()
      const piece = chunk.subarray(start, newline)
      const line =
        this.parts.length === 0
          ? piece
          : Buffer.concat([...this.parts, piece], size)
      this.parts = []
      this.pending = 0
      start = newline + 1
      this.emit(line, onLine)
      if (this.overflowed) return false
    }
    const rest = chunk.length - start
    if (rest > 0) {
      // One byte of slack: a limit-sized line may still end in `\r`.
      if (this.pending + rest > this.maxLineBytes + 1) return this.overflow()
      this.parts.push(start === 0 ? chunk : chunk.subarray(start))
      this.pending += rest
    }
    return true
  }

  private emit(bytes: Buffer, onLine: (line: string) => void): void {
    let end = bytes.length
    if (end > 0 && bytes[end - 1] === RETURN) end--
    if (end > this.maxLineBytes) {
      this.overflow()
      return
    }
    if (end === 0) return
    const line = bytes.toString('utf8', 0, end)
    if (NOT_BLANK.test(line)) onLine(line)
  }

  private overflow(): false {
    this.overflowed = true
    this.parts = []
    this.pending = 0
    return false
  }
}

/**
 * Writes one line to the channel unless it is already closed, never throwing.
 *
 * `done` runs once the line is flushed or dropped, with whether it was written.
 */
export function writeLine(
  channel: Channel,
  text: string,
  done?: (written: boolean) => void,
): void {
  if (!channel.writable) {
    done?.(false)
    return
  }
  try {
    channel.write(text + '\n', (error) => done?.(!error))
  } catch {
    done?.(false)
  }
}
