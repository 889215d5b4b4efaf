import type { Effects } from '../effects'
import { deepEqual } from '../util'
import type { ReadStrategies, WatchSource } from './strategies'
import { readStrategies } from './strategies'

/** How a {@link Watchable} narrows what it reports: `map` picks the part, `eq` compares it. */
export interface WatchableOptions<Raw, Mapped> {
  /** Turns each reading into the value returned (default: the reading itself). */
  map?: (value: Raw) => Mapped
  /** Whether two mapped values count as the same, so no change is reported (default: deep equality). */
  eq?: (a: Mapped, b: Mapped) => boolean
}

/** The read strategies of each watchable, kept out of the class so it has no private members. */
const strategies = new WeakMap<object, ReadStrategies<unknown>>()

function strategiesOf<Mapped>(watchable: object): ReadStrategies<Mapped> {
  const found = strategies.get(watchable)
  if (found === undefined) {
    throw new TypeError(
      'Watchable methods must be called on the watchable itself (e.g. `getStatus(effects).const()`), not detached from it',
    )
  }
  return found as ReadStrategies<Mapped>
}

/**
 * A value read from the host, bound to the effects it was created with, with the read
 * strategies every reactive getter shares: `once`, `const`, `watch`, `onChange`, `waitFor`.
 *
 * @example
 * ```ts
 * const status = await getStatus(effects).const() // re-runs the context when it changes
 * ```
 */
export class Watchable<Raw, Mapped = Raw> {
  /** The effects every read goes through; `const()` re-runs their context. */
  readonly effects: Effects
  /** Names the watched value in errors (`GetStatus`, `GetHostInfo(main)`). */
  readonly label: string

  constructor(
    effects: Effects,
    source: WatchSource<Raw>,
    options: WatchableOptions<Raw, Mapped> = {},
  ) {
    this.effects = effects
    this.label = source.label
    const map = options.map ?? ((value: Raw) => value as unknown as Mapped)
    const eq = options.eq ?? deepEqual
    strategies.set(
      this,
      readStrategies(source, map, eq) as ReadStrategies<unknown>,
    )
  }

  /**
   * Returns the value; when it later changes (per `eq`), re-runs the context the effects
   * belong to (`effects.constRetry`). Outside a retriable context, the same as `once()`.
   */
  const(): Promise<Mapped> {
    return strategiesOf<Mapped>(this).const(this.effects)
  }

  /** Returns the value now; later changes are not watched. */
  once(): Promise<Mapped> {
    return strategiesOf<Mapped>(this).once()
  }

  /**
   * Yields the value, then every changed value, until `abort` fires or the context leaves
   * (the iterator then throws an `ABORTED` `SdkError`). A failed read is thrown from it.
   */
  watch(abort?: AbortSignal): AsyncGenerator<Mapped, never, unknown> {
    return strategiesOf<Mapped>(this).watch(this.effects, abort)
  }

  /**
   * Calls `callback` with the value and with every change, until it returns
   * `{ cancel: true }` or the context leaves. A failed read calls it with
   * `(undefined, error)` and watching goes on.
   */
  onChange(
    callback: (
      value: Mapped | undefined,
      error?: Error,
    ) => { cancel: boolean } | Promise<{ cancel: boolean }>,
  ): void {
    strategiesOf<Mapped>(this).onChange(this.effects, (value, error) =>
      error === undefined
        ? callback(value as Mapped)
        : callback(undefined, error),
    )
  }

  /** Resolves with the first value (now or later) for which `pred` holds. */
  waitFor(pred: (value: Mapped) => boolean): Promise<Mapped> {
    return strategiesOf<Mapped>(this).waitFor(this.effects, pred)
  }
}
