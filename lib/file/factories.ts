import { guardCatches, z } from '../z'
import {
  envFormat,
  iniFormat,
  jsonFormat,
  stringFormat,
  tomlFormat,
  xmlFormat,
  yamlFormat,
  type FileFormat,
  type IniOptions,
  type XmlOptions,
  type YamlOptions,
} from './formats'
import { createFileHelper, type Checked, type Codec } from './helper'
import type { FieldProblem } from './problems'
import type { FileHelper as FileHelperOf, ToPath, Transformers } from './types'

/** A typed view of one configuration file (see the factories on the `FileHelper` object). */
export interface FileHelper<A> extends FileHelperOf<A> {}

/**
 * The schema a factory takes. Zod's core type rather than `z.ZodType`: every schema fits
 * either, but checking a call against the core type costs the compiler about 4× fewer
 * type instantiations (issue 10).
 */
type Validator<_T, U> = z.core.$ZodType<U>

const identity = (value: unknown): unknown => value

/** A schema check that also reports values a `.catch()` replaced (see `guardCatches`). */
function schemaCheck<A>(shape: z.ZodType<A>): (value: unknown) => Checked<A> {
  const guard = guardCatches(shape)
  return (value) => {
    const result = guard.parse(value)
    if (!result.success)
      return {
        ok: false,
        problems: result.error.issues.map((issue) => ({
          path: issue.path,
          message: issue.message,
        })),
      }
    return { ok: true, data: result.data, replaced: result.replaced }
  }
}

/** A format plus a schema (deep-loosened, so undeclared keys survive) and optional transformers. */
function structured<A>(
  path: ToPath,
  format: FileFormat<unknown>,
  shape: z.core.$ZodType<A>,
  transformers: Transformers<never, unknown, never> | undefined,
): FileHelper<A> {
  const t = transformers as Transformers<unknown, unknown, A> | undefined
  const codec: Codec<A> = {
    format,
    onRead: t ? (raw) => t.onRead(raw) : identity,
    onWrite: t ? (data) => t.onWrite(data) : identity,
    // Schemas are made with `z` (classic zod): the parameter types name zod's core type
    // only because matching a schema against it costs the type checker far less.
    check: schemaCheck(shape as z.ZodType<A>),
  }
  return createFileHelper(path, codec)
}

/** The factories of {@link FileHelper}, one per file format. */
export interface FileHelperStatic {
  /**
   * A file in a format of your own: `toFile` renders the validated model, `fromFile` parses
   * the text, `validate` checks it (and throws to refuse it).
   */
  raw<A>(
    path: ToPath,
    toFile: (dataIn: A) => string,
    fromFile: (rawData: string) => unknown,
    validate: (data: unknown) => A,
  ): FileHelper<A>
  /** A plain text file, read and written as one string. */
  string(path: ToPath): FileHelper<string>
  string<A extends string>(
    path: ToPath,
    shape: Validator<string, A>,
  ): FileHelper<A>
  string<A extends Transformed, Transformed = string>(
    path: ToPath,
    shape: Validator<Transformed, A>,
    transformers: Transformers<string, Transformed, A>,
  ): FileHelper<A>
  /** A JSON file, written with two-space indentation (or the file's own). */
  json<A>(path: ToPath, shape: Validator<unknown, A>): FileHelper<A>
  json<A extends Transformed, Transformed = unknown>(
    path: ToPath,
    shape: Validator<unknown, A>,
    transformers: Transformers<unknown, Transformed, A>,
  ): FileHelper<A>
  /** A YAML file; comments and layout survive writes. `options` go to both parsing and rendering. */
  yaml<A extends Record<string, unknown>>(
    path: ToPath,
    shape: Validator<Record<string, unknown>, A>,
    options?: YamlOptions,
  ): FileHelper<A>
  yaml<A extends Transformed, Transformed = Record<string, unknown>>(
    path: ToPath,
    shape: Validator<Transformed, A>,
    options: YamlOptions,
    transformers: Transformers<Record<string, unknown>, Transformed, A>,
  ): FileHelper<A>
  /** A TOML file. */
  toml<A extends Record<string, unknown>>(
    path: ToPath,
    shape: Validator<Record<string, unknown>, A>,
  ): FileHelper<A>
  toml<A extends Transformed, Transformed = Record<string, unknown>>(
    path: ToPath,
    shape: Validator<Transformed, A>,
    transformers: Transformers<Record<string, unknown>, Transformed, A>,
  ): FileHelper<A>
  /** An INI file; `options` are the `ini` package's encode and decode options. */
  ini<A extends Record<string, unknown>>(
    path: ToPath,
    shape: Validator<Record<string, unknown>, A>,
    options?: IniOptions,
  ): FileHelper<A>
  ini<A extends Transformed, Transformed = Record<string, unknown>>(
    path: ToPath,
    shape: Validator<Transformed, A>,
    options: IniOptions,
    transformers: Transformers<Record<string, unknown>, Transformed, A>,
  ): FileHelper<A>
  /** A `.env` file: `KEY=VALUE` lines; values are strings, quoted only when they must be. */
  env<A extends Record<string, string>>(
    path: ToPath,
    shape: Validator<Record<string, string>, A>,
  ): FileHelper<A>
  env<A extends Transformed, Transformed = Record<string, string>>(
    path: ToPath,
    shape: Validator<Transformed, A>,
    transformers: Transformers<Record<string, string>, Transformed, A>,
  ): FileHelper<A>
  /** An XML file (fast-xml-parser); `options.parser` and `options.builder` go to it. */
  xml<A extends Record<string, unknown>>(
    path: ToPath,
    shape: Validator<Record<string, unknown>, A>,
    options?: XmlOptions,
  ): FileHelper<A>
  xml<A extends Transformed, Transformed = Record<string, unknown>>(
    path: ToPath,
    shape: Validator<Transformed, A>,
    options: XmlOptions,
    transformers: Transformers<Record<string, unknown>, Transformed, A>,
  ): FileHelper<A>
}

