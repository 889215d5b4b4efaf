import type { RecordedCall } from '../testing'
import type { Manifest } from '../types'
import type { IdLiteral, SourceScan } from './literals'
import type { Findings } from './report'
import { openSession, within } from './session'

/** What the runtime part of `check` looked at. */
export interface RuntimeCheckCounts {
  interfaces: number
  actions: number
}

const INIT_TIMEOUT_MS = 60_000

function where(
  ids: readonly IdLiteral[],
  id: string,
): { file?: string; line?: number; column?: number } {
  const at = ids.find((i) => i.id === id)
  return at === undefined
    ? { file: 'startos/index.ts' }
    : { file: at.file, line: at.line, column: at.column }
}

function ids(calls: readonly RecordedCall[]): string[] {
  return calls.map((c) => String((c.params as { id?: unknown }).id))
}

function duplicates(list: readonly string[]): string[] {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const id of list) (seen.has(id) ? dup : seen).add(id)
  return [...dup]
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Runs the package's `init` (kind `install`) against a simulator and checks what it
 * published: interface ids unique, each interface on a bound port, action ids unique, and
 * each action's input form built by `getInput`.
 */
export async function checkRuntime(
  findings: Findings,
  manifest: Manifest,
  entry: string,
  scan: SourceScan,
): Promise<RuntimeCheckCounts> {
  const counts = { interfaces: 0, actions: 0 }
  const session = await openSession(manifest, entry)
  try {
    const runtime = await session.boot()
    try {
      await within(
        runtime.driver.init('install'),
        INIT_TIMEOUT_MS,
        `init did not finish within ${INIT_TIMEOUT_MS / 1000} s`,
      )
    } catch (error) {
      findings.add({
        severity: 'error',
        area: 'init',
        file: 'startos/index.ts',
        message: `init (kind install) failed: ${message(error)}`,
        fix: 'fix the init step the message names; `start-sdk run` shows the runtime log',
      })
    }
    const sim = session.sim
    const exported = ids(sim.calls('export-service-interface'))
    counts.interfaces = new Set(exported).size
    for (const id of duplicates(exported)) {
      findings.add({
        ...where(scan.interfaceIds, id),
        severity: 'error',
        area: 'interfaces',
        message: `the interface id \`${id}\` is exported more than once; the later export replaces the earlier one`,
        fix: `give each createInterface(...) its own \`id\` (rename one \`${id}\`)`,
      })
    }
    const state = sim.state()
    for (const [id, iface] of state.interfaces) {
      const { hostId, internalPort } = iface.addressInfo
      if (state.hosts.get(hostId)?.bindings.has(internalPort) === true) continue
      findings.add({
        ...where(scan.interfaceIds, id),
        severity: 'error',
        area: 'interfaces',
        message: `the interface \`${id}\` points at port ${internalPort} of host \`${hostId}\`, which nothing bound`,
        fix: `export it from the Origin that \`new MultiHost({ id: '${hostId}' }).bindPort(${internalPort}, …)\` returns`,
      })
    }
    const actionIds = ids(sim.calls('action.export'))
    counts.actions = new Set(actionIds).size
    for (const id of duplicates(actionIds)) {
      findings.add({
        ...where(scan.actionIds, id),
        severity: 'error',
        area: 'actions',
        message: `the action id \`${id}\` is published more than once`,
        fix: `give each Action its own id (rename one \`${id}\`)`,
      })
    }
    for (const [id, meta] of state.actions) {
      if (!meta.hasInput) continue
      try {
        const form = (await within(
          runtime.driver.execute(`/actions/${id}/getInput`, { prefill: null }),
          INIT_TIMEOUT_MS,
          'getInput did not answer',
        )) as { spec?: unknown } | null
        if (
          form === null ||
          typeof form.spec !== 'object' ||
          form.spec === null
        )
          throw new Error('getInput returned no input spec')
      } catch (error) {
        findings.add({
          ...where(scan.actionIds, id),
          severity: 'error',
          area: 'actions',
          message: `the input form of action \`${id}\` does not build: ${message(error)}`,
          fix: `fix the InputSpec of \`${id}\` (a dynamic field's function throws, or a default is invalid)`,
        })
      }
    }
    return counts
  } finally {
    await session.close()
  }
}
