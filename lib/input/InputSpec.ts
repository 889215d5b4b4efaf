import type { DeepPartial } from '../types'
import { z } from '../z'
import { defineLazy, maker } from './lazy'
import type { Deferred } from './lazy'
import { List } from './List'
import type { ValueSpec } from './specTypes'
import type { BoundList, BoundValue } from './tools'
import type {
  ApplyFilter,
  FilterKeys,
  InputSpecShape,
  KeyPaths,
  LazyBuildOptions,
} from './types'
import { objectValidator } from './validators'
import { Value } from './Value'
import { Variants } from './Variants'

/** A form's fields, by key. */
type Fields = Record<string, Value<any, any, any>>

/** A new form over `fields`, typed as the caller declares (no structural comparison). */
const form = <T>(fields: Deferred<Fields>): T => new InputSpec(fields) as T

/** The builders `InputSpec.add(tools => …)` receives, typed for the form `OuterType`. */
export interface InputSpecTools<OuterType> {
  Value: BoundValue<OuterType>
  Variants: typeof Variants
  InputSpec: typeof InputSpec
  List: BoundList<OuterType>
}

/** The builders for `InputSpec.add`; the same functions as `Value`, `List`…, typed for `OuterType`. */
export function createInputSpecTools<OuterType>(): InputSpecTools<OuterType> {
  return { Value, Variants, InputSpec, List } as InputSpecTools<OuterType>
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)

const ruleOf = (rules: unknown, key: string): unknown =>
  isRecord(rules) && Object.hasOwn(rules, key) ? rules[key] : undefined

/** What the field-selection methods need of a sub-form (an `InputSpec` of any SDK copy). */
type SubForm = {
  readonly spec: Fields
  filter(keys: object, keepByDefault?: boolean): SubForm
  disable(keys: object, message: string): SubForm
  filterFromPartial(partial: object): SubForm
  disableFromPartial(partial: object, message: string): SubForm
}

/** The sub-form of an object field. */
const innerOf = (value: Value<any, any, any>): SubForm | undefined =>
  value._objectSpec?.inputSpec as unknown as SubForm | undefined

/** An object field around a new sub-form, keeping its heading. */
const regroup = (value: Value<any, any, any>, inner: SubForm) =>
  Value.object(
    (value._objectSpec as { params: { name: string } }).params,
    inner as unknown as InputSpec<any>,
  )

/**
 * A key path as plain strings. (Asking the compiler to check `KeyPaths<Type>` against
 * `string[]` would expand it without end for a generic `Type`.)
 */
const keysOf = (path: unknown): readonly string[] => path as readonly string[]

const lookup = (
  fields: Fields | undefined,
  key: string,
): Value<any, any, any> | undefined =>
  fields && Object.hasOwn(fields, key) ? fields[key] : undefined

/**
 * Builds the fields along `path` one by one, calling `visit` with each built spec;
 * `true` when the whole path was found.
 */
async function walk(
  start: Fields,
  path: readonly string[],
  options: LazyBuildOptions<any>,
  visit: (spec: ValueSpec, key: string, last: boolean) => void,
): Promise<boolean> {
  let fields: Fields | undefined = start
  for (let i = 0; i < path.length; i++) {
    const value = lookup(fields, path[i])
    if (value === undefined) return false
    const built: { spec: ValueSpec } = await value.build(options)
    visit(built.spec, path[i], i === path.length - 1)
    fields = innerOf(value)?.spec
  }
  return true
}

/**
 * A form: the fields an action asks for. `build` resolves dynamic fields into the wire spec
 * the UI renders; `validator` checks a submitted value (naming the failing field).
 *
 * @example
 * ```ts
 * const spec = InputSpec.of({
 *   username: Value.text({ name: 'Username', required: true, default: null }),
 *   verbose: Value.toggle({ name: 'Verbose logging', default: false }),
 * })
 * type Input = typeof spec._TYPE // { username: string; verbose: boolean }
 * ```
 */
