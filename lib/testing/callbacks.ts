import { connect } from 'node:net'
import type { Socket } from 'node:net'
import type { Selection } from './check'
import { keeps } from './check'

/** Where callback notifications go: `(id, args)`; the default writes to `service.sock`. */
export type CallbackSink = (id: number, args: unknown[]) => void | Promise<void>

/** One callback the simulator sent (or tried to send). */
export interface SentCallback {
  id: number
  args: unknown[]
  at: number
}

interface Watch {
  read: () => unknown
  last: string
}

/** JSON text used to compare watched values (`undefined` reads as `null`). */
function snapshot(value: unknown): string {
  return JSON.stringify(value ?? null)
}

/**
 * One-shot change watches registered by effects that take a `callback` id.
 *
 * `check()` re-reads every watched value and fires each id whose value changed, once.
 */
export class CallbackRegistry {
  readonly sent: SentCallback[] = []
  private readonly watches = new Map<number, Watch>()
  private readonly sink: CallbackSink

  constructor(sink: CallbackSink) {
    this.sink = sink
  }

  /** Ids still waiting for a change. */
  ids(): number[] {
    return [...this.watches.keys()]
  }

  /** Watches `read()` under `id` (replacing an earlier watch with that id). */
  watch(id: number | null, read: () => unknown): void {
    if (id === null) return
    this.watches.set(id, { read, last: snapshot(read()) })
  }

  /** Removes ids as a `clear-callbacks` selection says. */
  clear(sel: Selection<number>): void {
    for (const id of [...this.watches.keys()]) {
      if (!keeps(sel, id)) this.watches.delete(id)
    }
  }

  /** Fires (and forgets) every watch whose value changed since it was registered. */
  check(): void {
    for (const [id, watch] of [...this.watches]) {
      let value: unknown
      try {
        value = watch.read()
      } catch {
        value = null
      }
      if (snapshot(value) === watch.last) continue
      this.watches.delete(id)
      const args = [value ?? null]
      this.sent.push({ id, args, at: Date.now() })
      try {
        void Promise.resolve(this.sink(id, args)).catch(() => undefined)
      } catch {
        // A sink that throws loses its notification, like a runtime that is gone.
      }
    }
  }
}

/** A sink over one lazily opened connection to `socketPath`, re-opened after errors. */
export interface SocketSink {
  /** The sink to hand to the simulator. */
  readonly notify: CallbackSink
  /** Ends the connection. */
  close(): Promise<void>
}

/** Sends each callback as a notification line to the runtime's `service.sock`. */
export function serviceSocketSink(socketPath: string): SocketSink {
  let socket: Socket | null = null
  let ready: Promise<Socket> | null = null
  const open = (): Promise<Socket> => {
    if (ready) return ready
    ready = new Promise<Socket>((resolve, reject) => {
      const s = connect(socketPath)
      s.once('connect', () => {
        socket = s
        resolve(s)
      })
      s.on('error', (error) => {
        reject(error)
        s.destroy()
      })
      s.on('close', () => {
        if (socket === s) socket = null
        ready = null
      })
      s.on('data', () => undefined)
    })
    return ready
  }
  return {
    notify: async (id, args) => {
      const s = await open()
      const line = JSON.stringify({ method: 'callback', params: { id, args } })
      await new Promise<void>((resolve, reject) =>
        s.write(line + '\n', (error) => (error ? reject(error) : resolve())),
      )
    },
    close: async () => {
      const s = socket
      socket = null
      ready = null
      if (s) await new Promise<void>((resolve) => s.end(resolve))
    },
  }
}
