/// <reference types="node" />
import { errorReply, handleLine } from './dispatch'
import type { DispatchOptions } from './dispatch'
import { RpcError } from './rpcErrors'
import { LineSplitter, MAX_LINE_BYTES, writeLine } from './transport'
import type { Channel } from './transport'

/** Options of {@link serveConnection}. */
export interface ConnectionOptions extends DispatchOptions {
  /** Longest accepted line in bytes; defaults to {@link MAX_LINE_BYTES}. */
  maxLineBytes?: number
  /** Logs every line in and every reply out at debug level; keep off in production (secrets). */
  trace?: boolean
}

function runAll(hooks: (() => void)[], options: ConnectionOptions): void {
  for (const hook of hooks) {
    try {
      hook()
    } catch (thrown) {
      options.log.error(`after-reply hook failed: ${String(thrown)}`)
    }
  }
}

/**
 * Serves JSON-RPC over one channel until it closes.
 *
 * Every line runs as its own task, so replies go out in completion order. A line over
 * the limit gets one error reply with id `null`, then the channel is closed. When the
 * peer ends its side, the channel is ended once the requests in flight have answered.
 */
export function serveConnection(
  channel: Channel,
  options: ConnectionOptions,
): void {
  const { log } = options
  const maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES
  const splitter = new LineSplitter(maxLineBytes)
  let inFlight = 0
  let peerEnded = false

  const finishIfIdle = (): void => {
    if (peerEnded && inFlight === 0 && channel.writable) channel.end()
  }

  const onLine = (line: string): void => {
    if (options.trace) log.debug(`service.sock <- ${line}`)
    inFlight++
    handleLine(line, options)
      .then(
        ({ reply, afterReply }) => {
          if (reply === undefined) return runAll(afterReply, options)
          if (options.trace) log.debug(`service.sock -> ${reply}`)
          writeLine(channel, reply, () => runAll(afterReply, options))
        },
        (thrown: unknown) => log.error(`request failed: ${String(thrown)}`),
      )
      .finally(() => {
        inFlight--
        finishIfIdle()
      })
  }

  const overflow = (): void => {
    log.warn(
      `service.sock: closing a connection that sent a line over ${maxLineBytes} bytes`,
    )
    const error = RpcError.of(
      'rejected',
      'Line too long',
      `A line may hold at most ${maxLineBytes} bytes (${maxLineBytes / 2 ** 20} MiB); the connection is closed`,
    )
    writeLine(channel, errorReply(null, error), () => channel.destroy())
    if (channel.writable) channel.end()
  }

  channel.on('data', (chunk) => {
    if (splitter.hasOverflowed) return
    if (!splitter.push(chunk, onLine)) overflow()
  })
  channel.on('end', () => {
    peerEnded = true
    if (splitter.pendingBytes > 0) {
      log.debug(
        `service.sock: dropped ${splitter.pendingBytes} bytes of an unfinished line`,
      )
    }
    finishIfIdle()
  })
  channel.on('error', (error) => {
    log.debug(`service.sock: connection error: ${error.message}`)
  })
}
