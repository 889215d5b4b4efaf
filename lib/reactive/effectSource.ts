import type { WatchSource } from './strategies'
import { asError } from '../util'

/**
 * Reads one value from the host. With a `callback`, the host calls it once when the value
 * may have changed (the effects' `callback` parameter); without one, nothing is registered.
 */
export type EffectFetch<Raw> = (callback?: () => void) => Promise<Raw>

/** Wait before re-reading after a failed read; doubles up to {@link LAST_RETRY_MS}. */
const FIRST_RETRY_MS = 1000
const LAST_RETRY_MS = 30_000

/**
 * A {@link WatchSource} over an effect that takes a one-shot `callback`: `read()` calls the
 * effect without one; `watch()` calls it with a callback and, each time the host fires that
 * callback, reads again with a fresh callback and emits the new reading.
 *
 * A reading that a newer one has overtaken is dropped, so readings arrive in order. After a
 * failed read the host may hold no callback, so the source reads again after a delay (1 s,
 * doubling up to 30 s). Once `signal` aborts, nothing is read or emitted any more: a
 * callback the host fires later (it cannot be taken back) is ignored, and a pending retry is
 * cancelled.
 */
export function effectSource<Raw>(
  label: string,
  fetch: EffectFetch<Raw>,
): WatchSource<Raw> {
  return {
    label,
    read: () => fetch(),
    watch(signal, emit) {
      let round = 0
      let delay = FIRST_RETRY_MS
      let timer: ReturnType<typeof setTimeout> | undefined
      signal.addEventListener(
        'abort',
        () => {
          if (timer !== undefined) clearTimeout(timer)
          timer = undefined
        },
        { once: true },
      )
      const retryLater = (): void => {
        timer = setTimeout(() => {
          timer = undefined
          next()
        }, delay)
        delay = Math.min(delay * 2, LAST_RETRY_MS)
      }
      const next = (): void => {
        if (signal.aborted) return
        const mine = ++round
        let armed = true
        const changed = (): void => {
          if (!armed || signal.aborted) return
          armed = false
          next()
        }
        let pending: Promise<Raw>
        try {
          pending = fetch(changed)
        } catch (thrown) {
          pending = Promise.reject(thrown)
        }
        pending.then(
          (value) => {
            if (mine !== round || signal.aborted) return
            delay = FIRST_RETRY_MS
            emit({ ok: true, value })
          },
          (thrown: unknown) => {
            if (mine !== round || signal.aborted) return
            armed = false
            emit({ ok: false, error: asError(thrown) })
            if (!signal.aborted) retryLater()
          },
        )
      }
      next()
    },
  }
}
