import type { EffectParams } from '../effects'

/**
 * The wire `Progress` value (as `lib/types` declares it), reached through the progress
 * effects because `progress` sits beside `types`, not above it.
 */
export type Progress = EffectParams<'setInitProgress'>['progress']

/** The phased tree variant of {@link Progress}: an overall value and named phases. */
export type FullProgress = Extract<Progress, { overall: unknown }>

/** The counted variant of {@link Progress}: `done` out of `total` (`null` = unknown). */
export type CountedProgress = Extract<Progress, { done: number }>

/** Units in which a counted progress amount is measured. */
export type ProgressUnits = CountedProgress['units']

/** Scalar `Progress`: every variant except a nested `FullProgress`. */
export type LeafProgress = Exclude<Progress, FullProgress>

/** Whether `p` is a phased tree (`FullProgress`). */
export function isFullProgress(p: Progress): p is FullProgress {
  return typeof p === 'object' && p !== null && 'overall' in p
}

/** Follows `overall` through any nested trees down to a scalar progress value. */
export function leafProgress(p: Progress): LeafProgress {
  let current = p
  while (isFullProgress(current)) current = current.overall
  return current
}

/**
 * How far along `p` is, from 0 to 1. Not started and started-but-uncounted are 0, done is 1,
 * a count with an unknown or zero total is 0, a count is capped at 1; a tree counts its overall.
 */
export function progressRatio(p: Progress): number {
  const leaf = leafProgress(p)
  if (leaf === true) return 1
  if (leaf === null || leaf === false) return 0
  if (leaf.total === null || leaf.total <= 0) return 0
  return Math.min(1, Math.max(0, leaf.done / leaf.total))
}