function rawCheck<A>(validate: (data: unknown) => A) {
  return (value: unknown): Checked<A> => {
    try {
      return { ok: true, data: validate(value), replaced: [] }
    } catch (thrown) {
      const problem: FieldProblem = {
        path: [],
        message: thrown instanceof Error ? thrown.message : String(thrown),
      }
      return { ok: false, problems: [problem] }
    }
  }
}

type AnyTransformers = Transformers<never, unknown, never> | undefined

/** Typed access to configuration files of every common format. */
export const FileHelper: FileHelperStatic = {
  raw<A>(
    path: ToPath,
    toFile: (dataIn: A) => string,
    fromFile: (rawData: string) => unknown,
    validate: (data: unknown) => A,
  ): FileHelper<A> {
    const codec: Codec<A> = {
      format: {
        name: 'raw',
        parse: fromFile,
        serialize: (value) => toFile(value as A),
      },
      onRead: identity,
      onWrite: identity,
      check: rawCheck(validate),
    }
    return createFileHelper(path, codec)
  },
  string(
    path: ToPath,
    shape?: z.core.$ZodType,
    transformers?: AnyTransformers,
  ): FileHelper<unknown> {
    const format = stringFormat as FileFormat<unknown>
    return structured(path, format, shape ?? z.string(), transformers)
  },
  json(path: ToPath, shape: z.core.$ZodType, transformers?: AnyTransformers) {
    return structured(path, jsonFormat, shape, transformers)
  },
  yaml(
    path: ToPath,
    shape: z.core.$ZodType,
    options?: YamlOptions,
    transformers?: AnyTransformers,
  ) {
    return structured(path, yamlFormat(options), shape, transformers)
  },
  toml(path: ToPath, shape: z.core.$ZodType, transformers?: AnyTransformers) {
    return structured(
      path,
      tomlFormat as FileFormat<unknown>,
      shape,
      transformers,
    )
  },
  ini(
    path: ToPath,
    shape: z.core.$ZodType,
    options?: IniOptions,
    transformers?: AnyTransformers,
  ) {
    return structured(
      path,
      iniFormat(options) as FileFormat<unknown>,
      shape,
      transformers,
    )
  },
  env(path: ToPath, shape: z.core.$ZodType, transformers?: AnyTransformers) {
    return structured(
      path,
      envFormat as FileFormat<unknown>,
      shape,
      transformers,
    )
  },
  xml(
    path: ToPath,
    shape: z.core.$ZodType,
    options?: XmlOptions,
    transformers?: AnyTransformers,
  ) {
    return structured(
      path,
      xmlFormat(options) as FileFormat<unknown>,
      shape,
      transformers,
    )
  },
} as FileHelperStatic
