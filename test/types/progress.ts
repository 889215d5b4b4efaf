/*
 * Compile-only tests of the progress tracker: every public method has the reference's
 * signature, the wire types it reports are `lib/types`' own, and misuse does not compile.
 */
import type { utils as RefUtils } from 'start-sdk-reference'
import type {
  FullProgressTracker,
  LeafProgress,
  PhaseHandle,
  ProgressSink,
} from '../../lib/progress'
import { leafProgress } from '../../lib/progress'
import type { FullProgress, Progress } from '../../lib/types'
import type { Equal, Expect } from './helpers'

type RefTracker = RefUtils.FullProgressTracker
type RefPhase = RefUtils.PhaseHandle

type TrackerMethod =
  | 'addPhase'
  | 'addNestedPhase'
  | 'getPhase'
  | 'complete'
  | 'sync'
  | 'snapshot'
type PhaseMethod =
  | 'start'
  | 'setDone'
  | 'setTotal'
  | 'addTotal'
  | 'setUnits'
  | 'complete'
  | 'setRaw'
  | 'snapshot'

type Sig<F> = F extends (...args: infer A) => infer R ? [A, R] : never
type Norm<T> = T extends RefTracker
  ? 'tracker'
  : T extends RefPhase
    ? 'phase'
    : T
type OurNorm<T> = T extends FullProgressTracker
  ? 'tracker'
  : T extends PhaseHandle
    ? 'phase'
    : T

// parameters are identical; results match once the two class types are named alike
type TrackerSigsMatch = {
  [K in TrackerMethod]: Equal<
    Parameters<FullProgressTracker[K]>,
    Parameters<RefTracker[K]>
  >
}
type _t = Expect<Equal<TrackerSigsMatch[TrackerMethod], true>>
type _tr = Expect<
  Equal<
    { [K in TrackerMethod]: OurNorm<ReturnType<FullProgressTracker[K]>> },
    { [K in TrackerMethod]: Norm<ReturnType<RefTracker[K]>> }
  >
>
type _p = Expect<
  Equal<
    { [K in PhaseMethod]: Sig<PhaseHandle[K]> },
    { [K in PhaseMethod]: Sig<RefPhase[K]> }
  >
>

// the wire types
type _snap = Expect<
  Equal<ReturnType<FullProgressTracker['snapshot']>, FullProgress>
>
type _phaseSnap = Expect<Equal<ReturnType<PhaseHandle['snapshot']>, Progress>>
type _leaf = Expect<Equal<LeafProgress, Exclude<Progress, FullProgress>>>
type _leafRef = Expect<Equal<LeafProgress, RefUtils.LeafProgress>>
type _leafFn = Expect<Equal<typeof leafProgress, (p: Progress) => LeafProgress>>
type _sink = Expect<
  Equal<ProgressSink, (progress: Progress) => Promise<unknown>>
>
type _ctor = Expect<
  Equal<
    ConstructorParameters<typeof FullProgressTracker>,
    [pushEffect?: ProgressSink | undefined]
  >
>

declare const tracker: FullProgressTracker
declare const phase: PhaseHandle
// @ts-expect-error units are 'bytes', 'steps' or null
phase.setUnits('kilobytes')
// @ts-expect-error a count is a number
phase.setDone('5')
// @ts-expect-error a weight is a number or null
tracker.addPhase('dump', '3')
// @ts-expect-error a phase needs a name
tracker.addNestedPhase()
// @ts-expect-error setRaw takes a wire Progress
phase.setRaw({ done: 1 })
