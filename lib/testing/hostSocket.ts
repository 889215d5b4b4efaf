import type { Socket } from 'node:net'
import type { SimReply } from './dispatch'
import { frameworkError } from './hostErrors'
import { LineSplitter, MAX_LINE_BYTES, listenUnixSocket } from '../runtime'

/** A listening `host.sock`. */
export interface HostSocket {
  readonly path: string
  /** Stops listening, ends every connection and removes the socket file. */
  close(): Promise<void>
}

function send(socket: Socket, reply: SimReply): void {
  if (!socket.writable) return
  try {
    socket.write(JSON.stringify(reply) + '\n')
  } catch {
    // The peer went away; the reply has nowhere to go.
  }
}

/** Serves one connection: every line runs at once and is answered when it completes. */
function serve(
  socket: Socket,
  handle: (line: string) => SimReply | null | Promise<SimReply | null>,
): void {
  const reader = new LineSplitter(MAX_LINE_BYTES)
  socket.on('error', () => socket.destroy())
  socket.on('data', (chunk: Buffer) => {
    const ok = reader.push(chunk, (line) => {
      const reply = handle(line)
      if (reply instanceof Promise) {
        reply.then(
          (r) => r && send(socket, r),
          () => undefined,
        )
      } else if (reply) send(socket, reply)
    })
    if (!ok) {
      send(socket, {
        jsonrpc: '2.0',
        id: null,
        error: frameworkError(-32600, 'request line too long'),
      })
      socket.end()
    }
  })
}

/** Listens on `path` (a stale socket file is replaced) and serves effect lines with `handle`. */
export async function listenHostSocket(
  path: string,
  handle: (line: string) => SimReply | null | Promise<SimReply | null>,
): Promise<HostSocket> {
  const listener = await listenUnixSocket(path, (socket) =>
    serve(socket, handle),
  )
  return { path, close: () => listener.close() }
}
