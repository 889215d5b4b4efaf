/**
 * Frames for the runtime fuzz, each with the replies it must produce. Expectations are
 * written from the wire contract (docs of lib/runtime), not from its code: which params
 * each method accepts, and what an accepted request answers before and after `init`.
 */
import { ExtendedVersion, VersionRange } from '../../lib/exver'
import {
  PROTO_KEYS,
  hostileString,
  hostileValue,
  nested,
  randomString,
} from './rng'
import type { Rng } from './rng'

/** A reply id as JSON text (`null` for replies to lines that had no usable id). */
export type IdKey = string

/** One frame: its bytes and, when it gets a reply, the id and the codes allowed (`null` = a result). */
export interface Frame {
  bytes: Buffer
  reply: { id: IdKey; codes: Codes } | undefined
}

/**
 * The replies a frame allows: codes (`null` = a result), or `'thrown'` for a procedure that
 * throws what it was sent: a result or any error code a package may pick (not −32768…−32000).
 */
export type Codes = readonly (number | null)[] | 'thrown'

/** Whether the runtime has been initialized when the frame arrives. */
export type Phase = 'fresh' | 'initialized'

const PARSE_ERROR = [1]
const INVALID_REQUEST = [-32602]
const NOT_FOUND = [-32601]
const REFUSED = [1]

const VALID: Record<string, () => Record<string, unknown>> = {
  init: () => ({ id: 'E', kind: 'install' }),
  start: () => ({}),
  stop: () => ({}),
  execute: () => ({
    id: 'E',
    procedure: '/backup/create',
    input: null,
    timeout: 5,
  }),
  sandbox: () => ({
    id: 'E',
    procedure: '/actions/echo/run',
    input: { input: 1 },
  }),
  callback: () => ({ id: 1, args: [] }),
  exit: () => ({ id: 'E', target: null }),
  eval: () => ({ script: '1' }),
}
const METHODS = Object.keys(VALID)
const PROCEDURES = [
  '/backup/create',
  '/backup/restore',
  '/packageInit',
  '/packageUninit',
  '/actions/form/run',
  '/actions/form/getInput',
  '/actions/echo/run',
  '/actions/echo/getInput',
  '/actions/throw/run',
  '/actions/missing/run',
  '/actions/__proto__/run',
  '/actions/constructor/getInput',
  '/actions/toString/run',
]
const BAD_PROCEDURES = [
  '',
  '/',
  '/actions',
  '/actions//run',
  '/actions/a/b/run',
  '/backup',
  'backup/create',
  '/__proto__',
  '/constructor',
]
const ACTION_PATH = /^\/actions\/[^/]+\/(run|getInput)$/
const FIXED_PATHS = [
  '/backup/create',
  '/backup/restore',
  '/packageInit',
  '/packageUninit',
]
const INVALID_JSON = [
  '{',
  '{"id":1,',
  'nul',
  '[1,',
  '{"a":}',
  "{'id':1}",
  'undefined',
  '{"id":1}}',
  '01',
  '"open',
  'NaN',
  '--1',
  '{"id":1 "method":"start"}',
]
const UNKNOWN = [
  '',
  'Init',
  'START',
  ...PROTO_KEYS,
  'health',
  'init ',
  ' exit',
  'execute\u0000',
  'ėval',
]

const isString = (v: unknown): boolean => typeof v === 'string'
const isPlain = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const isFinite = (v: unknown): boolean =>
  typeof v === 'number' && Number.isFinite(v)

/** Which values each param accepts, per the wire contract. */
const ACCEPTS: Record<string, Record<string, (v: unknown) => boolean>> = {
  init: {
    id: isString,
    kind: (v) =>
      v === null || v === 'install' || v === 'update' || v === 'restore',
  },
  execute: {
    id: isString,
    procedure: (v) =>
      typeof v === 'string' && (FIXED_PATHS.includes(v) || ACTION_PATH.test(v)),
    input: () => true,
    timeout: (v) => v === null || v === undefined || isFinite(v),
  },
  callback: { id: isFinite, args: Array.isArray },
  exit: { id: isString, target: (v) => v === null || isString(v) },
  eval: { script: isString },
}
ACCEPTS.sandbox = ACCEPTS.execute

