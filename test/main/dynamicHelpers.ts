import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Effects } from '../../lib/effects'
import { FileHelper } from '../../lib/file'
import type { FileHelper as FileHelperType } from '../../lib/file'
import { Daemons } from '../../lib/main'
import type { DaemonsBuilder } from '../../lib/main'
import { SubContainer } from '../../lib/subcontainer'
import { z } from '../../lib/z'
import type { TestManifest } from '../subcontainer/helpers'
import { running } from '../subcontainer/helpers'

/** The tenants file: which daemons to run, what each requires, and fields to vary. */
export const shape = z.object({
  daemons: z.array(
    z.object({
      id: z.string(),
      /** Becomes an environment variable: a hashed field. */
      tag: z.string().default(''),
      requires: z.array(z.string()).default([]),
      /** Only changes what `ready.fn` reports: not hashed. */
      readyMessage: z.string().default('up'),
    }),
  ),
})
export type Config = z.infer<typeof shape>
export type DaemonSpec = Config['daemons'][number]

/** A daemon process: logs `<id> <tag> <pid>` to `$EVENTS`, then becomes `sleep`. */
const SCRIPT = 'echo "$DAEMON_ID $TAG $$" >> "$EVENTS"; exec sleep 300'

/** One line of the events file: a daemon process that started. */
export interface Start {
  id: string
  tag: string
  pid: number
}

/** The daemons started so far (in order), as the processes logged them. */
export function startsIn(events: string): Start[] {
  if (!existsSync(events)) return []
  return readFileSync(events, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [id, tag, pid] = line.trim().split(' ')
      return { id: id ?? '', tag: tag ?? '', pid: Number(pid) }
    })
}

/** The last start of each id whose process still runs. */
export function live(events: string): Map<string, Start> {
  const out = new Map<string, Start>()
  for (const start of startsIn(events)) {
    if (running(start.pid)) out.set(start.id, start)
    else if (out.get(start.id)?.pid === start.pid) out.delete(start.id)
  }
  for (const [id, start] of out) if (!running(start.pid)) out.delete(id)
  return out
}

/** A chain whose ids are only known at run time. */
interface LooseChain {
  addDaemon(id: string, options: unknown): LooseChain
}

/** How the builder makes each entry's subcontainer. */
export type SubcontainerMode = 'lazy' | 'eager'

/** A tenants file, its events log, a run counter and a `Daemons.dynamic` builder over them. */
export interface Tenants {
  file: FileHelperType<Config>
  events: string
  runs: () => number
  /** Switches how the next runs make subcontainers. */
  mode: SubcontainerMode
  /** Makes the next runs throw. */
  failing: boolean
  builder: DaemonsBuilder<TestManifest>
  write(daemons: Partial<DaemonSpec>[]): Promise<void>
}

/** A builder reading `dir/tenants.json` with `.const(effects)`: one shell daemon per entry. */
export function tenants(dir: string): Tenants {
  const path = join(dir, 'tenants.json')
  const events = join(dir, 'events.log')
  const file = FileHelper.json(path, shape)
  let runs = 0
  const t: Tenants = {
    file,
    events,
    runs: () => runs,
    mode: 'lazy',
    failing: false,
    async builder({ effects }: { effects: Effects }) {
      runs++
      const config = await file.read().const(effects)
      if (t.failing) throw new Error('the tenants builder failed on purpose')
      let chain = Daemons.of<TestManifest>({ effects }) as unknown as LooseChain
      for (const d of config?.daemons ?? []) {
        const subcontainer =
          t.mode === 'lazy'
            ? SubContainer.of<TestManifest>(
                effects,
                { imageId: 'main' },
                null,
                d.id,
              )
            : await SubContainer.eager<TestManifest>(
                effects,
                { imageId: 'main' },
                null,
                d.id,
              )
        const message = d.readyMessage
        chain = chain.addDaemon(d.id, {
          subcontainer,
          exec: {
            command: ['sh', '-c', SCRIPT],
            env: { DAEMON_ID: d.id, TAG: d.tag, EVENTS: events },
          },
          ready: {
            display: null,
            fn: () => ({ result: 'success', message }),
          },
          requires: d.requires,
        })
      }
      return chain as unknown as Awaited<
        ReturnType<DaemonsBuilder<TestManifest>>
      >
    },
    async write(daemons) {
      await file.write({} as Effects, shape.parse({ daemons }) as Config)
    },
  }
  return t
}
