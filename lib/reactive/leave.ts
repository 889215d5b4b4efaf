import type { Effects } from '../effects'

const scopes = new WeakMap<Effects, Set<() => void>>()

/**
 * Runs `fn` when the context of `effects` leaves, and returns a function that takes it back.
 * One `onLeaveContext` hook per effects object carries every watch opened on it, so opening
 * and closing many watches in a long-lived context does not pile up hooks.
 */
export function whenContextLeaves(
  effects: Effects,
  fn: () => void,
): () => void {
  let pending = scopes.get(effects)
  if (pending === undefined) {
    const set = new Set<() => void>()
    pending = set
    scopes.set(effects, set)
    effects.onLeaveContext(() => {
      scopes.delete(effects)
      for (const hook of [...set]) hook()
      set.clear()
    })
  }
  const set = pending
  set.add(fn)
  return () => {
    set.delete(fn)
  }
}

/** How many leave hooks are pending on `effects` (for tests of hook growth). */
export function pendingLeaveHooks(effects: Effects): number {
  return scopes.get(effects)?.size ?? 0
}
