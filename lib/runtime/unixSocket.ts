/// <reference types="node" />
import { chmodSync, lstatSync, mkdirSync, unlinkSync } from 'node:fs'
import { createServer } from 'node:net'
import type { Socket } from 'node:net'
import { dirname } from 'node:path'
import { SdkError } from '../errors'

/** Options of {@link listenUnixSocket}. */
export interface UnixSocketOptions {
  /** Keep a connection writable after the peer ends its side. */
  allowHalfOpen?: boolean
  /** Permissions to give the socket file once it listens. */
  mode?: number
  /** Errors of the listening server after it started. */
  onError?: (error: Error) => void
}

/** A listening Unix socket. */
export interface UnixListener {
  /** How many connections are open. */
  readonly connections: number
  /** Stops listening, destroys every connection and removes the socket file. */
  close(): Promise<void>
}

function errorCode(thrown: unknown): unknown {
  return (thrown as { code?: unknown } | null)?.code
}

/** Removes a socket left by an earlier run; refuses to delete anything that is not a socket. */
function removeStaleSocket(path: string): void {
  let isSocket: boolean
  try {
    isSocket = lstatSync(path).isSocket()
  } catch (thrown) {
    if (errorCode(thrown) === 'ENOENT') return
    throw thrown
  }
  if (!isSocket) {
    throw new SdkError(
      'RUNTIME_SOCKET',
      `Cannot listen on ${path}: the path exists and is not a socket; remove it first`,
      { details: { path } },
    )
  }
  unlinkSync(path)
}

/**
 * Listens on `path` (creating its directory and replacing a stale socket there) and hands
 * each connection to `onConnection`. Resolves once connections are accepted.
 */
export async function listenUnixSocket(
  path: string,
  onConnection: (socket: Socket) => void,
  options: UnixSocketOptions = {},
): Promise<UnixListener> {
  mkdirSync(dirname(path), { recursive: true })
  removeStaleSocket(path)
  const sockets = new Set<Socket>()
  const server = createServer(
    { allowHalfOpen: options.allowHalfOpen ?? false },
    (socket) => {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      onConnection(socket)
    },
  )
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(path, () => {
      server.off('error', reject)
      resolve()
    })
  })
  server.on('error', (error) => options.onError?.(error))
  if (options.mode !== undefined) chmodSync(path, options.mode)
  let closing: Promise<void> | undefined
  return {
    get connections(): number {
      return sockets.size
    },
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
      return closing
    },
  }
}
