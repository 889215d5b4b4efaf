import { randomInt } from 'node:crypto'

type Field = Record<string, unknown>
type Spec = Record<string, Field>

/** An action's input with every field at its default, or why one field has none. */
export type DefaultInput =
  | { ok: true; input: Record<string, unknown> }
  | { ok: false; reason: string }

class NoDefault extends Error {}

/** The characters of a charset such as `a-z,A-Z,0-9`. */
function characters(charset: string): string[] {
  const out: string[] = []
  for (const part of charset.split(',')) {
    const m = /^(.)-(.)$/u.exec(part)
    if (m === null) {
      out.push(...part)
      continue
    }
    for (let c = m[1]!.codePointAt(0)!; c <= m[2]!.codePointAt(0)!; c++)
      out.push(String.fromCodePoint(c))
  }
  return out
}

function defaultString(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  const { charset, len } = value as { charset?: unknown; len?: unknown }
  if (typeof charset !== 'string' || typeof len !== 'number') return value
  const chars = characters(charset)
  let s = ''
  for (let i = 0; i < len; i++) s += chars[randomInt(chars.length)]
  return s
}

function orNull(path: string, field: Field, what: string): unknown {
  const d = field['default']
  if (d !== null && d !== undefined) return defaultString(d)
  if (field['required'] === true)
    throw new NoDefault(`\`${path}\` is a required ${what} with no default`)
  return null
}

function fieldDefault(path: string, field: Field): unknown {
  switch (field['type']) {
    case 'text':
      return orNull(path, field, 'text field')
    case 'textarea':
    case 'number':
    case 'color':
    case 'datetime':
      return orNull(path, field, `${String(field['type'])} field`)
    case 'file':
      return orNull(path, field, 'file field')
    case 'toggle':
      return field['default'] ?? false
    case 'triState':
      return field['default'] ?? null
    case 'hidden':
      if (field['default'] !== undefined && field['default'] !== null)
        return field['default']
      throw new NoDefault(
        `\`${path}\` is a hidden field that getInput gave no value`,
      )
    case 'select':
      if (typeof field['default'] === 'string') return field['default']
      throw new NoDefault(`\`${path}\` is a select with no default`)
    case 'multiselect':
      return field['default'] ?? []
    case 'list': {
      const d = field['default']
      return Array.isArray(d) ? d.map(defaultString) : []
    }
    case 'object':
      return specDefaults(`${path}.`, field['spec'] as Spec)
    case 'union': {
      const selection = field['default']
      const variants = field['variants'] as Record<string, { spec: Spec }>
      if (typeof selection !== 'string' || variants?.[selection] === undefined)
        throw new NoDefault(`\`${path}\` is a union with no default variant`)
      return {
        selection,
        value: specDefaults(`${path}.`, variants[selection]!.spec),
      }
    }
    default:
      throw new NoDefault(
        `\`${path}\` has a field type this CLI does not know (${String(field['type'])})`,
      )
  }
}

function specDefaults(prefix: string, spec: Spec): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(spec ?? {}))
    out[key] = fieldDefault(`${prefix}${key}`, field)
  return out
}

function overlay(
  spec: Spec,
  base: Record<string, unknown>,
  value: unknown,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return base
  const given = value as Record<string, unknown>
  const out = { ...base }
  for (const [key, field] of Object.entries(spec ?? {})) {
    const v = given[key]
    if (v === undefined || v === null) continue
    out[key] =
      field['type'] === 'object'
        ? overlay(
            field['spec'] as Spec,
            base[key] as Record<string, unknown>,
            v,
          )
        : v
  }
  return out
}

/**
 * Fills an action's input form: the values `getInput` returned over each field's default
 * (random strings generated from their recipe). Fails, naming the field, when a required
 * field has neither.
 */
export function defaultInput(spec: unknown, value: unknown): DefaultInput {
  const fields = (spec ?? {}) as Spec
  try {
    const given = (value ?? {}) as Record<string, unknown>
    const base: Record<string, unknown> = {}
    for (const [key, field] of Object.entries(fields)) {
      const v = given[key]
      if (v !== undefined && v !== null && field['type'] !== 'object') {
        base[key] = v
        continue
      }
      base[key] = fieldDefault(key, field)
    }
    return { ok: true, input: overlay(fields, base, value) }
  } catch (error) {
    if (error instanceof NoDefault) return { ok: false, reason: error.message }
    throw error
  }
}