/** Whether `target` would be read as a version or range by `exit` (and so end the process). */
function targetParses(target: unknown): boolean {
  if (typeof target !== 'string') return false
  for (const parse of [ExtendedVersion.parse, VersionRange.parse]) {
    try {
      parse(target)
      return true
    } catch {
      // not this one
    }
  }
  return false
}

/** What a request with acceptable params answers, by phase (`fresh`: no `init` yet). */
function answers(
  method: string,
  params: Record<string, unknown>,
  phase: Phase,
): Codes {
  if (method === 'eval') return REFUSED // eval is off outside dev environments
  if (phase === 'fresh') return method === 'exit' ? [null] : REFUSED
  switch (method) {
    case 'init':
    case 'start':
    case 'stop':
      return [null]
    case 'exit':
      return [0] // only unparseable targets are sent after init
    default: {
      const procedure = params.procedure as string
      if (FIXED_PATHS.includes(procedure)) return [null]
      // Actions answer a result, or fail (refused input, unserializable result, a throw).
      return procedure === '/actions/throw/run' ? 'thrown' : [null, 0]
    }
  }
}

/** Params of `method` with hostile changes; returns them and whether the runtime must accept them. */
function hostileParams(
  r: Rng,
  method: string,
): { params: unknown; ok: boolean } {
  const roll = r.int(10)
  if (roll === 0) {
    const params = hostileValue(r)
    const ok =
      method === 'start' || method === 'stop'
        ? params === null || isPlain(params)
        : false
    return {
      params,
      ok:
        ok ||
        (isPlain(params) &&
          fieldsOk(method, params as Record<string, unknown>)),
    }
  }
  const params = VALID[method]()
  if (method === 'execute' || method === 'sandbox') {
    if (r.chance(0.6)) params.procedure = r.pick(PROCEDURES)
    if (r.chance(0.5))
      params.input = r.chance(0.5)
        ? { input: hostileValue(r), prefill: hostileValue(r) }
        : hostileValue(r)
  }
  const fields = Object.keys(params)
  for (let i = roll < 4 ? 0 : 1 + r.int(2); i > 0 && fields.length > 0; i--) {
    const field = r.pick(fields)
    const pick = r.int(5)
    if (pick === 0) delete params[field]
    else if (pick === 1 && field === 'procedure')
      params[field] = r.pick(BAD_PROCEDURES)
    else params[field] = hostileValue(r)
  }
  if (r.chance(0.2)) {
    Object.defineProperty(params, r.pick(PROTO_KEYS), {
      value: hostileValue(r),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return { params, ok: fieldsOk(method, params) }
}

function fieldsOk(method: string, params: Record<string, unknown>): boolean {
  const rules = ACCEPTS[method]
  if (rules === undefined) return true
  return Object.entries(rules).every(([field, accepts]) =>
    accepts(
      Object.prototype.hasOwnProperty.call(params, field)
        ? params[field]
        : undefined,
    ),
  )
}

function parses(line: string): boolean {
  try {
    JSON.parse(line)
    return true
  } catch {
    return false
  }
}

let counter = 0
const idOf = (r: Rng): string | number => {
  counter++
  if (r.chance(0.05))
    return `${r.pick([...PROTO_KEYS, '\u2028', '😀', 'x'.repeat(4096)])}#${counter}`
  return counter % 2 === 0 ? counter : `f${counter}`
}

const frame = (message: unknown, reply: Frame['reply']): Frame => ({
  bytes: Buffer.from(JSON.stringify(message)),
  reply,
})
const text = (value: string | Buffer, reply: Frame['reply']): Frame => ({
  bytes: Buffer.from(value),
  reply,
})

/** One frame for the runtime in `phase`. */
export function makeFrame(r: Rng, phase: Phase): Frame {
  const roll = r.int(100)
  const id = idOf(r)
  const key = JSON.stringify(id)
  if (roll < 6) {
    const line = r.pick(INVALID_JSON) + randomString(r, 4).replace(/\n/g, '')
    return text(parses(line) ? '{' : line, { id: 'null', codes: PARSE_ERROR })
  }
  if (roll < 10) {
    const bytes = Buffer.alloc(1 + r.int(300))
    for (let i = 0; i < bytes.length; i++) bytes[i] = r.int(256)
    bytes[0] = r.pick([0x00, 0xff, 0xc3, 0x80, 0x7b])
    for (let i = 0; i < bytes.length; i++)
      if (bytes[i] === 0x0a || bytes[i] === 0x0d) bytes[i] = 0x7b
    return text(bytes, { id: 'null', codes: PARSE_ERROR })
  }
  if (roll < 13) {
    const batch = r.chance(0.5)
      ? [{ id, method: 'start', params: {} }]
      : hostileValue(r)
    const value = Array.isArray(batch) || !isPlain(batch) ? batch : [batch]
    return frame(value, { id: 'null', codes: INVALID_REQUEST })
  }
  if (roll < 15)
    return frame(
      { id, method: r.pick([7, null, {}, ['start'], true, 1.5]), params: {} },
      { id: key, codes: INVALID_REQUEST },
    )
  if (roll < 17)
    return frame(
      { id: r.pick([{}, [], true, false, [1]]), method: 'start', params: {} },
      { id: 'null', codes: INVALID_REQUEST },
    )
  if (roll < 20) {
    const method = r.chance(0.5) ? r.pick(UNKNOWN) : hostileString(r)
    if (METHODS.includes(method))
      return frame(
        { id, method: `${method}?`, params: {} },
        { id: key, codes: NOT_FOUND },
      )
    return frame(
      { id, method, params: hostileValue(r) },
      { id: key, codes: NOT_FOUND },
    )
  }
  if (roll < 22) {
    // A notification: a valid callback gets no reply, anything else still answers (id null).
    const { params, ok } = hostileParams(r, 'callback')
    return frame(
      { method: 'callback', params },
      ok ? undefined : { id: 'null', codes: REFUSED },
    )
  }
  const method = r.pick(METHODS)
  const { params, ok } = hostileParams(r, method)
  const request: Record<string, unknown> = { id, method }
  if (params !== undefined || r.chance(0.5)) request.params = params
  if (r.chance(0.3)) request.jsonrpc = r.pick(['2.0', '1.0', 2, null])
  if (!ok) return frame(request, { id: key, codes: REFUSED })
  const checked = params as Record<string, unknown>
  if (method === 'callback') return frame(request, undefined)
  if (method === 'init' && phase === 'fresh') {
    checked.kind = 'reinstall' // never initialize by accident
    return frame(request, { id: key, codes: REFUSED })
  }
  if (
    method === 'exit' &&
    phase === 'initialized' &&
    (checked.target === null || targetParses(checked.target))
  ) {
    checked.target = '>>' // a valid exit would end the process
  }
  return frame(request, { id: key, codes: answers(method, checked, phase) })
}

/** A rare huge frame: a multi-MiB string as method, id, params field or bare text. */
export function hugeFrame(r: Rng, size: number): Frame {
  const big = r.pick(['y', '\u00e9', '\\']).repeat(size)
  const id = idOf(r)
  switch (r.int(4)) {
    case 0:
      return text(`{"id":1,${big}`, { id: 'null', codes: PARSE_ERROR })
    case 1:
      return frame(
        { id, method: big, params: {} },
        { id: JSON.stringify(id), codes: NOT_FOUND },
      )
    case 2:
      return frame(
        { id, method: 'eval', params: { script: big } },
        { id: JSON.stringify(id), codes: REFUSED },
      )
    default:
      // Built as text: JSON.stringify of 20k levels overflows this process's stack.
      return text(
        `{"id":${JSON.stringify(id)},"method":"init","params":{"id":"${big}","kind":${'['.repeat(20_000)}1${']'.repeat(20_000)}}}`,
        { id: JSON.stringify(id), codes: REFUSED },
      )
  }
}
