import { createServer } from 'node:net'
import type { Server, Socket } from 'node:net'

/** One effect request the fake host received, as parsed from the wire. */
export interface HostCall {
  raw: Record<string, unknown>
  method: string
  params: Record<string, unknown>
}

/**
 * How the fake host answers a call: an object is sent as the reply line (`jsonrpc` and
 * `id` added), a string is sent verbatim, `'close'` closes the connection without reply.
 */
export type Responder = (
  call: HostCall,
) =>
  | Record<string, unknown>
  | string
  | Promise<Record<string, unknown> | string>

/** A `host.sock` stand-in on a real Unix socket that records every effect call. */
export class FakeHost {
  readonly calls: HostCall[] = []
  respond: Responder = () => ({ result: null })
  private readonly server: Server
  private readonly sockets = new Set<Socket>()
  private waiters: (() => void)[] = []

  private constructor(server: Server) {
    this.server = server
  }

  static async start(path: string): Promise<FakeHost> {
    const server = createServer()
    const host = new FakeHost(server)
    server.on('connection', (socket) => host.serve(socket))
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(path, () => resolve())
    })
    return host
  }

  /** Calls recorded for `method`. */
  of(method: string): HostCall[] {
    return this.calls.filter((call) => call.method === method)
  }

  /** Resolves once `predicate` holds for the recorded calls; rejects after `ms`. */
  async waitUntil(
    predicate: (calls: HostCall[]) => boolean,
    ms = 5000,
  ): Promise<void> {
    const deadline = Date.now() + ms
    while (!predicate(this.calls)) {
      const left = deadline - Date.now()
      if (left <= 0) throw new Error('fake host: timed out waiting for calls')
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket)
    socket.on('close', () => this.sockets.delete(socket))
    socket.on('error', () => {})
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      text += chunk
      let newline: number
      while ((newline = text.indexOf('\n')) !== -1) {
        const line = text.slice(0, newline)
        text = text.slice(newline + 1)
        void this.answer(socket, line)
      }
    })
  }

  private async answer(socket: Socket, line: string): Promise<void> {
    const raw = JSON.parse(line) as Record<string, unknown>
    const call: HostCall = {
      raw,
      method: raw.method as string,
      params: raw.params as Record<string, unknown>,
    }
    this.calls.push(call)
    const waiters = this.waiters
    this.waiters = []
    for (const wake of waiters) wake()
    const reply = await this.respond(call)
    if (reply === 'close') {
      socket.end()
      return
    }
    const text =
      typeof reply === 'string'
        ? reply
        : JSON.stringify({ jsonrpc: '2.0', ...reply, id: raw.id })
    socket.write(text + '\n')
  }
}
