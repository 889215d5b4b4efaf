import { parseProcedure } from './procedure'
import type { Procedure } from './procedure'

/** Params of `init`: the event id and why the container starts. */
export interface InitParams {
  id: string
  kind: 'install' | 'update' | 'restore' | null
}

/** Params of `execute` and `sandbox`, with the procedure path already routed. */
export interface ExecuteParams {
  id: string
  procedure: string
  route: Procedure
  input: unknown
  timeout: number | null
}

/** Params of the `callback` notification. */
export interface CallbackParams {
  id: number
  args: unknown[]
}

/** Params of `exit`: the event id and the version or range to uninit towards. */
export interface ExitParams {
  id: string
  target: string | null
}

/** Params of `eval`. */
export interface EvalParams {
  script: string
}

/** The validated params each method's handler receives. */
export interface MethodParams {
  init: InitParams
  start: Record<string, never>
  stop: Record<string, never>
  execute: ExecuteParams
  sandbox: ExecuteParams
  callback: CallbackParams
  exit: ExitParams
  eval: EvalParams
}

/** A method name `service.sock` serves. */
export type MethodName = keyof MethodParams

/** Why a method's params were refused: a message naming the field, the rule and the value. */
export class ParamsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ParamsError'
  }
}

type Fields = Record<string, unknown>

function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  if (text.length > 60) text = `${text.slice(0, 57)}...`
  const type = Array.isArray(value)
    ? 'array'
    : value === null
      ? 'null'
      : typeof value
  return `\`${text}\` (${type})`
}

function fail(path: string, rule: string, value: unknown): never {
  throw new ParamsError(
    `Expected \`${path}\` to be ${rule}, got ${show(value)}`,
  )
}

function object(params: unknown): Fields {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    fail('params', 'an object', params)
  }
  return params as Fields
}

function string(fields: Fields, key: string): string {
  const value = fields[key]
  if (typeof value !== 'string') fail(`params.${key}`, 'a string', value)
  return value
}

function finite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(path, 'a finite number', value)
  }
  return value
}

const INIT_KINDS: readonly unknown[] = ['install', 'update', 'restore', null]

function init(params: unknown): InitParams {
  const fields = object(params)
  const kind = fields.kind
  if (!INIT_KINDS.includes(kind)) {
    fail('params.kind', '"install", "update", "restore" or null', kind)
  }
  return { id: string(fields, 'id'), kind: kind as InitParams['kind'] }
}

function none(params: unknown): Record<string, never> {
  if (params === undefined || params === null) return {}
  object(params)
  return {}
}

function execute(params: unknown): ExecuteParams {
  const fields = object(params)
  const id = string(fields, 'id')
  const procedure = string(fields, 'procedure')
  const route = parseProcedure(procedure)
  if (route === undefined) {
    throw new ParamsError(
      `Unknown procedure: ${JSON.stringify(procedure)}; expected /backup/create, ` +
        '/backup/restore, /packageInit, /packageUninit, /actions/<id>/run or ' +
        '/actions/<id>/getInput',
    )
  }
  const raw = fields.timeout
  const timeout =
    raw === undefined || raw === null ? null : finite(raw, 'params.timeout')
  return { id, procedure, route, input: fields.input, timeout }
}

function callback(params: unknown): CallbackParams {
  const fields = object(params)
  const id = finite(fields.id, 'params.id')
  const args = fields.args
  if (!Array.isArray(args)) fail('params.args', 'an array', args)
  return { id, args }
}

function exit(params: unknown): ExitParams {
  const fields = object(params)
  const target = fields.target
  if (target !== null && typeof target !== 'string') {
    fail('params.target', 'a string or null', target)
  }
  return { id: string(fields, 'id'), target }
}

function evaluate(params: unknown): EvalParams {
  return { script: string(object(params), 'script') }
}

/** The params check of every method; each returns the typed params or throws {@link ParamsError}. */
export const PARAMS: {
  [M in MethodName]: (params: unknown) => MethodParams[M]
} = {
  init,
  start: none,
  stop: none,
  execute,
  sandbox: execute,
  callback,
  exit,
  eval: evaluate,
}

/** Whether `name` is a method `service.sock` serves. */
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(PARAMS, name)
}
