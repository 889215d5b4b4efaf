import { connect } from 'node:net'
import type { Socket } from 'node:net'
import type { ActionInput, ActionResult } from '../types'
import { isObject } from './check'
import { newEventId } from './ids'
import { LineSplitter, MAX_LINE_BYTES } from '../runtime'

import type { SimActionHandler } from './state'

/** What `init` is told about why the service is starting. */
export type InitKind = 'install' | 'update' | 'restore' | null

/** A reply error from the runtime, with the wire error's `code`, `message` and `data`. */
export class ServiceDriverError extends Error {
  readonly code: number
  readonly data: unknown

  constructor(error: { code: number; message: string; data?: unknown }) {
    super(error.message)
    this.name = 'ServiceDriverError'
    this.code = error.code
    this.data = error.data
  }
}

interface Pending {
  resolve: (value: unknown) => void
  reject: (error: Error) => void
}

/**
 * Plays the host's side of the runtime's `service.sock`: sends `init`, `start`, `stop`,
 * `execute`, `exit` and `callback`, with fresh event ids like the host's.
 */
export class ServiceDriver {
  private readonly socket: Socket
  private readonly pending = new Map<number, Pending>()
  private nextId = 0
  private closed = false

  private constructor(socket: Socket) {
    this.socket = socket
    const reader = new LineSplitter(MAX_LINE_BYTES)
    socket.on('data', (chunk: Buffer) => {
      reader.push(chunk, (line) => this.onLine(line))
    })
    socket.on('error', () => socket.destroy())
    socket.on('close', () => this.failAll('service.sock connection closed'))
  }

  /** Connects to the runtime's `service.sock`. */
  static connect(socketPath: string): Promise<ServiceDriver> {
    return new Promise((resolve, reject) => {
      const socket = connect(socketPath)
      socket.once('error', reject)
      socket.once('connect', () => {
        socket.off('error', reject)
        resolve(new ServiceDriver(socket))
      })
    })
  }

  /** Runs the package's `init` with a new event id. */
  init(kind: InitKind = null): Promise<unknown> {
    return this.request('init', { id: newEventId(), kind })
  }

  /** Starts the package's daemons; resolves once they are built. */
  start(): Promise<unknown> {
    return this.request('start', {})
  }

  /** Stops the package's daemons. */
  stop(): Promise<unknown> {
    return this.request('stop', {})
  }

  /**
   * Runs a procedure (`/actions/<id>/run`, `/backup/create`, …); `timeout` in ms. Pass the
   * `eventId` an action's `getInput` returned to run it as the same event, as StartOS does.
   */
  execute(
    procedure: string,
    input: unknown,
    timeout?: number,
    eventId: string = newEventId(),
  ): Promise<unknown> {
    return this.request('execute', {
      id: eventId,
      procedure,
      input,
      timeout: timeout ?? null,
    })
  }

  /** Asks the runtime to uninit towards `target` and exit. */
  exit(target: string | null = null): Promise<unknown> {
    return this.request('exit', { id: newEventId(), target })
  }

  /** Sends a `callback` notification (no reply is expected). */
  callback(id: number, args: unknown[]): Promise<void> {
    return this.write({ method: 'callback', params: { id, args } })
  }

  /** Ends the connection; requests still waiting are rejected. */
  close(): Promise<void> {
    this.closed = true
    return new Promise((resolve) => {
      this.socket.end(() => resolve())
      this.socket.once('close', () => resolve())
    })
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.write({ id, method, params }).catch((error: Error) => {
        this.pending.delete(id)
        reject(error)
      })
    })
  }

  private write(message: unknown): Promise<void> {
    if (this.closed || !this.socket.writable) {
      return Promise.reject(new Error('service.sock connection is closed'))
    }
    return new Promise((resolve, reject) => {
      this.socket.write(JSON.stringify(message) + '\n', (error) =>
        error ? reject(error) : resolve(),
      )
    })
  }

  private onLine(line: string): void {
    let reply: unknown
    try {
      reply = JSON.parse(line)
    } catch {
      return
    }
    if (!isObject(reply) || typeof reply.id !== 'number') return
    const waiter = this.pending.get(reply.id)
    if (!waiter) return
    this.pending.delete(reply.id)
    const error = reply.error
    if (isObject(error)) {
      waiter.reject(
        new ServiceDriverError({
          code: typeof error.code === 'number' ? error.code : 0,
          message: typeof error.message === 'string' ? error.message : '',
          data: error.data,
        }),
      )
    } else {
      waiter.resolve(reply.result ?? null)
    }
  }

  private failAll(message: string): void {
    this.closed = true
    for (const waiter of this.pending.values())
      waiter.reject(new Error(message))
    this.pending.clear()
  }
}

/** Routes `action.get-input` / `action.run` for a package to its runtime through a driver. */
export function driverActions(driver: ServiceDriver): SimActionHandler {
  return {
    getInput: (actionId, prefill) =>
      driver.execute(
        `/actions/${actionId}/getInput`,
        { prefill },
        30_000,
      ) as Promise<ActionInput | null>,
    run: (actionId, input) =>
      driver.execute(
        `/actions/${actionId}/run`,
        { input },
        120_000,
      ) as Promise<ActionResult | null>,
  }
}
