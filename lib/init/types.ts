import type { Effects } from '../effects'
import type { ExtendedVersion, VersionRange } from '../exver'
import type { FullProgressTracker } from '../progress'
import type { InitKind } from '../types'

/**
 * An init step as a function: gets the effects, why init runs, and a progress tracker of its
 * own (add phases to it; the harness reports them).
 */
export type InitFn<Kind extends InitKind = InitKind> = (
  effects: Effects,
  kind: Kind,
  progress: FullProgressTracker,
) => Promise<void | null | undefined>

/** An init step as an object with an `init` method (a VersionGraph, `Actions`, …). */
export interface InitScript<Kind extends InitKind = InitKind> {
  /** Runs the step. */
  init(
    effects: Effects,
    kind: Kind,
    progress?: FullProgressTracker,
  ): Promise<void>
}

/** Either form of an init step. */
export type InitScriptOrFn<Kind extends InitKind = InitKind> =
  | InitScript<Kind>
  | InitFn<Kind>

/**
 * An uninit step as a function. `target` is what the data must suit afterwards: the new
 * package's `canMigrateFrom` on an update, `null` on uninstall, the current version on
 * shutdown.
 */
export type UninitFn = (
  effects: Effects,
  target: VersionRange | ExtendedVersion | null,
) => Promise<void | null | undefined>

/** An uninit step as an object with an `uninit` method (a VersionGraph, …). */
export interface UninitScript {
  /** Runs the step; see {@link UninitFn} for `target`. */
  uninit(
    effects: Effects,
    target: VersionRange | ExtendedVersion | null,
  ): Promise<void>
}

/** Either form of an uninit step. */
export type UninitScriptOrFn = UninitScript | UninitFn
