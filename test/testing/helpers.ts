import { mkdtempSync, rmSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HostSimulator } from '../../lib/testing'
import type { HostSimulatorOptions } from '../../lib/testing'

/** A fresh temp dir and its remover. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'start-sim-test-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A reply as the tests read it. */
export interface Reply {
  jsonrpc?: string
  id: unknown
  result?: any
  error?: { code: number; message: string; data?: any }
}

/** A raw newline-JSON client over a real Unix socket. */
export class RawClient {
  readonly replies: Reply[] = []
  private text = ''
  private waiters: (() => void)[] = []

  private constructor(readonly socket: Socket) {
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      this.text += chunk
      const lines = this.text.split('\n')
      this.text = lines.pop() ?? ''
      for (const line of lines) if (line) this.replies.push(JSON.parse(line))
      for (const wake of this.waiters.splice(0)) wake()
    })
  }

  static open(path: string): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(path)
      socket.once('error', reject)
      socket.once('connect', () => resolve(new RawClient(socket)))
    })
  }

  /** Writes raw text. */
  raw(text: string): void {
    this.socket.write(text)
  }

  /** Writes one request line (no `jsonrpc` member, as the runtime sends). */
  send(id: number, method: string, params: unknown = {}): void {
    this.raw(JSON.stringify({ id, method, params }) + '\n')
  }

  /** Waits until `count` replies have arrived. */
  async waitCount(count: number, timeoutMs = 3000): Promise<Reply[]> {
    const deadline = Date.now() + timeoutMs
    while (this.replies.length < count) {
      if (Date.now() > deadline)
        throw new Error(`only ${this.replies.length} replies`)
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 50)
      })
    }
    return this.replies
  }

  /** Sends one request and resolves with its reply. */
  async call(method: string, params: unknown = {}): Promise<Reply> {
    const id = 1000 + this.replies.length + Math.floor(Math.random() * 1e6)
    this.send(id, method, params)
    for (;;) {
      const found = this.replies.find((r) => r.id === id)
      if (found) return found
      await this.waitCount(this.replies.length + 1)
    }
  }

  close(): void {
    this.socket.destroy()
  }
}

/** A fake runtime `service.sock` that keeps every line it receives. */
export class FakeServiceSock {
  readonly lines: any[] = []
  private waiters: (() => void)[] = []
  private constructor(readonly server: Server) {}

  static async listen(path: string): Promise<FakeServiceSock> {
    let fake: FakeServiceSock | undefined
    const server = createServer((socket) => {
      socket.setEncoding('utf8')
      let text = ''
      socket.on('data', (chunk: string) => {
        text += chunk
        const lines = text.split('\n')
        text = lines.pop() ?? ''
        for (const line of lines) if (line) fake!.lines.push(JSON.parse(line))
        for (const wake of fake!.waiters.splice(0)) wake()
      })
    })
    fake = new FakeServiceSock(server)
    await new Promise<void>((resolve) => server.listen(path, resolve))
    return fake
  }

  async waitCount(count: number, timeoutMs = 3000): Promise<any[]> {
    const deadline = Date.now() + timeoutMs
    while (this.lines.length < count) {
      if (Date.now() > deadline)
        throw new Error(`only ${this.lines.length} lines`)
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 50)
      })
    }
    return this.lines
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()))
  }
}

/** A started simulator, a raw client on its socket, and one teardown. */
export interface Rig {
  sim: HostSimulator
  client: RawClient
  dir: string
  stop: () => Promise<void>
}

export async function rig(
  options: Partial<HostSimulatorOptions> = {},
): Promise<Rig> {
  const { dir, cleanup } = tempDir()
  const sim = await HostSimulator.start({
    rpcDir: join(dir, 'rpc'),
    packageId: 'hello',
    root: join(dir, 'root'),
    notify: () => undefined,
    ...options,
  })
  const client = await RawClient.open(sim.socketPath)
  return {
    sim,
    client,
    dir,
    stop: async () => {
      client.close()
      await sim.close()
      cleanup()
    },
  }
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))
