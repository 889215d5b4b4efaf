/*
 * Compile-only tests of `z`: our schemas infer exactly what the reference's `z`
 * (`start-sdk-reference` = @start9labs/start-sdk 2.0.9) infers for the same shapes, and
 * misuse does not compile.
 */
import type { z as refZ } from 'start-sdk-reference'
import { z } from '../../lib/z'
import type { DeepPartial } from '../../lib/z'
import type { Equal, Expect } from './helpers'

declare const ref: typeof refZ

// A flat shape with optional, nullable, defaulted and caught fields.
const flat = z.object({
  a: z.string(),
  b: z.number().optional(),
  c: z.boolean().nullable(),
  d: z.string().default('x'),
  e: z.number().catch(0),
})
const refFlat = ref.object({
  a: ref.string(),
  b: ref.number().optional(),
  c: ref.boolean().nullable(),
  d: ref.string().default('x'),
  e: ref.number().catch(0),
})
type Flat = z.infer<typeof flat>
export type T1 = Expect<Equal<Flat, refZ.infer<typeof refFlat>>>
export type T2 = Expect<
  Equal<
    Flat,
    {
      a: string
      b?: number | undefined
      c: boolean | null
      d: string
      e: number
    }
  >
>
export type T3 = Expect<Equal<z.input<typeof flat>, refZ.input<typeof refFlat>>>

// Nested objects, arrays, unions, records and enums.
const nested = z.object({
  n: z.object({ list: z.array(z.object({ port: z.number() })) }),
  u: z.union([z.literal('a'), z.object({ k: z.string() })]),
  r: z.record(z.string(), z.object({ v: z.number() }).optional()),
  en: z.enum(['x', 'y']),
})
const refNested = ref.object({
  n: ref.object({ list: ref.array(ref.object({ port: ref.number() })) }),
  u: ref.union([ref.literal('a'), ref.object({ k: ref.string() })]),
  r: ref.record(ref.string(), ref.object({ v: ref.number() }).optional()),
  en: ref.enum(['x', 'y']),
})
export type T4 = Expect<
  Equal<z.infer<typeof nested>, refZ.infer<typeof refNested>>
>

// Like the reference, the declared type of `z.object` is zod's (no index signature).
export type T5 = Expect<Equal<keyof Flat, 'a' | 'b' | 'c' | 'd' | 'e'>>
// The other builders keep zod's types.
const strict = z.strictObject({ a: z.string() })
const loose = z.looseObject({ a: z.string() })
export type T6 = Expect<Equal<z.infer<typeof strict>, { a: string }>>
export type T7 = Expect<
  Equal<z.infer<typeof loose>, { [k: string]: unknown; a: string }>
>

// deepPartial and deepLoose have the reference's signatures.
const partial = z.deepPartial(nested)
const refPartial = ref.deepPartial(refNested)
export type T8 = Expect<
  Equal<z.infer<typeof partial>, refZ.infer<typeof refPartial>>
>
export type T9 = Expect<
  Equal<z.infer<typeof partial>, DeepPartial<z.infer<typeof nested>>>
>
export type T10 = Expect<
  Equal<
    DeepPartial<{ t: [string, { a: number }]; o: { p: string | null } }>,
    { t?: [string, { a?: number }]; o?: { p?: string | null } }
  >
>
const deep = z.deepLoose(nested)
export type T11 = Expect<Equal<typeof deep, z.ZodType<z.infer<typeof nested>>>>
export type T12 = Expect<
  Equal<
    z.infer<typeof deep>,
    refZ.infer<ReturnType<typeof ref.deepLoose<refZ.infer<typeof refNested>>>>
  >
>

// The namespace's type members work as zod's do.
export type T13 = Expect<Equal<z.output<typeof flat>, Flat>>
const asType: z.ZodType<{ a: string }> = strict
export { asType }

// Misuse.
// @ts-expect-error a plain value is not a schema
z.deepPartial({ a: 1 })
// @ts-expect-error a plain value is not a schema
z.deepLoose('x')
// @ts-expect-error the inferred output has no index signature, as in the reference
export type T14 = Flat['unknownKey']
// @ts-expect-error `a` is inferred as a string
export const wrong: Flat = { a: 1, c: null, d: '', e: 0 }
// @ts-expect-error z.z is hidden (the reference has none)
z.z.object({})
