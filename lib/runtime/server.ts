/// <reference types="node" />
import { serveConnection } from './connection'
import type { ConnectionOptions } from './connection'
import { listenUnixSocket } from './unixSocket'

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
  const listener = await listenUnixSocket(
    socketPath,
    (socket) => serveConnection(socket, options),
    {
      allowHalfOpen: true,
      mode: options.mode ?? 0o660,
      onError: (error) => log.error(`service.sock: ${error.message}`),
    },
  )
  log.info(`Listening on ${socketPath}`)
  return {
    socketPath,
    get connections(): number {
      return listener.connections
    },
    close: () => listener.close(),
  }
}
