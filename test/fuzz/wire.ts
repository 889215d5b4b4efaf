import { readFileSync } from 'node:fs'
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import { performance } from 'node:perf_hooks'

/** A reply as read off the socket, with when it arrived (`performance.now()`). */
export interface TimedReply {
  at: number
  message: {
    jsonrpc?: unknown
    id?: unknown
    result?: unknown
    error?: { code?: unknown; message?: unknown; data?: unknown }
  }
}

/** A raw line client over a Unix socket that timestamps every reply. */
export interface WireClient {
  readonly socket: Socket
  readonly replies: TimedReply[]
  /** Whether the server closed the connection. */
  closed(): boolean
  /** Writes `bytes` in chunks of `chunkSize()` bytes, awaiting each; returns [end offset, time] per chunk. */
  writeChunked(
    bytes: Buffer,
    chunkSize: () => number,
  ): Promise<[number, number][]>
  /** Resolves once `count` replies arrived in total, or after `ms`. */
  waitFor(count: number, ms: number): Promise<void>
  close(): void
}

/** Connects to `path`. */
export async function openWire(path: string): Promise<WireClient> {
  const socket = connect(path)
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('error', reject)
  })
  const replies: TimedReply[] = []
  let pending: Buffer[] = []
  let wake: (() => void) | undefined
  let closed = false
  socket.on('data', (chunk: Buffer) => {
    const at = performance.now()
    let start = 0
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      const line = Buffer.concat([
        ...pending,
        chunk.subarray(start, nl),
      ]).toString('utf8')
      pending = []
      start = nl + 1
      replies.push({ at, message: JSON.parse(line) as TimedReply['message'] })
    }
    if (start < chunk.length) pending.push(chunk.subarray(start))
    wake?.()
  })
  socket.on('error', () => undefined)
  socket.on('close', () => {
    closed = true
    wake?.()
  })
  return {
    socket,
    replies,
    closed: () => closed,
    async writeChunked(bytes, chunkSize) {
      const written: [number, number][] = []
      for (let at = 0; at < bytes.length; ) {
        const size = Math.max(1, chunkSize())
        const sent = performance.now()
        await new Promise((resolve) =>
          socket.write(bytes.subarray(at, at + size), resolve),
        )
        at += size
        written.push([Math.min(at, bytes.length), sent])
      }
      return written
    },
    async waitFor(count, ms) {
      const deadline = performance.now() + ms
      while (replies.length < count && !closed) {
        const left = deadline - performance.now()
        if (left <= 0) return
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left)
          wake = () => {
            clearTimeout(timer)
            wake = undefined
            resolve()
          }
        })
      }
    },
    close: () => socket.destroy(),
  }
}

/** Resident memory of process `pid` in MiB, from /proc (Linux); `undefined` elsewhere. */
export function rssMiB(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)
    return kb === null ? undefined : Number(kb[1]) / 1024
  } catch {
    return undefined
  }
}
