/// <reference types="node" />
import { connect } from 'node:net'
import { effectMethods } from '../effects'
import type { Effects } from '../effects'
import type { CallbackContext, CallbackFn } from './context'
import { EffectError } from './EffectError'
import { HostConnection } from './hostConnection'
import type { Logger } from './log'
import { LineSplitter, MAX_LINE_BYTES } from './transport'

/** Sends one effect to the host and resolves with its result. */
export interface HostClient {
  call(method: string, params: Record<string, unknown>): Promise<unknown>
  /** Closes an open persistent connection (calls still waiting are rejected). */
  close?(): void
}

/** Options of {@link createHostClient}. */
export interface HostClientOptions {
  /** The host's socket, `<rpc dir>/host.sock`. */
  socketPath: string
  log: Logger
  /** Longest reply line accepted, in bytes; defaults to {@link MAX_LINE_BYTES}. */
  maxLineBytes?: number
  /**
   * `'persistent'` (default): one connection carries every call, replies matched by id.
   * `'per-call'`: a fresh connection per call, as the upstream runtime does.
   */
  connection?: 'persistent' | 'per-call'
}

let nextRequestId = 0

type Fields = Record<string, unknown>

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hostError(method: string, error: unknown): EffectError {
  const fields = isObject(error) ? error : {}
  const code = typeof fields.code === 'number' ? fields.code : null
  const hostMessage =
    typeof fields.message === 'string' ? fields.message : 'Unknown error'
  const data = fields.data
  let hostDetails: string | null = null
  let debug: string | null = null
  if (typeof data === 'string') hostDetails = data
  else if (isObject(data)) {
    if (typeof data.details === 'string') hostDetails = data.details
    if (typeof data.debug === 'string') debug = data.debug
  }
  const text =
    hostDetails === null ? hostMessage : `${hostMessage}: ${hostDetails}`
  return new EffectError(`Effect ${method} failed: ${text}`, {
    method,
    failure: 'host',
    hostCode: code,
    hostMessage,
    hostDetails,
    debug,
  })
}

function malformed(method: string, reason: string): EffectError {
  return new EffectError(
    `Effect ${method} got a malformed reply from host.sock: ${reason}`,
    { method, failure: 'malformed' },
  )
}

/** Reads a parsed host reply: the result, or the error to reject with. */
export function interpretReply(
  method: string,
  reply: unknown,
): { result: unknown } | EffectError {
  if (!isObject(reply)) return malformed(method, 'not a JSON object')
  if (Object.prototype.hasOwnProperty.call(reply, 'error')) {
    return hostError(method, reply.error)
  }
  if (Object.prototype.hasOwnProperty.call(reply, 'result')) {
    return { result: reply.result }
  }
  return malformed(method, 'neither `result` nor `error` is present')
}

/** Reads the host's reply line: the result, or the error to reject with. */
function readReply(
  method: string,
  line: string,
): { result: unknown } | EffectError {
  let reply: unknown
  try {
    reply = JSON.parse(line)
  } catch (thrown) {
    return malformed(method, `not JSON (${(thrown as Error).message})`)
  }
  return interpretReply(method, reply)
}

/** Logs a host-side failure the way StartOS operators expect to find it. */
function logFailure(log: Logger, error: unknown): void {
  if (error instanceof EffectError && error.failure === 'host') {
    const debug = error.debug === null ? '' : `\n${error.debug}`
    log.error(`Error in host RPC: ${error.message}${debug}`)
  }
}

/**
 * Creates the client that calls effects on `host.sock`: request lines without a
 * `jsonrpc` member, on one persistent connection (replies matched by id) or, with
 * `connection: 'per-call'`, on a fresh connection per call whose first reply line decides.
 */
