import type { HostSimulator, RuntimeHandle } from '../testing'
import { seconds } from './report'

type Checks = Record<
  string,
  { name: string; result: string; message: string | null }
>

/** How long the set of health checks must stay all-successful before it counts. */
const SETTLE_MS = 1_000
/** How long to wait for a first health report before concluding there are none. */
const GRACE_MS = 2_000
const POLL_MS = 200

function describe(id: string, c: Checks[string]): string {
  return `${id} (${c.name}): ${c.result}${c.message === null || c.message === '' ? '' : ` — ${c.message}`}`
}

/**
 * Waits until every health check the package reported is `success` (and stays so for a
 * second), printing each change; resolves with a summary, or rejects naming each check that
 * is not healthy when `timeoutMs` passes or the runtime exits.
 */
export async function waitHealthy(
  sim: HostSimulator,
  runtime: RuntimeHandle,
  timeoutMs: number,
  print: (line: string) => void,
): Promise<string> {
  const started = Date.now()
  const last = new Map<string, string>()
  let allGoodSince: number | undefined
  let exited = false
  void runtime.exited.then(() => (exited = true))
  for (;;) {
    const checks = structuredClone(sim.state().health) as Checks
    for (const [id, c] of Object.entries(checks)) {
      const line = describe(id, c)
      if (last.get(id) !== line) {
        last.set(id, line)
        print(`      ${seconds(Date.now() - started).padStart(7)}  ${line}`)
      }
    }
    const ids = Object.keys(checks)
    const now = Date.now()
    if (ids.length === 0 && now - started >= GRACE_MS) {
      return 'no health checks reported'
    }
    const good =
      ids.length > 0 && ids.every((id) => checks[id]!.result === 'success')
    allGoodSince = good ? (allGoodSince ?? now) : undefined
    if (allGoodSince !== undefined && now - allGoodSince >= SETTLE_MS) {
      return `${ids.length} health check${ids.length === 1 ? '' : 's'} passing: ${ids.join(', ')}`
    }
    if (exited) {
      throw new Error(
        'the runtime process exited while waiting for health checks',
      )
    }
    if (now - started >= timeoutMs) {
      const bad = ids
        .filter((id) => checks[id]!.result !== 'success')
        .map((id) => describe(id, checks[id]!))
      throw new Error(
        `not healthy after ${seconds(timeoutMs)}: ${bad.join('; ')}`,
      )
    }
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
}
