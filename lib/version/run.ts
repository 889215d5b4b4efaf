import type { Effects } from '../effects'
import { SdkError } from '../errors'
import { FullProgressTracker } from '../progress'
import { setDataVersion } from './dataVersion'
import type { Edge, Graph } from './graph'
import { vertexValue } from './graph'
import type { VersionLike } from './path'
import type { MigrationStep } from './types'

/** The migration edges of a path as public steps (widening edges run nothing and are left out). */
export function stepsOf(graph: Graph, path: readonly Edge[]): MigrationStep[] {
  return path
    .filter((e) => e.direction !== null)
    .map((e) => ({
      from: vertexValue(graph.vertices[e.from]!),
      to: vertexValue(graph.vertices[e.to]!),
      direction: e.direction as 'up' | 'down',
      migration: e.label,
    }))
}

/**
 * Runs the migration edges of `path` in order, each with a nested phase of `progress`, and
 * stores the data version reached after each one succeeds. Returns the version reached.
 */
export async function runPath(options: {
  graph: Graph
  path: readonly Edge[]
  effects: Effects
  from: VersionLike
  progress: FullProgressTracker | undefined
}): Promise<VersionLike> {
  const { graph, effects } = options
  const edges = options.path.filter((e) => e.direction !== null)
  const steps = stepsOf(graph, edges)
  const tracker = options.progress ?? new FullProgressTracker()
  const phases = steps.map((s) =>
    tracker.addNestedPhase(`Migrating data from ${s.from} to ${s.to}`),
  )
  let reached = options.from
  for (let i = 0; i < edges.length; i++) {
    const step = steps[i]!
    const run = edges[i]!.run
    try {
      if (run !== undefined) await run({ effects, progress: phases[i]! })
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause)
      throw new SdkError(
        'MIGRATION_FAILED',
        `Migration step ${i + 1} of ${edges.length} (${step.migration}, from ${step.from} to ${step.to}) failed: ${reason}. The data version stays ${reached}; fix the migration and start the service again`,
        {
          cause,
          details: {
            step: i + 1,
            from: step.from.toString(),
            to: step.to.toString(),
            dataVersion: reached.toString(),
          },
        },
      )
    }
    phases[i]!.complete()
    reached = step.to
    await setDataVersion(effects, reached)
  }
  return reached
}
