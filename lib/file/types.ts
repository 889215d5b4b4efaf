import type { Effects } from '../effects'
import type { AllowReadonly, DeepPartial } from '../types'

/** Anything that turns a relative path into an absolute one, such as a volume. */
export interface PathBase {
  subpath(path: string): string
}

/** Where a file lives: an absolute path, or a path inside a {@link PathBase}. */
export type ToPath = string | { base: PathBase; subpath: string }

/**
 * Converts between what a file format parses to (`Raw`) and the model the schema checks
 * (`Transformed`). `onRead` runs after parsing, `onWrite` before serializing.
 */
export type Transformers<
  Raw = unknown,
  Transformed = unknown,
  Validated extends Transformed = Transformed,
> = {
  /** Turns what the file format parsed into the model the schema checks. */
  onRead: (value: Raw) => Transformed
  /** Turns the validated model back into what the file format writes. */
  onWrite: (value: Validated) => Raw
}

/**
 * The read strategies of a file. A missing file reads as `null` (and the mapper is not
 * called); so does a file whose parsed value is falsy, such as an empty text file.
 */
export type ReadType<A> = {
  /** Reads the file now. */
  once: () => Promise<A | null>
  /** Reads the file and re-runs the context of `effects` (via `constRetry`) when the value changes. */
  const: (effects: Effects) => Promise<A | null>
  /** Yields the value now and after every change, until `abort` or the context leaves. */
  watch: (
    effects: Effects,
    abort?: AbortSignal,
  ) => AsyncGenerator<A | null, never, unknown>
  /** Calls `callback` now and after every change, until it returns `{ cancel: true }` or the context leaves. */
  onChange: (
    effects: Effects,
    callback: (
      value: A | null,
      error?: Error,
    ) => { cancel: boolean } | Promise<{ cancel: boolean }>,
  ) => void
  /** Resolves with the first value (now or later) that satisfies `pred`. */
  waitFor: (
    effects: Effects,
    pred: (value: A | null) => boolean,
  ) => Promise<A | null>
}

/** What to do when the file on disk cannot be parsed, or holds values its schema refuses. */
export type OnInvalid = 'throw' | 'backup-and-reset'

/** Options of {@link FileHelper.write} and {@link FileHelper.merge}. */
export interface WriteOptions {
  /**
   * Skip the write-after-const check: by default, a context that `const()`-read this file and
   * then writes a different value gets a `WRITE_AFTER_CONST` error after the write.
   */
  allowWriteAfterConst?: boolean
  /**
   * `merge` only. `'throw'` (default): an unparseable file, or one whose values a `.catch()`
   * would replace, is an error and nothing is written. `'backup-and-reset'`: the current file
   * is copied to `<path>.bak`, then an unparseable file is treated as empty and refused values
   * take their `.catch()` defaults.
   */
  onInvalid?: OnInvalid
}

/**
 * A typed view of one configuration file. Every write is atomic (temporary file, fsync,
 * rename, directory fsync), keeps the file's mode and owner, and is skipped when the file
 * would not change.
 */
export interface FileHelper<A> {
  /** The file's absolute path. */
  readonly path: string
  /** Renders a model as the file's text (as a new file, ignoring what is on disk). */
  readonly writeData: (dataIn: A) => string
  /** Parses the file's text into the unvalidated model; bad syntax throws `FILE_PARSE`. */
  readonly readData: (stringValue: string) => unknown
  /** Checks a model against the schema; a mismatch throws `FILE_VALIDATION` naming each field. */
  readonly validate: (value: unknown) => A
  /** The read strategies for the whole model. */
  read(): ReadType<A>
  /** The read strategies for `map(model)`; `eq` (default: structural) decides what counts as a change. */
  read<B>(
    map: (value: A) => B,
    eq?: (left: B | null, right: B | null) => boolean,
  ): ReadType<B>
  /**
   * Replaces the whole file with `data`, after validating it. Keys in `data` that the schema
   * does not declare are written as given; keys on disk but not in `data` are gone afterwards
   * (use `merge` to keep them). `undefined` values are left out. Comments and layout of the
   * current file are kept where the format allows (YAML, `.env`, JSON indentation).
   */
  write(
    effects: Effects,
    data: AllowReadonly<A> | A,
    options?: WriteOptions,
  ): Promise<null>
  /**
   * Updates part of the file: `data` is merged into what the file holds, then the result is
   * validated (filling schema defaults) and written only if the file's content changes.
   * Plain objects merge key by key at every depth; keys not mentioned in `data` stay exactly
   * as they are, including keys the schema does not declare. Arrays and scalars in `data`
   * replace the stored value whole (arrays are not merged element-wise). A key set to
   * `undefined` is deleted. `merge(effects, {})` writes the schema's defaults for missing
   * keys. A file that does not parse, or whose present values a `.catch()` would replace,
   * raises an error and is not written (see {@link WriteOptions.onInvalid}).
   */
  merge(
    effects: Effects,
    data: AllowReadonly<DeepPartial<A>>,
    options?: WriteOptions,
  ): Promise<null>
  /** The same format and schema for another file. */
  withPath(path: ToPath): FileHelper<A>
}