export function createHostClient(options: HostClientOptions): HostClient {
  const { socketPath, log } = options
  const maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES
  if (options.connection !== 'per-call') {
    const connection = new HostConnection(
      socketPath,
      maxLineBytes,
      interpretReply,
    )
    return {
      call: (method, params) => {
        const id = nextRequestId++
        let request: string
        try {
          request = JSON.stringify({ id, method, params })
        } catch (thrown) {
          const message = `Effect ${method} failed: its params are not JSON (${String(thrown)})`
          return Promise.reject(
            new EffectError(message, {
              method,
              failure: 'transport',
              cause: thrown,
            }),
          )
        }
        const reply = connection.send(id, method, request)
        reply.catch((error: unknown) => logFailure(log, error))
        return reply
      },
      close: () => connection.close(),
    }
  }
  const call = (method: string, params: Fields): Promise<unknown> =>
    new Promise((resolve, reject) => {
      let request: string
      try {
        request = JSON.stringify({ id: nextRequestId++, method, params })
      } catch (thrown) {
        const message = `Effect ${method} failed: its params are not JSON (${String(thrown)})`
        reject(
          new EffectError(message, {
            method,
            failure: 'transport',
            cause: thrown,
          }),
        )
        return
      }
      const socket = connect(socketPath)
      const splitter = new LineSplitter(maxLineBytes)
      let settled = false
      const settle = (outcome: { result: unknown } | EffectError): void => {
        if (settled) return
        settled = true
        socket.destroy()
        if (outcome instanceof EffectError) {
          logFailure(log, outcome)
          reject(outcome)
        } else resolve(outcome.result)
      }
      const transport = (reason: string, cause?: unknown): void =>
        settle(
          new EffectError(
            `Effect ${method} failed: ${reason} (${socketPath})`,
            { method, failure: 'transport', cause },
          ),
        )
      socket.on('connect', () => socket.write(request + '\n'))
      socket.on('data', (chunk: Buffer) => {
        if (settled) return
        const fits = splitter.push(chunk, (line) =>
          settle(readReply(method, line)),
        )
        if (!fits) {
          settle(malformed(method, `a line over ${maxLineBytes} bytes`))
        }
      })
      socket.on('error', (error) =>
        transport(`cannot talk to host.sock: ${error.message}`, error),
      )
      socket.on('close', () =>
        transport('host.sock closed the connection before replying'),
      )
    })
  return { call }
}

/** Options of {@link createEffects}. */
export interface EffectsOptions {
  client: HostClient
  log: Logger
  /** The host event this context serves, appended to every call's params when not `null`. */
  eventId: string | null
  /** The callback context, or `null` for effects that register nothing (as in `exit`). */
  context: CallbackContext | null
}

type EffectFn = (options?: unknown) => Promise<unknown>

/** Puts `fn` at a dotted path such as `plugin.url.exportUrl`. */
function nest(target: Fields, path: string, fn: EffectFn): void {
  const segments = path.split('.')
  const last = segments.pop() as string
  let node = target
  for (const segment of segments) {
    if (!isObject(node[segment])) node[segment] = {}
    node = node[segment] as Fields
  }
  node[last] = fn
}

/**
 * Builds the `Effects` object a package receives: one function per entry of the effects
 * table, nested by path segment, plus the members local to its callback context.
 */
export function createEffects(options: EffectsOptions): Effects {
  const { client, log, eventId, context } = options
  const warnOnly = (): void =>
    log.warn(
      'onLeaveContext called on effects that are not in a context; the hook will not run',
    )
  const effects: Fields = {
    eventId,
    isInContext: context?.isInContext ?? false,
    constRetry: undefined,
    child: (name: string): Effects =>
      createEffects({
        ...options,
        context: context === null ? null : context.child(name),
      }),
    onLeaveContext: (fn: () => unknown): void => {
      if (context === null) warnOnly()
      else context.onLeave(fn)
    },
  }
  for (const [path, spec] of Object.entries(effectMethods)) {
    const wireMethod = spec.method
    const takesCallback = spec.callback
    nest(effects, path, (given?: unknown): Promise<unknown> => {
      const params: Fields = isObject(given) ? { ...given } : {}
      if (takesCallback) {
        const fn = params.callback
        params.callback =
          typeof fn === 'function' && context !== null
            ? context.addCallback(fn as CallbackFn)
            : null
      }
      if (eventId !== null) params.eventId = eventId
      return client.call(wireMethod, params)
    })
  }
  context?.whenLeft(() => {
    effects.isInContext = false
    effects.constRetry = undefined
    effects.onLeaveContext = warnOnly
  })
  return effects as unknown as Effects
}
