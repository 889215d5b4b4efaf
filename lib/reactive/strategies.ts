import { SdkError } from '../errors'
import type { Effects } from '../effects'
import { Channel, type Outcome } from './channel'
import { whenContextLeaves } from './leave'
import { reportUnhandled } from '../util'
import { AbortedError, asError } from '../util'

/**
 * Something that can be read and watched: a file, or a value the host can report changes of.
 */
export interface WatchSource<Raw> {
  /** Names the source in errors and logs (`FileHelper(/path)`). */
  readonly label: string
  /** Reads the current value once. */
  read(): Promise<Raw>
  /**
   * Starts watching: `emit` gets the current reading first, then a reading after each
   * possible change (unchanged readings are fine, they are dropped downstream), until
   * `signal` aborts. Must release everything it holds when `signal` aborts.
   */
  watch(signal: AbortSignal, emit: (outcome: Outcome<Raw>) => void): void
}

/** The ways to read a {@link WatchSource}, as `FileHelper.read()` returns them. */
export interface ReadStrategies<A> {
  /** Reads the value now. Nothing is watched. */
  once: () => Promise<A>
  /**
   * Reads the value and, while the context of `effects` is live, watches it: the first time
   * the value changes (or stops being readable), `effects.constRetry()` re-runs the context.
   * Never fires after the context has left. Without `constRetry`, the same as `once`.
   */
  const: (effects: Effects) => Promise<A>
  /**
   * Yields the current value, then every changed value. Ends (throwing an `ABORTED`
   * `SdkError`) when `abort` fires or the context of `effects` leaves; a read error is thrown
   * from the iterator. Breaking out of the loop stops the watch.
   */
  watch: (
    effects: Effects,
    abort?: AbortSignal,
  ) => AsyncGenerator<A, never, unknown>
  /**
   * Calls `callback` with the current value and with every change until it returns
   * `{ cancel: true }` or the context leaves. A read error calls it with `(null, error)` and
   * watching goes on; an error the callback throws is logged, and watching goes on.
   */
  onChange: (
    effects: Effects,
    callback: (
      value: A | null,
      error?: Error,
    ) => { cancel: boolean } | Promise<{ cancel: boolean }>,
  ) => void
  /**
   * Resolves with the first value (current or later) for which `pred` holds. Rejects on a
   * read error, or with an `ABORTED` `SdkError` when the context leaves first.
   */
  waitFor: (effects: Effects, pred: (value: A) => boolean) => Promise<A>
}

/** Hooks a source's owner can attach to `const()` reads. */
export interface ConstHooks<A> {
  /** Called once `const()` has its value and starts watching; the returned function runs when it stops. */
  onConst?: (effects: Effects, value: A) => () => void
}

function aborted(label: string): SdkError {
  return new AbortedError(
    `${label}: stopped watching (the context left or the watch was aborted)`,
  )
}

/** A reader's end of one watch. */
interface Subscription<A> {
  /** The next changed reading, or `null` once the watch has ended. */
  take(): Promise<Outcome<A> | null>
  /** Stops the watch; safe to call more than once. */
  close(): void
}

/**
 * Opens one watch scoped to `effects` (and `abort`): mapped, de-duplicated readings until the
 * context leaves. When the effects are not in a context, the current reading is delivered and
 * the watch ends, so nothing outlives its owner.
 */
function open<Raw, A>(
  source: WatchSource<Raw>,
  map: (raw: Raw) => A,
  eq: (left: A, right: A) => boolean,
  effects: Effects,
  abort: AbortSignal | undefined,
): Subscription<A> {
  const channel = new Channel<A>(eq)
  const scope = new AbortController()
  const live = effects.isInContext
  let forget = (): void => {}
  const close = (): void => {
    if (scope.signal.aborted) return
    abort?.removeEventListener('abort', close)
    forget()
    scope.abort()
    channel.close()
  }
  const subscription = { take: () => channel.take(), close }
  if (abort?.aborted) {
    close()
    return subscription
  }
  abort?.addEventListener('abort', close, { once: true })
  if (live) forget = whenContextLeaves(effects, close)
  source.watch(scope.signal, (outcome) => {
    channel.push(outcome.ok ? mapOutcome(map, outcome.value) : outcome)
    if (!live) close()
  })
  return subscription
}

function mapOutcome<Raw, A>(map: (raw: Raw) => A, raw: Raw): Outcome<A> {
  try {
    return { ok: true, value: map(raw) }
  } catch (thrown) {
    return { ok: false, error: asError(thrown) }
  }
}

/**
 * Builds the read strategies of one source: `map` turns the source's value into what the
 * reader wants, and `eq` decides which mapped values count as a change.
 */
export function readStrategies<Raw, A>(
  source: WatchSource<Raw>,
  map: (raw: Raw) => A,
  eq: (left: A, right: A) => boolean,
  hooks: ConstHooks<A> = {},
): ReadStrategies<A> {
  const once = async (): Promise<A> => map(await source.read())
  return {
    once,
    async const(effects) {
      const retry = effects.constRetry
      if (retry === undefined || !effects.isInContext) return once()
      const channel = open(source, map, eq, effects, undefined)
      const first = await channel.take()
      if (first === null) throw aborted(source.label)
      if (!first.ok) {
        channel.close()
        throw first.error
      }
      const release = hooks.onConst?.(effects, first.value)
      void channel.take().then((next) => {
        channel.close()
        release?.()
        if (next !== null && effects.isInContext) retry()
      })
      return first.value
    },
    watch(effects, abort) {
      return (async function* watch(): AsyncGenerator<A, never, unknown> {
        const channel = open(source, map, eq, effects, abort)
        try {
          for (;;) {
            const next = await channel.take()
            if (next === null) throw aborted(source.label)
            if (!next.ok) throw next.error
            yield next.value
          }
        } finally {
          channel.close()
        }
      })()
    },
    onChange(effects, callback) {
      const channel = open(source, map, eq, effects, undefined)
      const where = `${source.label} onChange callback`
      void (async () => {
        for (;;) {
          const next = await channel.take()
          if (next === null) return
          try {
            const result = next.ok
              ? await callback(next.value)
              : await callback(null, next.error)
            if (result?.cancel) return channel.close()
          } catch (thrown) {
            reportUnhandled(where, thrown)
          }
        }
      })()
    },
    async waitFor(effects, pred) {
      const channel = open(source, map, eq, effects, undefined)
      try {
        for (;;) {
          const next = await channel.take()
          if (next === null) throw aborted(source.label)
          if (!next.ok) throw next.error
          if (pred(next.value)) return next.value
        }
      } finally {
        channel.close()
      }
    },
  }
}
