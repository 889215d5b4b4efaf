import { isObject } from './check'
import type { Params } from './check'
import type { SimContext } from './context'
import { effectHandler } from './handlers'
import type { HostErrorObject } from './hostErrors'
import { frameworkError, toHostError } from './hostErrors'
import type { CallRecorder } from './recorder'

/** A reply line's object: always `jsonrpc: "2.0"`, the id, and one of result/error. */
export type SimReply =
  | { jsonrpc: '2.0'; id: unknown; result: unknown }
  | { jsonrpc: '2.0'; id: unknown; error: HostErrorObject }

function fail(id: unknown, error: HostErrorObject): SimReply {
  return { jsonrpc: '2.0', id, error }
}

function idOf(value: unknown): unknown {
  return typeof value === 'string' || typeof value === 'number' ? value : null
}

/**
 * Runs one effect call and records it; resolves to its result or rejects with the wire error.
 *
 * After every call the watched values are re-read, so changes fire their callbacks.
 */
export async function runEffect(
  ctx: SimContext,
  recorder: CallRecorder,
  method: string,
  params: Params,
): Promise<{ result: unknown } | { error: HostErrorObject }> {
  const handler = effectHandler(method)
  let outcome: { result: unknown } | { error: HostErrorObject }
  if (!handler) {
    outcome = { error: frameworkError(-32601, method) }
  } else {
    try {
      outcome = { result: (await handler(ctx, params)) ?? null }
    } catch (thrown) {
      outcome = { error: toHostError(thrown) }
    }
  }
  recorder.record({ method, params, ...outcome, at: Date.now() })
  ctx.callbacks.check()
  return outcome
}

/**
 * One request line to one reply (or `null` for a notification); never rejects.
 *
 * Unparsable JSON, non-objects and requests without a string `method` or without `params`
 * get JSON-RPC framework errors, as the host's request parser gives.
 */
export async function handleHostLine(
  ctx: SimContext,
  recorder: CallRecorder,
  line: string,
): Promise<SimReply | null> {
  let message: unknown
  try {
    message = JSON.parse(line)
  } catch (error) {
    return fail(null, frameworkError(-32700, String(error)))
  }
  if (!isObject(message)) {
    return fail(null, frameworkError(-32600, 'expected a request object'))
  }
  const id = idOf(message.id)
  if (typeof message.method !== 'string') {
    return fail(id, frameworkError(-32600, 'missing string `method`'))
  }
  if (!('params' in message)) {
    return fail(id, frameworkError(-32600, 'missing `params`'))
  }
  const params = message.params
  if (!isObject(params)) {
    return fail(id, frameworkError(-32602, 'expected `params` to be an object'))
  }
  const outcome = await runEffect(ctx, recorder, message.method, params)
  if (!('id' in message)) return null
  return 'error' in outcome
    ? fail(id, outcome.error)
    : { jsonrpc: '2.0', id, result: outcome.result }
}
