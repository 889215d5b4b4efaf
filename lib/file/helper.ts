import type { Effects } from '../effects'
import { SdkError } from '../errors'
import { readStrategies, type Outcome, type WatchSource } from '../reactive'
import { deepEqual } from '../util'
import { readFileIfExists, writeFileAtomic } from './atomicWrite'
import type { FileFormat } from './formats'
import { deepMerge, dropUndefined } from './merge'
import {
  parseError,
  replacedError,
  validationError,
  type FieldProblem,
} from './problems'
import type { FileHelper, ReadType, ToPath, WriteOptions } from './types'
import { watchFileText, type FileText } from './watcher'

/** The result of checking a value against a file's schema. */
export type Checked<A> =
  | { ok: true; data: A; replaced: readonly FieldProblem[] }
  | { ok: false; problems: readonly FieldProblem[] }

/** Everything a helper knows about its file besides the path. */
export interface Codec<A> {
  readonly format: FileFormat<unknown>
  /** Turns the parsed text into the model (the factories' `transformers.onRead`). */
  readonly onRead: (raw: unknown) => unknown
  /** Turns a validated model into what the format writes (`transformers.onWrite`). */
  readonly onWrite: (data: A) => unknown
  readonly check: (value: unknown) => Checked<A>
  /** Flush writes to disk before they return (default `true`; benchmarks turn it off). */
  readonly fsync?: boolean
}

interface ConstRecord {
  readonly retry: () => void
  readonly value: unknown
  readonly map: (value: unknown) => unknown
  readonly eq: (left: unknown, right: unknown) => boolean
}

/** Resolves a {@link ToPath} to the path the helper reads and writes. */
export function toPath(path: ToPath): string {
  return typeof path === 'string' ? path : path.base.subpath(path.subpath)
}

class FileHelperImpl<A> implements FileHelper<A> {
  private consts: ConstRecord[] = []
  readonly writeData: (dataIn: A) => string
  readonly readData: (text: string) => unknown
  readonly validate: (value: unknown) => A

  constructor(
    readonly path: string,
    private readonly codec: Codec<A>,
  ) {
    this.writeData = (data) =>
      codec.format.serialize(dropUndefined(codec.onWrite(data)), null)
    this.readData = (text) => codec.onRead(this.parse(text))
    this.validate = (value) => {
      const checked = codec.check(value)
      if (!checked.ok) throw this.invalid(checked.problems)
      return checked.data
    }
  }

  /** Internal: the codec, for {@link unflushed}. */
  codecOf(): Codec<A> {
    return this.codec
  }

  private get formatName(): string {
    return this.codec.format.name
  }

  private invalid(problems: readonly FieldProblem[]): SdkError {
    return validationError(this.path, this.formatName, problems)
  }

  private parse(text: string): unknown {
    try {
      return this.codec.format.parse(text)
    } catch (thrown) {
      throw parseError(this.path, this.formatName, thrown)
    }
  }

  /** The model a file's text holds: `null` for a missing file or a falsy value. */
  private load(text: FileText): A | null {
    if (text === null) return null
    const model = this.readData(text)
    if (!model) return null
    return this.validate(model)
  }

  private source(): WatchSource<A | null> {
    return {
      label: `FileHelper(${this.path})`,
      read: async () => this.load(await readFileIfExists(this.path)),
      watch: (signal, emit) =>
        watchFileText(this.path, signal, (outcome) =>
          emit(outcome.ok ? this.attempt(outcome.value) : outcome),
        ),
    }
  }

  private attempt(text: FileText): Outcome<A | null> {
    try {
      return { ok: true, value: this.load(text) }
    } catch (thrown) {
      return { ok: false, error: thrown as Error }
    }
  }

  read(): ReadType<A>
  read<B>(
    map: (value: A) => B,
    eq?: (left: B | null, right: B | null) => boolean,
  ): ReadType<B>
  read<B>(
    map?: (value: A) => B,
    eq: (left: B | null, right: B | null) => boolean = deepEqual,
  ): ReadType<B> {
    const project = map ?? ((value: A) => value as unknown as B)
    const mapNull = (value: A | null): B | null =>
      value === null ? null : project(value)
    return readStrategies(this.source(), mapNull, eq, {
      onConst: (effects, value) => this.trackConst(effects, value, mapNull, eq),
    })
  }

