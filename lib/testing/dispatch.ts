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

/** What one effect call produced. */
export type EffectOutcome = { result: unknown } | { error: HostErrorObject }

/** Records a finished call and re-reads the watched values, so changes fire their callbacks. */
function finish(
  ctx: SimContext,
  recorder: CallRecorder,
  method: string,
  params: Params,
  outcome: EffectOutcome,
): EffectOutcome {
  recorder.record({ method, params, ...outcome, at: Date.now() })
  ctx.callbacks.check()
  return outcome
}

/**
 * Runs one effect call and records it: its result or its wire error. Synchronous handlers
 * are answered without a promise, which keeps a round trip close to the socket's own cost.
 */
export function runEffect(
  ctx: SimContext,
  recorder: CallRecorder,
  method: string,
  params: Params,
): EffectOutcome | Promise<EffectOutcome> {
  const handler = effectHandler(method)
  if (!handler) {
    return finish(ctx, recorder, method, params, {
      error: frameworkError(-32601, method),
    })
  }
  let value: unknown
  try {
    value = handler(ctx, params)
  } catch (thrown) {
    return finish(ctx, recorder, method, params, { error: toHostError(thrown) })
  }
  if (!(value instanceof Promise)) {
    return finish(ctx, recorder, method, params, { result: value ?? null })
  }
  return value.then(
    (result: unknown) =>
      finish(ctx, recorder, method, params, { result: result ?? null }),
    (thrown: unknown) =>
      finish(ctx, recorder, method, params, { error: toHostError(thrown) }),
  )
}

/**
 * One request line to one reply (or `null` for a notification); never rejects.
 *
 * Unparsable JSON, non-objects and requests without a string `method` or without `params`
 * get JSON-RPC framework errors, as the host's request parser gives.
 */
export function handleHostLine(
  ctx: SimContext,
  recorder: CallRecorder,
  line: string,
): SimReply | null | Promise<SimReply | null> {
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
  const notification = !('id' in message)
  const reply = (outcome: EffectOutcome): SimReply | null => {
    if (notification) return null
    return 'error' in outcome
      ? fail(id, outcome.error)
      : { jsonrpc: '2.0', id, result: outcome.result }
  }
  const outcome = runEffect(ctx, recorder, message.method, params)
  return outcome instanceof Promise ? outcome.then(reply) : reply(outcome)
}
