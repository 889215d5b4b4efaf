import { ExtendedVersion, VersionRange } from '../../lib/exver'
import type { MigrationOpts } from '../../lib/version'

/** Parses a version literal. */
export const v = (text: string): ExtendedVersion => ExtendedVersion.parse(text)

/** Parses a range literal. */
export const r = (text: string): VersionRange => VersionRange.parse(text)

/** Records the migrations that ran, by name, in order. */
export interface RunLog {
  readonly ran: string[]
  /** A migration that records `name` (and fails when `fail` says so). */
  step(
    name: string,
    fail?: () => boolean,
  ): (opts: MigrationOpts) => Promise<void>
}

export function runLog(): RunLog {
  const ran: string[] = []
  return {
    ran,
    step: (name, fail) => async (opts) => {
      const phase = opts.progress.addPhase('work')
      phase.start()
      if (fail?.() === true) throw new Error(`${name} broke`)
      ran.push(name)
      phase.complete()
    },
  }
}

/** The plan as `from>to:direction` strings, easy to compare. */
export function describePlan(
  steps: ReadonlyArray<{ from: unknown; to: unknown; direction: string }>,
): string[] {
  return steps.map((s) => `${s.from}>${s.to}:${s.direction}`)
}
