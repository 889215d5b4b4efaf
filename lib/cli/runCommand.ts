import { scanSources } from './literals'
import { loadPackage } from './loadPackage'
import type { CliOutput } from './report'
import { seconds, table } from './report'
import { bundlePackage } from './bundle'
import type { Bundle } from './bundle'
import { openSession, packageImages } from './session'
import type { Session } from './session'
import { loadNcc, loadTypeScript } from './tooling'
import { transpilePackage } from './transpile'
import { previousVersion } from './versions'
import { WALK } from './walkSteps'
import type { WalkContext } from './walkSteps'

/** Options of {@link runPackage}. */
export interface RunOptions {
  /** The package directory (holding `startos/index.ts`). */
  dir: string
  /** How long to wait for every health check to pass, in ms (default 60 000). */
  healthTimeoutMs?: number
  /** Image folders by image id (the rest are empty). */
  images?: Record<string, string>
  output: CliOutput
}

interface Row {
  step: string
  result: 'ok' | 'skipped' | 'FAILED'
  ms: number
  detail: string
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function tail(text: string, lines: number): string[] {
  return text.trimEnd().split('\n').slice(-lines)
}

/**
 * `start-sdk run [dir]`: bundles the package, starts its runtime against a simulated StartOS
 * and walks it through install, init, start, health, actions, backup, stop, restore, update
 * and uninstall; prints each step and a summary table; returns the exit code (1 on the first
 * failing step, with its reason and the runtime's last log lines).
 */
export async function runPackage(options: RunOptions): Promise<number> {
  const { dir, output } = options
  const rows: Row[] = []
  const started = Date.now()
  let bundle: Bundle | undefined
  let session: Session | undefined
  let failure: string | undefined
  const timed = async (
    step: string,
    total: number,
    fn: () => Promise<{ detail: string; skipped?: boolean }>,
  ): Promise<boolean> => {
    output.out(`[${rows.length + 1}/${total}] ${step}`)
    const t = Date.now()
    try {
      const { detail, skipped } = await fn()
      rows.push({
        step,
        result: skipped === true ? 'skipped' : 'ok',
        ms: Date.now() - t,
        detail,
      })
      output.out(
        `      ${skipped === true ? 'skipped' : 'ok'} (${seconds(Date.now() - t)}) ${detail}`,
      )
      return true
    } catch (error) {
      failure = `${step}: ${message(error)}`
      rows.push({
        step,
        result: 'FAILED',
        ms: Date.now() - t,
        detail: message(error),
      })
      output.err(`      FAILED: ${message(error)}`)
      return false
    }
  }
  const total = WALK.length + 1
  try {
    let ctx: WalkContext | undefined
    const ok = await timed('bundle', total, async () => {
      const ts = loadTypeScript(dir)
      const compiled = transpilePackage(ts, dir)
      try {
        const scan = scanSources(ts, dir, compiled.sources)
        const loaded = loadPackage(compiled.entry)
        for (const m of loaded.missing)
          output.err(`      warning: no \`${m.name}\` export; fix: ${m.fix}`)
        bundle = await bundlePackage(loadNcc(dir), compiled.entry)
        session = await openSession(
          loaded.manifest,
          bundle.entry,
          packageImages(dir, loaded.manifest, options.images),
        )
        ctx = {
          session,
          manifest: loaded.manifest,
          previous: previousVersion(
            loaded.manifest,
            loaded.graph,
            scan.declaredVersions,
          ),
          healthTimeoutMs: options.healthTimeoutMs ?? 60_000,
          print: (line) => output.out(line),
        }
        return {
          detail: `${loaded.manifest.id} ${loaded.manifest.version}, ${(bundle.bytes / 1024).toFixed(0)} KiB`,
        }
      } finally {
        compiled.dispose()
      }
    })
    if (ok && ctx !== undefined) {
      for (const step of WALK) {
        const c = ctx
        if (!(await timed(step.name, total, () => step.run(c)))) {
          const log = session?.runtime?.output() ?? ''
          if (log !== '') {
            output.err('      runtime log (last lines):')
            for (const line of tail(log, 15)) output.err(`        ${line}`)
          }
          break
        }
      }
    }
  } finally {
    await session?.close()
    bundle?.dispose()
  }
  output.out('')
  for (const line of table(
    ['step', 'result', 'time', 'detail'],
    rows.map((r) => [r.step, r.result, seconds(r.ms), r.detail]),
  ))
    output.out(line)
  output.out('')
  output.out(
    failure === undefined
      ? `start-sdk run: ok: ${rows.length} steps in ${seconds(Date.now() - started)}`
      : `start-sdk run: FAILED at ${failure}`,
  )
  return failure === undefined ? 0 : 1
}