export class InputSpec<
  Type extends StaticValidatedAs,
  StaticValidatedAs extends Record<string, any> = Type,
> implements InputSpecShape<Type, StaticValidatedAs> {
  /** Internal: the fields by key (made on first read for deferred forms). */
  declare readonly spec: Fields
  /** Checks a whole value, unknown keys kept; dynamic fields widened. Made on first read. */
  declare readonly validator: z.ZodType<StaticValidatedAs>
  /** Type carrier for the form's value; `null` at run time. */
  _TYPE: Type = null as never
  /** Type carrier for a partial value; `null` at run time. */
  _PARTIAL: DeepPartial<Type> = null as never
  /** Checks a partial value (every key optional, at every depth). Made on first read. */
  declare readonly partialValidator: z.ZodType<DeepPartial<StaticValidatedAs>>

  /** Internal: use {@link InputSpec.of}. `spec` may be a function, called on first use. */
  constructor(spec: Deferred<Fields>) {
    defineLazy(this, 'spec', maker(spec))
    defineLazy(this, 'validator', () =>
      objectValidator(
        Object.entries(this.spec).map(([k, v]) => [k, v.validator] as const),
      ),
    )
    defineLazy(this, 'partialValidator', () => z.deepPartial(this.validator))
  }

  /** Resolves every field (dynamic ones with `options`) into the wire spec and its validator. */
  async build<OuterType>(options: LazyBuildOptions<OuterType>): Promise<{
    spec: { [K in keyof Type]: ValueSpec }
    validator: z.ZodType<Type>
  }> {
    const entries = Object.entries(this.spec)
    const built = await Promise.all(
      entries.map(([, value]) => value.build(options as LazyBuildOptions<any>)),
    )
    const spec: Record<string, ValueSpec> = {}
    entries.forEach(([key], i) => (spec[key] = built[i].spec))
    const validator = objectValidator(
      entries.map(([key], i) => [key, built[i].validator] as const),
    )
    return {
      spec: spec as { [K in keyof Type]: ValueSpec },
      validator: validator as z.ZodType<Type>,
    }
  }

  /** A new form with more fields, given directly or made with the typed `tools`. */
  add<AddSpec extends Record<string, Value<any, any, any>>>(
    build: AddSpec | ((tools: InputSpecTools<Type>) => AddSpec),
  ): InputSpec<
    Type & {
      [K in keyof AddSpec]: AddSpec[K] extends Value<infer T, any, any>
        ? T
        : never
    },
    StaticValidatedAs & {
      [K in keyof AddSpec]: AddSpec[K] extends Value<any, infer S, any>
        ? S
        : never
    }
  > {
    const make = build as unknown as Fields | ((tools: unknown) => Fields)
    const added: Fields =
      typeof make === 'function' ? make(createInputSpecTools()) : make
    return form(() => ({ ...this.spec, ...added }))
  }

  /**
   * A new form with only the fields `keys` keeps: `true` keeps a field, `false` drops it, an
   * object keeps an object field with only those sub-fields. Unlisted fields are kept only
   * when `keepByDefault` is `true` (also inside object fields).
   */
  filter<F extends FilterKeys<Type>, Default extends boolean = false>(
    keys: F,
    keepByDefault?: Default,
  ): InputSpec<
    ApplyFilter<Type, F, Default> & ApplyFilter<StaticValidatedAs, F, Default>,
    ApplyFilter<StaticValidatedAs, F, Default>
  > {
    const fields: Fields = {}
    for (const [key, value] of Object.entries(this.spec)) {
      const rule = ruleOf(keys, key)
      if (rule === undefined ? keepByDefault !== true : rule === false) continue
      const inner = innerOf(value)
      fields[key] =
        inner && isRecord(rule)
          ? regroup(value, inner.filter(rule, keepByDefault))
          : value
    }
    return form(fields)
  }

  /**
   * A new form whose fields named in `keys` (`true`, or an object for sub-fields) are shown
   * but not editable, with `message` as the reason.
   */
  disable(
    keys: FilterKeys<Type>,
    message: string,
  ): InputSpec<Type, StaticValidatedAs> {
    const fields: Fields = {}
    for (const [key, value] of Object.entries(this.spec)) {
      const rule = ruleOf(keys, key)
      const inner = innerOf(value)
      if (isRecord(rule))
        fields[key] = inner
          ? regroup(value, inner.disable(rule, message))
          : value.withDisabled(message)
      else fields[key] = rule === true ? value.withDisabled(message) : value
    }
    return form(fields)
  }

  /**
   * The display names along `path` (`['Settings', 'Debug']`; the key for a field without a
   * name, such as a hidden one); stops at an unknown key.
   */
  async namePath<OuterType>(
    path: KeyPaths<Type>,
    options: LazyBuildOptions<OuterType>,
  ): Promise<string[]> {
    const names: string[] = []
    await walk(this.spec, keysOf(path), options, (spec, key) => {
      const name = (spec as { name?: unknown }).name
      names.push(typeof name === 'string' ? name : key)
    })
    return names
  }

  /** The description of the field at `path`, or `null` (none, or no such field). */
  async description<OuterType>(
    path: KeyPaths<Type>,
    options: LazyBuildOptions<OuterType>,
  ): Promise<string | null> {
    let found: string | null = null
    const reached = await walk(
      this.spec,
      keysOf(path),
      options,
      (spec, _key, last) => {
        if (last)
          found = (spec as { description?: string | null }).description ?? null
      },
    )
    return reached ? found : null
  }

  /** A new form with only the fields present in `partial` (descending into object fields). */
  filterFromPartial(
    partial: DeepPartial<Type>,
  ): InputSpec<
    DeepPartial<Type> & DeepPartial<StaticValidatedAs>,
    DeepPartial<StaticValidatedAs>
  > {
    const fields: Fields = {}
    for (const [key, value] of Object.entries(this.spec)) {
      if (!isRecord(partial) || !Object.hasOwn(partial, key)) continue
      const sub = partial[key]
      const inner = innerOf(value)
      fields[key] =
        inner && isRecord(sub)
          ? regroup(value, inner.filterFromPartial(sub))
          : value
    }
    return form(fields)
  }

  /** A new form whose fields present in `partial` are not editable, `message` saying why. */
  disableFromPartial(
    partial: DeepPartial<Type>,
    message: string,
  ): InputSpec<Type, StaticValidatedAs> {
    const fields: Fields = {}
    for (const [key, value] of Object.entries(this.spec)) {
      const present = isRecord(partial) && Object.hasOwn(partial, key)
      const sub = present
        ? (partial as Record<string, unknown>)[key]
        : undefined
      const inner = innerOf(value)
      if (!present) fields[key] = value
      else if (inner && isRecord(sub))
        fields[key] = regroup(value, inner.disableFromPartial(sub, message))
      else fields[key] = value.withDisabled(message)
    }
    return form(fields)
  }

  /** A form from its fields. */
  static of<Spec extends Record<string, Value<any, any>>>(
    spec: Spec,
  ): InputSpec<
    // `Extract` only lets the compiler see that each field's type fits its static type
    // (it resolves to the mapped type itself for any concrete `Spec`).
    Extract<
      {
        [K in keyof Spec]: Spec[K] extends Value<infer T, any, unknown>
          ? T
          : never
      },
      {
        [K in keyof Spec]: Spec[K] extends Value<any, infer T, unknown>
          ? T
          : never
      }
    >,
    {
      [K in keyof Spec]: Spec[K] extends Value<any, infer T, unknown>
        ? T
        : never
    }
  > {
    return form(spec)
  }
}

/** A form made on first use (for module-level constants that must cost nothing at import). */
export function deferInputSpec<
  Type extends StaticValidatedAs,
  StaticValidatedAs extends Record<string, any>,
>(
  make: () => InputSpec<Type, StaticValidatedAs>,
): InputSpec<Type, StaticValidatedAs> {
  return new InputSpec<Type, StaticValidatedAs>(() => make().spec)
}
