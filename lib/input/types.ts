/**
 * The type machinery of the form builders. Types only: the classes implement these shapes,
 * and the shapes never import the classes, so the files stay free of cycles.
 */
import type { Effects } from '../effects'
import type { DeepPartial } from '../types'
import type { z } from '../z'
import type { ValueSpec } from './specTypes'

/** What a dynamic field's builder receives: effects, and the saved form (if any) to start from. */
export type LazyBuildOptions<Type> = {
  effects: Effects
  prefill: DeepPartial<Type> | null
}

/** A function computing part of a form when the form is built (sync or async). */
export type LazyBuild<ExpectedOut, Type> = (
  options: LazyBuildOptions<Type>,
) => Promise<ExpectedOut> | ExpectedOut

/** Either a value or a {@link LazyBuild} producing it. */
export type MaybeLazyValues<A, T> = LazyBuild<A, T> | A

/**
 * Which fields to keep (or disable): `true`, `false`, or, for an object field, the same
 * shape one level down.
 */
export type FilterKeys<F> = {
  [K in keyof F]?: F[K] extends Record<string, any>
    ? boolean | FilterKeys<F[K]>
    : boolean
}

type RetainKey<T, F, Default extends boolean> = {
  [K in keyof T]: K extends keyof F
    ? F[K] extends false
      ? never
      : K
    : Default extends true
      ? K
      : never
}[keyof T]

/** The form type left after {@link FilterKeys} `F` is applied to `T`. */
export type ApplyFilter<T, F, Default extends boolean = false> = {
  [K in RetainKey<T, F, Default>]: K extends keyof F
    ? true extends F[K]
      ? F[K] extends true
        ? T[K]
        : T[K] | undefined
      : T[K] extends Record<string, any>
        ? F[K] extends FilterKeys<T[K]>
          ? ApplyFilter<T[K], F[K]>
          : undefined
        : undefined
    : Default extends true
      ? T[K]
      : undefined
}

/** Every key path into `T`, descending into object fields (not into arrays). */
export type KeyPaths<T> = {
  [K in keyof T & string]: T[K] extends any[]
    ? [K]
    : T[K] extends Record<string, any>
      ? [K] | [K, ...KeyPaths<T[K]>]
      : [K]
}[keyof T & string]

/**
 * What a form (`InputSpec`) offers to the builders that nest it: `Value.object`,
 * `List.obj`, `Variants.of`. The `InputSpec` class implements it.
 */
export interface InputSpecShape<
  Type extends StaticValidatedAs,
  StaticValidatedAs extends Record<string, any> = Type,
> {
  readonly validator: z.ZodType<StaticValidatedAs>
  _TYPE: Type
  _PARTIAL: DeepPartial<Type>
  readonly partialValidator: z.ZodType<DeepPartial<StaticValidatedAs>>
  build<OuterType>(options: LazyBuildOptions<OuterType>): Promise<{
    spec: { [K in keyof Type]: ValueSpec }
    validator: z.ZodType<Type>
  }>
}

/** The value type of a form. */
export type ExtractInputSpecType<
  A extends InputSpecShape<Record<string, any>, any>,
> = A extends InputSpecShape<infer B, any> ? B : never

/** The type a form's static validator accepts (dynamic fields widened). */
export type ExtractInputSpecStaticValidatedAs<
  A extends InputSpecShape<any, Record<string, any>>,
> = A extends InputSpecShape<any, infer B> ? B : never

/** `T` when `Required` is `true`, else `T | null`. */
export type AsRequired<T, Required extends boolean> = Required extends true
  ? T
  : T | null

/** An uploaded file: where it is and its content commitment. */
export type FileInfo = {
  path: string
  commitment: {
    hash: string
    size: number
  }
}

/**
 * A union field's value: the `selection`, that variant's `value`, and optionally what was
 * entered in the `other` variants.
 */
export type UnionRes<
  VariantValues extends {
    [K in string]: { name: string; spec: InputSpecShape<any> }
  },
  K extends keyof VariantValues & string = keyof VariantValues & string,
> = {
  [key in keyof VariantValues]: {
    selection: key
    value: ExtractInputSpecType<VariantValues[key]['spec']>
    other?: {
      [key2 in Exclude<keyof VariantValues & string, key>]?: DeepPartial<
        ExtractInputSpecType<VariantValues[key2]['spec']>
      >
    }
  }
}[K]

/** {@link UnionRes} with each variant's static validator type. */
export type UnionResStaticValidatedAs<
  VariantValues extends {
    [K in string]: { name: string; spec: InputSpecShape<any> }
  },
  K extends keyof VariantValues & string = keyof VariantValues & string,
> = {
  [key in keyof VariantValues]: {
    selection: key
    value: ExtractInputSpecStaticValidatedAs<VariantValues[key]['spec']>
    other?: {
      [key2 in Exclude<keyof VariantValues & string, key>]?: DeepPartial<
        ExtractInputSpecStaticValidatedAs<VariantValues[key2]['spec']>
      >
    }
  }
}[K]
