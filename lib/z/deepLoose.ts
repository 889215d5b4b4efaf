import { z as zod } from 'zod'
import type { ZodDeepLoose } from './types'

type Schema = zod.core.$ZodType
type Def = Record<string, unknown>
type Memo = Map<Schema, Schema>

/** Rebuilds a `.catch()` node around its (already loosened) inner schema. */
export type CatchRebuild = (node: Schema, inner: Schema) => Schema

interface Pass {
  readonly memo: Memo
  readonly onCatch: CatchRebuild | undefined
}

/** Copies a def with its getters intact (a default value stays a fresh clone per parse). */
function withDef(schema: Schema, patch: Def): Schema {
  const descriptors = Object.getOwnPropertyDescriptors(schema._zod.def)
  for (const [key, value] of Object.entries(patch)) {
    descriptors[key] = {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    }
  }
  const def = Object.defineProperties({}, descriptors) as zod.core.$ZodTypeDef
  return zod.core.clone(schema, def)
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && '_zod' in value
}

/**
 * Loosens an object: its shape is read lazily (zod reads it on first parse, so recursive
 * getter shapes terminate through the memo), and a missing or `never` catchall becomes `unknown`.
 */
function looseObject(schema: Schema, def: Def, pass: Pass): Schema {
  const shape = def['shape'] as Record<string, Schema>
  const looseShape: Record<string, Schema> = {}
  for (const key of Object.keys(shape)) {
    Object.defineProperty(looseShape, key, {
      enumerable: true,
      get: () => loosen(shape[key] as Schema, pass),
    })
  }
  const catchall = def['catchall']
  const keep =
    isSchema(catchall) && catchall._zod.def.type !== 'never'
      ? loosen(catchall, pass)
      : zod.unknown()
  return withDef(schema, { shape: looseShape, catchall: keep })
}

/** The one rebuild step: which def fields hold child schemas, per schema kind. */
function rebuild(schema: Schema, pass: Pass): Schema {
  const def = schema._zod.def as unknown as Def
  const child = (key: string): Schema => loosen(def[key] as Schema, pass)
  const children = (key: string): Schema[] =>
    (def[key] as Schema[]).map((s) => loosen(s, pass))
  switch (def['type']) {
    case 'object':
      return looseObject(schema, def, pass)
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
      return withDef(schema, { innerType: child('innerType') })
    case 'catch':
      return pass.onCatch === undefined
        ? withDef(schema, { innerType: child('innerType') })
        : pass.onCatch(schema, child('innerType'))
    case 'array':
      return withDef(schema, { element: child('element') })
    case 'union':
      return withDef(schema, { options: children('options') })
    case 'intersection':
      return withDef(schema, { left: child('left'), right: child('right') })
    case 'record':
      return withDef(schema, { valueType: child('valueType') })
    case 'tuple':
      return withDef(schema, {
        items: children('items'),
        rest: isSchema(def['rest']) ? child('rest') : def['rest'],
      })
    case 'pipe':
      return withDef(schema, { in: child('in'), out: child('out') })
    case 'lazy': {
      const getter = def['getter'] as () => Schema
      return withDef(schema, { getter: () => loosen(getter(), pass) })
    }
    default:
      return schema
  }
}

function loosen(schema: Schema, pass: Pass): Schema {
  if (!isSchema(schema)) return schema
  const seen = pass.memo.get(schema)
  if (seen) return seen
  const result = rebuild(schema, pass)
  pass.memo.set(schema, result)
  return result
}

/** Rebuilds a schema so every object inside it, at any depth, keeps unknown keys. */
export const deepLoose: ZodDeepLoose = (schema) =>
  loosen(schema, {
    memo: new Map(),
    onCatch: undefined,
  }) as unknown as typeof schema

/** {@link deepLoose}, with every `.catch()` node rebuilt by `onCatch`. */
export function deepLooseWith(schema: Schema, onCatch: CatchRebuild): Schema {
  return loosen(schema, { memo: new Map(), onCatch })
}

/** Copies a node with some def fields replaced (getters of the others kept). */
export { withDef }
