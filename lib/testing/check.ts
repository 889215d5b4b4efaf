import { HostError } from './hostErrors'

/** An effect's params object, as parsed from the wire. */
export type Params = Record<string, unknown>

/** A value's JSON text and type, for error messages. */
function shown(value: unknown): string {
  const type =
    value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  if (text.length > 60) text = text.slice(0, 57) + '...'
  return `\`${text}\` (${type})`
}

/** Throws the Deserialization error naming `field`, the rule and the value. */
export function bad(field: string, rule: string, value: unknown): never {
  throw new HostError(
    'Deserialization',
    `Expected \`${field}\` to be ${rule}, got ${shown(value)}`,
  )
}

/** Whether `value` is a plain JSON object. */
export function isObject(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `p[key]` as an object. */
export function obj(p: Params, key: string, path: string = key): Params {
  const value = p[key]
  return isObject(value) ? value : bad(path, 'an object', value)
}

/** `p[key]` as a string. */
export function str(p: Params, key: string, path: string = key): string {
  const value = p[key]
  return typeof value === 'string' ? value : bad(path, 'a string', value)
}

/** `p[key]` as a string, or `null` when null or absent. */
export function optStr(
  p: Params,
  key: string,
  path: string = key,
): string | null {
  const value = p[key]
  if (value === null || value === undefined) return null
  return typeof value === 'string'
    ? value
    : bad(path, 'a string or null', value)
}

/** `p[key]` as a boolean. */
export function bool(p: Params, key: string, path: string = key): boolean {
  const value = p[key]
  return typeof value === 'boolean' ? value : bad(path, 'a boolean', value)
}

/** `p[key]` as an integer within `[min, max]`. */
export function int(
  p: Params,
  key: string,
  min: number,
  max: number,
  path: string = key,
): number {
  const value = p[key]
  if (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= min &&
    value <= max
  ) {
    return value
  }
  return bad(path, `an integer from ${min} to ${max}`, value)
}

/** `p[key]` as a TCP port number (1–65535). */
export function port(p: Params, key: string, path: string = key): number {
  return int(p, key, 1, 65535, path)
}

/** `p[key]` as one of the listed strings. */
export function oneOf<T extends string>(
  p: Params,
  key: string,
  values: readonly T[],
  path: string = key,
): T {
  const value = p[key]
  if (
    typeof value === 'string' &&
    (values as readonly string[]).includes(value)
  ) {
    return value as T
  }
  return bad(path, `one of ${values.map((v) => `"${v}"`).join(', ')}`, value)
}

/** `p[key]` as an array of strings. */
export function strs(p: Params, key: string, path: string = key): string[] {
  const value = p[key]
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value as string[]
  }
  return bad(path, 'an array of strings', value)
}

/** `p[key]` as an array of objects. */
export function objs(p: Params, key: string, path: string = key): Params[] {
  const value = p[key]
  if (Array.isArray(value) && value.every(isObject)) return value
  return bad(path, 'an array of objects', value)
}

/** `p[key]` as an optional package id (absent or null mean the calling package). */
export function optPackageId(p: Params): string | undefined {
  const value = p.packageId
  if (value === undefined || value === null) return undefined
  return typeof value === 'string' ? value : bad('packageId', 'a string', value)
}

/** A selection of ids: `{ only: [...] }` or `{ except: [...] }`. */
export type Selection<T> = { only: T[] } | { except: T[] }

/** Reads `{ only }` or `{ except }`, each an array accepted by `each`. */
export function selection<T>(
  p: Params,
  each: (value: unknown) => value is T,
  rule: string,
): Selection<T> {
  const key = 'only' in p ? 'only' : 'except' in p ? 'except' : undefined
  if (key === undefined)
    return bad('only', `${rule} (or \`except\`)`, undefined)
  const value = p[key]
  if (!Array.isArray(value) || !value.every(each)) return bad(key, rule, value)
  return key === 'only' ? { only: value } : { except: value }
}

/** Whether `id` survives a selection that says what to clear. */
export function keeps<T>(sel: Selection<T>, id: T): boolean {
  return 'only' in sel ? !sel.only.includes(id) : sel.except.includes(id)
}

/** `p.callback` as a callback id, or `null` when absent or null. */
export function callbackId(p: Params): number | null {
  const value = p.callback
  if (value === undefined || value === null) return null
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
    return value
  }
  return bad('callback', 'a non-negative integer or null', value)
}
