/*
 * Compile-only tests of the form builders: every field kind infers the value type (and the
 * static validator type) the reference infers for the same parameters, forms compose as in
 * 2.0.9 (`of`, `add`, `filter`, `filterFromPartial`, `partialValidator`), and misuse does not
 * compile.
 */
import type { ISB as RefISB, z as refZ } from 'start-sdk-reference'
import { InputSpec, List, Value, Variants } from '../../lib/input'
import type {
  ExtractInputSpecStaticValidatedAs,
  ExtractInputSpecType,
  FileInfo,
  LazyBuildOptions,
} from '../../lib/input'
import type { DeepPartial } from '../../lib/types'
import { z } from '../../lib/z'
import type { Equal, Expect } from './helpers'

declare const R: typeof RefISB
declare const rz: typeof refZ

/** The type a validator outputs. */
type StaticOf<V> = V extends { validator: { _zod: { output: infer O } } }
  ? O
  : never

/** Whether `V` (a field, list or variants) has value type `T` and static type `S`. */
type Is<V extends { _TYPE: unknown }, T, S = T> =
  Equal<V['_TYPE'], T> extends true ? Equal<StaticOf<V>, S> : false

/** Whether `V` and `W` have the same value type and the same static type. */
type Same<V extends { _TYPE: unknown }, W extends { _TYPE: unknown }> = Is<
  V,
  W['_TYPE'],
  StaticOf<W>
>

// ── scalar fields ─────────────────────────────────────────────────────────────────────
const toggle = Value.toggle({ name: 'T', default: true })
const rToggle = R.Value.toggle({ name: 'T', default: true })
export type T1 = Expect<Is<typeof toggle, boolean, boolean>>
export type T1r = Expect<Same<typeof toggle, typeof rToggle>>

const tri = Value.triState({ name: 'T', default: null })
export type T2 = Expect<Is<typeof tri, boolean | null, boolean | null>>
export type T2r = Expect<Same<typeof tri, ReturnType<typeof R.Value.triState>>>

const textReq = Value.text({ name: 'T', default: null, required: true })
const textOpt = Value.text({ name: 'T', default: 'x', required: false })
declare const someFlag: boolean
const textMaybe = Value.text({ name: 'T', default: null, required: someFlag })
export type T3 = Expect<Is<typeof textReq, string, string>>
export type T4 = Expect<Is<typeof textOpt, string | null, string | null>>
export type T5 = Expect<Is<typeof textMaybe, string | null, string | null>>
const rTextReq = R.Value.text({ name: 'T', default: null, required: true })
export type T3r = Expect<Same<typeof textReq, typeof rTextReq>>

const textarea = Value.textarea({ name: 'T', default: null, required: false })
const num = Value.number({
  name: 'N',
  default: 1,
  required: true,
  integer: true,
})
const color = Value.color({ name: 'C', default: null, required: false })
const when = Value.datetime({ name: 'D', default: null, required: true })
export type T6 = Expect<Is<typeof textarea, string | null, string | null>>
export type T7 = Expect<Is<typeof num, number, number>>
export type T8 = Expect<Is<typeof color, string | null, string | null>>
export type T9 = Expect<Is<typeof when, string, string>>

// ── choices ───────────────────────────────────────────────────────────────────────────
const values = { a: 'A', b: 'B' }
const select = Value.select({ name: 'S', default: 'a', values })
const multi = Value.multiselect({ name: 'M', default: ['b'], values })
export type T10 = Expect<Is<typeof select, 'a' | 'b', 'a' | 'b'>>
export type T11 = Expect<Is<typeof multi, ('a' | 'b')[], ('a' | 'b')[]>>
const rSelect = R.Value.select({ name: 'S', default: 'a', values })
export type T10r = Expect<Same<typeof select, typeof rSelect>>

// ── files, objects, lists, hidden ─────────────────────────────────────────────────────
const file = Value.file({ name: 'F', extensions: [], required: true })
const fileOpt = Value.file({ name: 'F', extensions: [], required: false })
type File = { path: string; commitment: { hash: string; size: number } }
export type T12 = Expect<Is<typeof file, File, File>>
export type T13 = Expect<Is<typeof fileOpt, File | null, File | null>>
export type T13b = Expect<Equal<FileInfo, File>>

const inner = InputSpec.of({ flag: toggle, note: textOpt })
const obj = Value.object({ name: 'O' }, inner)
type Inner = { flag: boolean; note: string | null }
export type T14 = Expect<Is<typeof obj, Inner, Inner>>

const texts = Value.list(List.text({ name: 'L' }, {}))
const objs = Value.list(List.obj({ name: 'L' }, { spec: inner }))
export type T15 = Expect<Is<typeof texts, string[], string[]>>
export type T16 = Expect<Is<typeof objs, Inner[], Inner[]>>
const rObjs = R.Value.list(
  R.List.obj({ name: 'L' }, { spec: R.InputSpec.of({ flag: rToggle }) }),
)
export type T16r = Expect<
  Is<typeof rObjs, { flag: boolean }[], { flag: boolean }[]>
>

