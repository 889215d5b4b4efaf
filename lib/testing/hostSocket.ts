import { mkdir, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import { dirname } from 'node:path'
import type { SimReply } from './dispatch'
import { frameworkError } from './hostErrors'
import { LineSplitter, MAX_LINE_BYTES } from '../runtime'

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
  await mkdir(dirname(path), { recursive: true })
  await rm(path, { force: true })
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    serve(socket, handle)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(path, () => {
      server.off('error', reject)
      resolve()
    })
  })
  return {
    path,
    close: async () => {
      const closed = new Promise<void>((resolve) =>
        server.close(() => resolve()),
      )
      for (const socket of sockets) socket.destroy()
      await closed
      await rm(path, { force: true })
    },
  }
}
