/// <reference types="node" />
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import { EffectError } from './EffectError'
import { LineSplitter } from './transport'

/** How one parsed reply settles the request it answers. */
export type ReplyReader = (
  method: string,
  reply: unknown,
) => { result: unknown } | EffectError

interface Pending {
  method: string
  resolve: (result: unknown) => void
  reject: (error: EffectError) => void
}

/**
 * One long-lived connection to `host.sock` carrying every effect call, matched to its
 * reply by id (the host answers concurrent requests on a connection in completion
 * order). It connects on first use and again after the connection drops; a drop rejects
 * only the calls still waiting on it.
 */
export class HostConnection {
  private socket: Socket | null = null
  private readonly pending = new Map<number, Pending>()

  constructor(
    private readonly socketPath: string,
    private readonly maxLineBytes: number,
    private readonly read: ReplyReader,
  ) {}

  /** Sends `line` (a request with `id`) and settles through `pending` when its reply arrives. */
  send(id: number, method: string, line: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, resolve, reject })
      this.open().write(`${line}\n`)
    })
  }

  private open(): Socket {
    if (this.socket !== null) return this.socket
    const socket = connect(this.socketPath)
    const splitter = new LineSplitter(this.maxLineBytes)
    this.socket = socket
    // A replaced socket's late events must not touch the calls of the current one.
    const current = (): boolean => this.socket === socket
    socket.on('data', (chunk: Buffer) => {
      if (!current()) return
      const fits = splitter.push(chunk, (line) => this.onLine(line))
      if (!fits)
        this.drop(`a line over ${this.maxLineBytes} bytes`, 'malformed')
    })
    socket.on('error', (error) => {
      if (current())
        this.drop(
          `cannot talk to host.sock: ${error.message}`,
          'transport',
          error,
        )
    })
    socket.on('close', () => {
      if (current())
        this.drop(
          'host.sock closed the connection before replying',
          'transport',
        )
    })
    return socket
  }

  private onLine(line: string): void {
    let reply: unknown
    try {
      reply = JSON.parse(line)
    } catch (thrown) {
      this.drop(`not JSON (${(thrown as Error).message})`, 'malformed')
      return
    }
    if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) {
      this.drop('not a JSON object', 'malformed')
      return
    }
    const id = (reply as { id?: unknown }).id
    const waiting = typeof id === 'number' ? this.pending.get(id) : undefined
    if (waiting === undefined) {
      this.drop(`its id ${JSON.stringify(id)} matches no request`, 'malformed')
      return
    }
    this.pending.delete(id as number)
    const outcome = this.read(waiting.method, reply)
    if (outcome instanceof EffectError) waiting.reject(outcome)
    else waiting.resolve(outcome.result)
  }

  /** Ends the connection and rejects every call still waiting on it. */
  private drop(
    reason: string,
    failure: 'transport' | 'malformed',
    cause?: unknown,
  ): void {
    const socket = this.socket
    this.socket = null
    socket?.destroy()
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id)
      const what =
        failure === 'malformed'
          ? `got a malformed reply from host.sock: ${reason}`
          : `failed: ${reason}`
      waiting.reject(
        new EffectError(
          `Effect ${waiting.method} ${what} (${this.socketPath})`,
          {
            method: waiting.method,
            failure,
            cause,
          },
        ),
      )
    }
  }

  /** Closes the connection; waiting calls are rejected. */
  close(): void {
    this.drop('the client was closed', 'transport')
  }
}