const hidden = Value.hidden<{ id: number }>()
const parsed = Value.hidden(z.object({ id: z.number() }))
export type T17 = Expect<Is<typeof hidden, { id: number }, { id: number }>>
export type T18 = Expect<Is<typeof parsed, { id: number }, { id: number }>>

// ── unions ────────────────────────────────────────────────────────────────────────────
const variants = Variants.of({
  a: { name: 'A', spec: InputSpec.of({}) },
  b: { name: 'B', spec: InputSpec.of({ x: textReq }) },
})
const union = Value.union({ name: 'U', default: 'a', variants })
type U =
  | { selection: 'a'; value: {}; other?: { b?: { x?: string } } }
  | { selection: 'b'; value: { x: string }; other?: { a?: {} } }
export type T19 = Expect<Is<typeof union, U, U>>
const rUnion = R.Value.union({
  name: 'U',
  default: 'a',
  variants: R.Variants.of({
    a: { name: 'A', spec: R.InputSpec.of({}) },
    b: { name: 'B', spec: R.InputSpec.of({ x: rTextReq }) },
  }),
})
export type T19r = Expect<Same<typeof union, typeof rUnion>>
export type T20 = Expect<Is<typeof variants, U, U>>

// ── dynamic twins: value type from the builder, static type widened ───────────────────
const dText = Value.dynamicText(() => ({
  name: 'T',
  default: null,
  required: true,
}))
const dNum = Value.dynamicNumber(() => ({
  name: 'N',
  default: null,
  required: false,
  integer: true,
}))
const dSelect = Value.dynamicSelect(() => ({ name: 'S', default: 'a', values }))
const dMulti = Value.dynamicMultiselect(() => ({
  name: 'M',
  default: [],
  values,
}))
const dFile = Value.dynamicFile(() => ({
  name: 'F',
  extensions: [],
  required: true,
}))
const dToggle = Value.dynamicToggle(() => ({ name: 'T', default: true }))
const dTri = Value.dynamicTriState(() => ({ name: 'T', default: null }))
const dColor = Value.dynamicColor(() => ({
  name: 'C',
  default: null,
  required: true,
}))
const dDate = Value.dynamicDatetime(() => ({
  name: 'D',
  default: null,
  required: false,
}))
const dArea = Value.dynamicTextarea(() => ({
  name: 'T',
  default: null,
  required: true,
}))
const dHidden = Value.dynamicHidden(() => z.number())
const dUnion = Value.dynamicUnion(() => ({
  name: 'U',
  default: 'a',
  disabled: false,
  variants,
}))
const dUnionStatic = Value.dynamicUnion(
  () => ({ name: 'U', default: 'a', disabled: ['b'], variants }),
  variants.validator,
)
const dList = Value.list(List.dynamicText(() => ({ name: 'L', spec: {} })))
export type D1 = Expect<Is<typeof dText, string, string | null>>
export type D2 = Expect<Is<typeof dNum, number | null, number | null>>
export type D3 = Expect<Is<typeof dSelect, 'a' | 'b', 'a' | 'b'>>
export type D4 = Expect<Is<typeof dMulti, ('a' | 'b')[], ('a' | 'b')[]>>
export type D5 = Expect<Is<typeof dFile, File, File | null>>
export type D6 = Expect<Is<typeof dToggle, boolean, boolean>>
export type D7 = Expect<Is<typeof dTri, boolean | null, boolean | null>>
export type D8 = Expect<Is<typeof dColor, string, string | null>>
export type D9 = Expect<Is<typeof dDate, string | null, string | null>>
export type D10 = Expect<Is<typeof dArea, string, string | null>>
export type D11 = Expect<Is<typeof dHidden, number, number>>
export type D12 = Expect<Is<typeof dUnion, U, U>>
export type D13 = Expect<Is<typeof dUnionStatic, U, U>>
export type D14 = Expect<Is<typeof dList, string[], string[]>>
const rdText = R.Value.dynamicText(() => ({
  name: 'T',
  default: null,
  required: true,
}))
export type D1r = Expect<Same<typeof dText, typeof rdText>>
const rdFile = R.Value.dynamicFile(() => ({
  name: 'F',
  extensions: [],
  required: true,
}))
export type D5r = Expect<Same<typeof dFile, typeof rdFile>>

// ── map and withDisabled ──────────────────────────────────────────────────────────────
const mapped = textOpt.map((s) => (s === null ? 0 : s.length))
export type M1 = Expect<Is<typeof mapped, number, number>>
const mappedDyn = dText.map((s) => s ?? '')
export type M2 = Expect<Is<typeof mappedDyn, string, string>>
export type M3 = Expect<
  Same<ReturnType<typeof dText.withDisabled>, typeof dText>
>

// ── forms ─────────────────────────────────────────────────────────────────────────────
const form = InputSpec.of({
  name: textReq,
  port: dNum,
  mode: select,
  settings: obj,
  peers: texts,
  dyn: dText,
  u: union,
})
type Form = {
  name: string
  port: number | null
  mode: 'a' | 'b'
  settings: Inner
  peers: string[]
  dyn: string
  u: U
}
type FormStatic = Omit<Form, 'dyn'> & { dyn: string | null }
export type F1 = Expect<Equal<typeof form._TYPE, Form>>
export type F2 = Expect<
  Equal<
    z.infer<typeof form.validator>,
    { [K in keyof FormStatic]: FormStatic[K] }
  >
