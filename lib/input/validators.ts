/**
 * The zod schemas behind each field kind. They check types and choices only: lengths,
 * ranges and patterns are the form's job (the UI enforces them), as in StartOS.
 * Objects keep unknown keys (`z.object` is loose).
 */
import { z } from '../z'

/** `string`, or `string | null` when not required. */
export function stringValidator(required: boolean): z.ZodType {
  return required ? z.string() : z.string().nullable()
}

/** `number`, or `number | null` when not required. */
export function numberValidator(required: boolean): z.ZodType {
  return required ? z.number() : z.number().nullable()
}

/** One of `keys`; any string when there are none (an empty enum would reject everything). */
export function choiceValidator(keys: readonly string[]): z.ZodType {
  return keys.length === 0 ? z.string() : z.enum(keys as [string, ...string[]])
}

/** A list of keys, each one of `keys` (any strings when there are none). */
export function choicesValidator(keys: readonly string[]): z.ZodType {
  return z.array(choiceValidator(keys))
}

/** An uploaded file: `{path, commitment: {hash, size}}`. */
export function fileValidator(required: boolean): z.ZodType {
  const file = z.object({
    path: z.string(),
    commitment: z.object({ hash: z.string(), size: z.number() }),
  })
  return required ? file : file.nullable()
}

/**
 * A union field's value: `{selection, value, other?}`, discriminated on `selection` so an
 * error names the field inside the chosen variant (`value.host`), not just the union.
 */
export function unionValidator(
  variants: readonly (readonly [key: string, value: z.ZodType])[],
): z.ZodType {
  const other = z.record(z.string(), z.unknown()).optional()
  const options = variants.map(([key, value]) =>
    z.object({ selection: z.literal(key), value, other }),
  )
  return z.discriminatedUnion(
    'selection',
    options as unknown as [z.ZodObject, ...z.ZodObject[]],
  )
}

/** The validator of a form: one entry per field, unknown keys kept. */
export function objectValidator(
  fields: readonly (readonly [key: string, value: z.ZodType])[],
): z.ZodType {
  return z.object(Object.fromEntries(fields))
}
