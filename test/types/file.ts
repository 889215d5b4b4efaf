/*
 * Compile-only tests of FileHelper: each factory infers the model the reference infers for
 * the same schema, reads/maps/merges are typed as in 2.0.9, and misuse does not compile.
 */
import type { FileHelper as RefFileHelper } from 'start-sdk-reference'
import type { Effects } from '../../lib/effects'
import { FileHelper } from '../../lib/file'
import type { ReadType } from '../../lib/file'
import { z } from '../../lib/z'
import type { Equal, Expect } from './helpers'

declare const effects: Effects
declare const volume: { subpath(p: string): string }

const shape = z.object({
  name: z.string(),
  port: z.number().catch(8080),
  nested: z.object({ flag: z.boolean() }),
  tags: z.array(z.string()).optional(),
})
type Model = z.infer<typeof shape>

const json = FileHelper.json('/data/config.json', shape)
const yaml = FileHelper.yaml({ base: volume, subpath: 'c.yaml' }, shape, {
  indent: 4,
})
const toml = FileHelper.toml('/c.toml', shape)
const env = FileHelper.env('/.env', z.object({ A: z.string() }))
const ini = FileHelper.ini('/c.ini', z.object({ A: z.string() }), {
  whitespace: true,
})
const xml = FileHelper.xml(
  '/c.xml',
  z.object({ root: z.object({ a: z.string() }) }),
  {
    parser: { ignoreAttributes: false },
  },
)
const text = FileHelper.string('/motd')
const raw = FileHelper.raw(
  '/c.custom',
  (n: number) => String(n),
  (s) => Number(s),
  (u) => u as number,
)

export type F1 = Expect<Equal<typeof json, FileHelper<Model>>>
export type F2 = Expect<Equal<typeof yaml, FileHelper<Model>>>
export type F3 = Expect<Equal<typeof toml, FileHelper<Model>>>
export type F4 = Expect<Equal<typeof env, FileHelper<{ A: string }>>>
export type F5 = Expect<Equal<typeof ini, FileHelper<{ A: string }>>>
export type F6 = Expect<Equal<typeof text, FileHelper<string>>>
export type F7 = Expect<Equal<typeof raw, FileHelper<number>>>
export type F8 = Expect<Equal<typeof xml, FileHelper<{ root: { a: string } }>>>

// Reads: whole model or mapped, nullable because the file may be missing.
const whole = json.read()
export type R1 = Expect<Equal<typeof whole, ReadType<Model>>>
const mapped = json.read((m) => m.port)
export type R2 = Expect<Equal<typeof mapped, ReadType<number>>>
export async function reads(): Promise<void> {
  const once: Model | null = await json.read().once()
  const port: number | null = await mapped.const(effects)
  for await (const v of mapped.watch(effects)) {
    const n: number | null = v
    void n
  }
  json.read().onChange(effects, (value, error) => {
    const m: Model | null = value
    const e: Error | undefined = error
    ;(void m, void e)
    return { cancel: false }
  })
  const ready = await mapped.waitFor(effects, (p) => p === 1)
  ;(void once, void port, void ready)
}

// Writes: full model (readonly accepted); merges take a deep partial.
export async function writes(): Promise<void> {
  await json.write(effects, {
    name: 'a',
    port: 1,
    nested: { flag: true },
  } as const)
  await json.merge(effects, { nested: { flag: false } })
  await json.merge(effects, {}, { onInvalid: 'backup-and-reset' })
  await json.write(
    effects,
    { name: 'a', port: 1, nested: { flag: true } },
    {
      allowWriteAfterConst: true,
    },
  )
  // @ts-expect-error a full write needs every required field
  await json.write(effects, { name: 'a' })
  // @ts-expect-error merge values keep their types
  await json.merge(effects, { port: 'eighty' })
  // @ts-expect-error onInvalid takes one of two policies
  await json.merge(effects, {}, { onInvalid: 'ignore' })
}

// @ts-expect-error yaml models are records, not strings
FileHelper.yaml('/c.yaml', z.string())
// @ts-expect-error env values are strings
FileHelper.env('/.env', z.object({ PORT: z.number() }))

// Our helpers are structurally usable where the reference's are expected, and back.
declare function takesRef(h: RefFileHelper<{ A: string }>): void
declare const refHelper: RefFileHelper<{ A: string }>
takesRef(env)
export const back: FileHelper<{ A: string }> = refHelper