>
export type F3 = Expect<Equal<ExtractInputSpecType<typeof form>, Form>>
export type F4 = Expect<
  Equal<
    ExtractInputSpecStaticValidatedAs<typeof form>,
    { [K in keyof FormStatic]: FormStatic[K] }
  >
>
export type F5 = Expect<Equal<typeof form._PARTIAL, DeepPartial<Form>>>
export type F6 = Expect<
  Equal<
    z.infer<typeof form.partialValidator>,
    DeepPartial<{ [K in keyof FormStatic]: FormStatic[K] }>
  >
>
export type F7 = Expect<
  Equal<Awaited<ReturnType<typeof form.build>>['validator'], z.ZodType<Form>>
>

const rForm = R.InputSpec.of({
  name: rTextReq,
  flag: rToggle,
  settings: R.Value.object({ name: 'O' }, R.InputSpec.of({ flag: rToggle })),
})
const sameForm = InputSpec.of({
  name: textReq,
  flag: toggle,
  settings: Value.object({ name: 'O' }, InputSpec.of({ flag: toggle })),
})
export type F8 = Expect<Equal<typeof sameForm._TYPE, typeof rForm._TYPE>>
export type F9 = Expect<Equal<typeof sameForm._PARTIAL, typeof rForm._PARTIAL>>
export type F10 = Expect<
  Equal<
    z.infer<typeof sameForm.partialValidator>,
    refZ.infer<typeof rForm.partialValidator>
  >
>

// filter, filterFromPartial, add: the same types the reference computes.
const kept = sameForm.filter({ name: true, settings: { flag: true } })
const rKept = rForm.filter({ name: true, settings: { flag: true } })
export type F11 = Expect<Equal<typeof kept._TYPE, typeof rKept._TYPE>>
/** Mutual assignability, for intersections the strict `Equal` cannot see through. */
type Interchangeable<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? true
    : false
  : false
export type F12 = Expect<
  Interchangeable<
    typeof kept._TYPE,
    { name: string; settings: { flag: boolean } }
  >
>
const dropped = sameForm.filter({ flag: false }, true)
const rDropped = rForm.filter({ flag: false }, true)
export type F13 = Expect<Equal<typeof dropped._TYPE, typeof rDropped._TYPE>>
const fromPartial = sameForm.filterFromPartial({ name: 'x' })
const rFromPartial = rForm.filterFromPartial({ name: 'x' })
export type F14 = Expect<
  Equal<typeof fromPartial._TYPE, typeof rFromPartial._TYPE>
>
const added = sameForm.add((tools) => ({
  extra: tools.Value.dynamicToggle(({ prefill }) => {
    type Prefill = typeof prefill
    const check: Expect<
      Equal<Prefill, DeepPartial<typeof sameForm._TYPE> | null>
    > = true
    return { name: String(check), default: true }
  }),
}))
export type F15 = Expect<
  Equal<typeof added._TYPE, typeof sameForm._TYPE & { extra: boolean }>
>
export type F16 = Expect<
  Equal<
    Parameters<typeof sameForm.namePath>[0],
    Parameters<typeof rForm.namePath>[0]
  >
>
export type F17 = Expect<
  Equal<
    Parameters<typeof sameForm.namePath>[0],
    ['name'] | ['flag'] | ['settings'] | ['settings', 'flag']
  >
>
declare const opts: LazyBuildOptions<unknown>
void sameForm.namePath(['settings', 'flag'], opts)
void rz

// ── misuse does not compile ───────────────────────────────────────────────────────────
// @ts-expect-error the default must be one of the values' keys
Value.select({ name: 'S', default: 'c', values })
// @ts-expect-error multiselect defaults must be keys too
Value.multiselect({ name: 'M', default: ['c'], values })
// @ts-expect-error a text default is a string, a RandomString or null
Value.text({ name: 'T', default: 3, required: true })
// @ts-expect-error a toggle needs a default
Value.toggle({ name: 'T' })
// @ts-expect-error a number field must say whether it is an integer
Value.number({ name: 'N', default: null, required: true })
// @ts-expect-error a union's default must be one of its variants
Value.union({ name: 'U', default: 'c', variants })
// @ts-expect-error filter keys must be fields of the form
sameForm.filter({ nope: true })
// @ts-expect-error a nested filter must name sub-fields of an object field
sameForm.filter({ settings: { nope: true } })
// @ts-expect-error a key path must exist
void sameForm.namePath(['settings', 'nope'], opts)
// @ts-expect-error Value.object takes a form, not a record of fields
Value.object({ name: 'O' }, { flag: toggle })
// @ts-expect-error a dynamic builder must return every required parameter
Value.dynamicToggle(() => ({ name: 'T' }))
// @ts-expect-error a dynamic union's builder must say what is disabled
Value.dynamicUnion(() => ({ name: 'U', default: 'a', variants }))