  private trackConst<B>(
    effects: Effects,
    value: B | null,
    map: (value: A | null) => B | null,
    eq: (left: B | null, right: B | null) => boolean,
  ): () => void {
    const retry = effects.constRetry
    if (retry === undefined) return () => {}
    const record = { retry, value, map, eq } as ConstRecord
    this.consts.push(record)
    return () => {
      this.consts = this.consts.filter((r) => r !== record)
    }
  }

  /** After a write: a context that `const()`-read this file may not change what it read. */
  private checkConsts(effects: Effects, data: A, options: WriteOptions): void {
    const retry = effects.constRetry
    if (options.allowWriteAfterConst || retry === undefined) return
    for (const record of this.consts) {
      if (record.retry !== retry) continue
      if (!record.eq(record.value, record.map(data)))
        throw new SdkError(
          'WRITE_AFTER_CONST',
          `Canceled: write after const: ${this.path}`,
          { details: { path: this.path } },
        )
    }
  }

  private async store(text: string, previous: FileText): Promise<void> {
    if (text === previous) return
    await writeFileAtomic(this.path, text, {
      fsync: this.codec.fsync ?? true,
      knownChanged: previous !== null,
    })
  }

  async write(
    effects: Effects,
    data: unknown,
    options: WriteOptions = {},
  ): Promise<null> {
    const checked = this.codec.check(data)
    if (!checked.ok) throw this.invalid(checked.problems)
    const raw = dropUndefined(this.codec.onWrite(checked.data))
    const previous = await readFileIfExists(this.path)
    const format = this.codec.format
    const base =
      previous !== null && (format.keeps?.(previous) ?? true) ? previous : null
    await this.store(format.serialize(raw, base), previous)
    this.checkConsts(effects, checked.data, options)
    return null
  }

  async merge(
    effects: Effects,
    data: unknown,
    options: WriteOptions = {},
  ): Promise<null> {
    const reset = options.onInvalid === 'backup-and-reset'
    const previous = await readFileIfExists(this.path)
    let parsed: unknown = null
    let needsBackup = false
    if (previous !== null) {
      try {
        parsed = this.parse(previous)
      } catch (thrown) {
        if (!reset) throw thrown
        needsBackup = true
      }
    }
    const model = parsed === null ? undefined : this.codec.onRead(parsed)
    const checked = this.codec.check(deepMerge(model, data))
    if (!checked.ok) throw this.invalid(checked.problems)
    if (checked.replaced.length > 0) {
      if (!reset)
        throw replacedError(this.path, this.formatName, checked.replaced)
      needsBackup = true
    }
    const raw = dropUndefined(this.codec.onWrite(checked.data))
    if (previous !== null && !needsBackup && deepEqual(raw, parsed)) return null
    const text = this.codec.format.serialize(raw, previous)
    if (text === previous) return null
    if (needsBackup && previous !== null)
      await writeFileAtomic(`${this.path}.bak`, previous, {
        fsync: this.codec.fsync ?? true,
      })
    await this.store(text, previous)
    this.checkConsts(effects, checked.data, options)
    return null
  }

  withPath(path: ToPath): FileHelper<A> {
    return new FileHelperImpl(toPath(path), this.codec)
  }
}

/**
 * The same helper with writes that skip the flushes (still atomic against crashes of the
 * process, not of the machine). For benchmarks and tests that measure what flushing costs.
 */
export function unflushed<A>(helper: FileHelper<A>): FileHelper<A> {
  if (!(helper instanceof FileHelperImpl))
    throw new TypeError('unflushed() takes a helper built by FileHelper')
  const impl = helper as FileHelperImpl<A>
  return new FileHelperImpl(impl.path, { ...impl.codecOf(), fsync: false })
}

/** Builds a helper for the file at `path` with the given codec. */
export function createFileHelper<A>(
  path: ToPath,
  codec: Codec<A>,
): FileHelper<A> {
  return new FileHelperImpl(toPath(path), codec)
}
