import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Effects } from '../../lib/effects'
import {
  CallbackContext,
  createEffects,
  createHostClient,
  silentLogger,
} from '../../lib/runtime'
import { HostSimulator, installLauncher } from '../../lib/testing'
import type { SDKManifest } from '../../lib/types'

/** The manifest type the tests use: image `main`, volumes `main` and `logs`. */
export type TestManifest = SDKManifest & {
  readonly images: { main: SDKManifest['images'][string] }
  readonly volumes: ['main', 'logs']
}

/**
 * A host simulator on a real socket with `start-container` (the simulator's launcher, behind
 * a wrapper that logs each invocation) first on `PATH`, image `main` registered, and effects
 * in named contexts. `STARTOS_ROOT` points at the simulator's root.
 */
export interface Lab {
  sim: HostSimulator
  root: string
  /** Effects in a new context `name` under the root context. */
  effects(name?: string): Effects
  /** Leaves the context `name`: its hooks run. */
  leave(name: string): void
  /** Number of successful `subcontainer.create-fs` / `destroy-fs` calls. */
  created(): number
  destroyed(): number
  /** Subcontainer folders left on disk. */
  folders(): string[]
  /** Every `start-container` argument list run so far. */
  launches(): string[][]
  close(): Promise<void>
}

export async function lab(): Promise<Lab> {
  const root = mkdtempSync(join(tmpdir(), 'start-sdk-subc-'))
  const rpcDir = join(root, 'media/startos/rpc')
  mkdirSync(rpcDir, { recursive: true })
  const sim = await HostSimulator.start({
    rpcDir,
    packageId: 'example',
    root,
    notify: () => undefined,
  })
  const image = join(root, 'image')
  mkdirSync(join(image, 'app'), { recursive: true })
  writeFileSync(join(image, 'app/hello.txt'), 'hello from the image\n')
  sim.addImage('main', image)
  const images = join(root, 'media/startos/images')
  mkdirSync(images, { recursive: true })
  writeFileSync(join(images, 'main.env'), 'FROM_IMAGE=image-value\n')
  writeFileSync(
    join(images, 'main.json'),
    JSON.stringify({
      workdir: '/app',
      user: 'app',
      entrypoint: null,
      cmd: null,
    }),
  )
  const real = installLauncher(join(root, 'real-bin'))
  const bin = join(root, 'bin')
  const log = join(root, 'start-container.log')
  mkdirSync(bin)
  writeFileSync(
    join(bin, 'start-container'),
    `#!/bin/sh\n${JSON.stringify(process.execPath)} -e 'require("fs").appendFileSync(process.argv[1], JSON.stringify(process.argv.slice(2)) + "\\n")' ${JSON.stringify(log)} "$@"\nexec ${JSON.stringify(real)} "$@"\n`,
  )
  chmodSync(join(bin, 'start-container'), 0o755)
  process.env.STARTOS_ROOT = root
  process.env.PATH = `${bin}:${process.env.PATH ?? ''}`
  const client = createHostClient({
    socketPath: join(rpcDir, 'host.sock'),
    log: silentLogger,
  })
  const tree = new CallbackContext('root', silentLogger)
  let n = 0
  return {
    sim,
    root,
    effects: (name = `ctx${n++}`) =>
      createEffects({
        client,
        log: silentLogger,
        eventId: null,
        context: tree.child(name),
      }),
    leave: (name) => tree.removeChild(name),
    created: () =>
      sim.calls('subcontainer.create-fs').filter((c) => c.error === undefined)
        .length,
    destroyed: () =>
      sim.calls('subcontainer.destroy-fs').filter((c) => c.error === undefined)
        .length,
    folders: () => {
      const dir = join(root, 'media/startos/subcontainers')
      return existsSync(dir) ? readdirSync(dir) : []
    },
    launches: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as string[])
        : [],
    async close() {
      tree.leave()
      const settled = await within(
        2_000,
        () => processesUnder(root).length === 0,
      )
      const leaked = reap(root)
      client.close?.()
      await sim.close()
      rmSync(root, { recursive: true, force: true })
      if (!settled) {
        throw new Error(
          `${leaked.length} process(es) were still running in the lab after its contexts left (killed now): ${leaked.join(', ')}`,
        )
      }
    },
  }
}

/** Polls `check` every 10 ms for up to `ms`; resolves whether it came true. */
async function within(ms: number, check: () => boolean): Promise<boolean> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) return false
    await new Promise((r) => setTimeout(r, 10))
  }
  return true
}

/** Running processes whose command line mentions `dir` (a unique temp folder of one test). */
export function processesUnder(dir: string): number[] {
  const out: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8')
      if (cmdline.includes(dir) && running(Number(entry)))
        out.push(Number(entry))
    } catch {
      // It exited while we looked.
    }
  }
  return out
}

/**
 * SIGKILLs what a failed test left running under `dir` (the leaders and commands it
 * started), so the test process can still exit; returns their pids.
 */
export function reap(dir: string): number[] {
  const pids = processesUnder(dir)
  for (const pid of pids) {
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL')
      } catch {
        // Not a group leader, or already gone.
      }
    }
  }
  return pids
}

/** Polls `check` every 10 ms for up to `ms`; fails naming `what`. */
export async function until(
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

/** Whether `pid` is a running (not zombie) process. */
export function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

/** The pids of the direct children of `pid` that are still running. */
export function childrenOf(pid: number): number[] {
  const out: number[] = []
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
    for (const child of text.trim().split(/\s+/)) {
      if (child !== '' && running(Number(child))) out.push(Number(child))
    }
  }
  return out
}

/** Reads a pid a command wrote into a file, waiting until it is there. */
export async function pidFrom(path: string): Promise<number> {
  await until(
    () => existsSync(path) && readFileSync(path, 'utf8').trim() !== '',
    `a pid in ${path}`,
  )
  return Number(readFileSync(path, 'utf8').trim())
}
