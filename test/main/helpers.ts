import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Effects } from '../../lib/effects'
import type { HealthCheckResult } from '../../lib/health'
import { SubContainer } from '../../lib/subcontainer'
import type { SubContainerLazy } from '../../lib/subcontainer'
import type { Lab, TestManifest } from '../subcontainer/helpers'
import { lab, running } from '../subcontainer/helpers'

export type { TestManifest } from '../subcontainer/helpers'

/** A lab plus a scratch folder for pid files and counters. */
export interface MainLab extends Lab {
  /** A path under the lab's scratch folder. */
  file(name: string): string
  /** A lazy subcontainer of image `main` in `effects`. */
  sub(effects: Effects, name?: string): SubContainerLazy<TestManifest>
  /** `set-health` calls for `id`, in order. */
  health(id: string): HealthCheckResult[]
}

export async function mainLab(): Promise<MainLab> {
  const base = await lab()
  return {
    ...base,
    file: (name) => join(base.root, name),
    sub: (effects, name = 'daemon') =>
      SubContainer.of<TestManifest>(effects, { imageId: 'main' }, null, name),
    health: (id) =>
      base.sim
        .calls('set-health')
        .filter((c) => (c.params as { id: string }).id === id)
        .map((c) => {
          const p = c.params as HealthCheckResult
          return { result: p.result, message: p.message }
        }),
  }
}

/** The lines of a file (none if it does not exist). */
export function linesOf(path: string): string[] {
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8').trim().split('\n').filter(Boolean)
}

/** Polls `check` every 10 ms up to `ms`; fails naming `what`. */
export async function eventually(
  check: () => boolean,
  what: string,
  ms = 5_000,
): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Waits `ms`. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((r) => setTimeout(r, ms))

/** Whether every pid is gone. */
export const allGone = (pids: number[]): boolean =>
  pids.every((p) => !running(p))

/** An always-successful readiness check, hidden from the UI. */
export const alwaysReady = {
  display: null,
  fn: (): HealthCheckResult => ({ result: 'success', message: null }),
}

/** A shell line that appends `<label> <epoch ms> <pid>` to `file`. */
export const logStart = (file: string, label: string): string =>
  `echo "${label} $(date +%s%3N) $$" >> ${JSON.stringify(file)}`
