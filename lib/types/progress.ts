/** Units in which a progress amount is counted. */
export type ProgressUnits = 'bytes' | 'steps'

/** One progress value: not started (`null`), done or not (`boolean`), a counted amount, or a phased tree. */
export type Progress =
  | null
  | boolean
  | { done: number; total: number | null; units: ProgressUnits | null }
  | FullProgress

/** Progress of a named phase within a {@link FullProgress}. */
export type NamedProgress = {
  name: string
  progress: Progress
}

/** Overall progress together with the progress of each phase. */
export type FullProgress = {
  overall: Progress
  phases: Array<NamedProgress>
}
