/// <reference types="node" />
import { chmodSync, lstatSync, mkdirSync, unlinkSync } from 'node:fs'
import { createServer } from 'node:net'
import type { Socket } from 'node:net'
import { dirname } from 'node:path'
import { SdkError } from '../errors'
import { serveConnection } from './connection'
import type { ConnectionOptions } from './connection'

/** Options of {@link createRpcServer}. */
export interface RpcServerOptions extends ConnectionOptions {
  /** Where to listen; the directory is created and a stale socket there is replaced. */
  socketPath: string
  /** Permissions of the socket file; defaults to `0o660`. */
  mode?: number
}

/** A listening `service.sock` server. */
export interface RpcServer {
  /** The path it listens on. */
  readonly socketPath: string
  /** How many connections are open. */
  readonly connections: number
  /** Stops listening, closes every connection and removes the socket file. */
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
 * Listens for JSON-RPC connections on a Unix socket and serves each with the handlers.
 *
 * Resolves once the socket accepts connections. Connection and handler failures are
 * logged and answered, never thrown.
 */
export async function createRpcServer(
  options: RpcServerOptions,
): Promise<RpcServer> {
  const { socketPath, log } = options
  mkdirSync(dirname(socketPath), { recursive: true })
  removeStaleSocket(socketPath)
  const sockets = new Set<Socket>()
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    serveConnection(socket, options)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(socketPath, () => {
      server.off('error', reject)
      resolve()
    })
  })
  server.on('error', (error) => log.error(`service.sock: ${error.message}`))
  chmodSync(socketPath, options.mode ?? 0o660)
  log.info(`Listening on ${socketPath}`)
  let closing: Promise<void> | undefined
  return {
    socketPath,
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
