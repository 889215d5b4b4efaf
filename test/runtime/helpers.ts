import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRpcServer } from '../../lib/runtime'
import type { Logger, RpcServer, RpcServerOptions } from '../../lib/runtime'
import { fixtureHandlers } from './fixtures/handlers'
import type { Seen } from './fixtures/handlers'

/** A logger that keeps its lines instead of printing them. */
export function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  const at = (level: string) => (message: string) => {
    lines.push(`${level} ${message}`)
  }
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  }
}

/** A fresh temp dir; `cleanup` removes it. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'start-sdk-rpc-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A server with the fixture handlers on a socket in a temp dir. */
export interface TestServer {
  server: RpcServer
  path: string
  seen: Seen
  log: ReturnType<typeof captureLogger>
  stop: () => Promise<void>
}

export async function startServer(
  extra: Partial<RpcServerOptions> = {},
): Promise<TestServer> {
  const { dir, cleanup } = tempDir()
  const path = join(dir, 'rpc', 'service.sock')
  const seen: Seen = { callbacks: [], exits: 0 }
  const log = captureLogger()
  const server = await createRpcServer({
    socketPath: path,
    handlers: fixtureHandlers(seen),
    log,
    ...extra,
  })
  const stop = async (): Promise<void> => {
    await server.close()
    cleanup()
  }
  return { server, path, seen, log, stop }
}

/** A reply as the tests read it. */
export interface Reply {
  jsonrpc: string
  id: string | number | null
  result?: unknown
  error?: {
    code: number
    message: string
    data?: { details: string; debug?: string }
  }
}

/** A line-oriented test client over a real socket. */
export class Client {
  readonly socket: Socket
  readonly replies: Reply[] = []
  closed = false
  private text = ''
  private waiters: (() => void)[] = []

  constructor(path: string) {
    this.socket = connect(path)
    this.socket.setEncoding('utf8')
    this.socket.on('data', (chunk: string) => {
      this.text += chunk
      let newline: number
      while ((newline = this.text.indexOf('\n')) !== -1) {
        this.replies.push(JSON.parse(this.text.slice(0, newline)) as Reply)
        this.text = this.text.slice(newline + 1)
      }
      this.wake()
    })
    this.socket.on('error', () => {})
    this.socket.on('close', () => {
      this.closed = true
      this.wake()
    })
  }

  static async open(path: string): Promise<Client> {
    const client = new Client(path)
    await new Promise<void>((resolve, reject) => {
      client.socket.once('connect', resolve)
      client.socket.once('error', reject)
    })
    return client
  }

  send(message: unknown): void {
    this.write(JSON.stringify(message) + '\n')
  }

  write(text: string | Buffer): void {
    this.socket.write(text)
  }

  /** Resolves once `count` replies arrived (or the socket closed); `ms` caps the wait. */
  async waitFor(count: number, ms = 10_000): Promise<Reply[]> {
    const deadline = Date.now() + ms
    while (this.replies.length < count && !this.closed) {
      const left = deadline - Date.now()
      if (left <= 0) break
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
    return this.replies
  }

  /** Resolves once the server closed this connection. */
  async waitClosed(): Promise<void> {
    while (!this.closed) await new Promise<void>((r) => this.waiters.push(r))
  }

  close(): void {
    this.socket.destroy()
  }

  private wake(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const wake of waiters) wake()
  }
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))
