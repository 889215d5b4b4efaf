/**
 * What the soak run observes of one runtime process: from outside through `/proc` (its
 * processes, file descriptors, RSS) and from inside through its dev-only `eval` procedure
 * (Node's active resources, the heap after a full collection).
 */
import { readFileSync, readdirSync, readlinkSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { LineSplitter, MAX_LINE_BYTES } from '../../lib/runtime'

/** Whether `pid` is a running (not zombie) process. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

/** Every running descendant of `pid` (children, their children, …). */
export function descendantsOf(pid: number): number[] {
  const out: number[] = []
  const queue = [pid]
  while (queue.length > 0) {
    const parent = queue.shift()!
    let tasks: string[]
    try {
      tasks = readdirSync(`/proc/${parent}/task`)
    } catch {
      continue
    }
    for (const task of tasks) {
      let text = ''
      try {
        text = readFileSync(`/proc/${parent}/task/${task}/children`, 'utf8')
      } catch {
        continue
      }
      for (const child of text.trim().split(/\s+/)) {
        const id = Number(child)
        if (child === '' || !alive(id) || out.includes(id)) continue
        out.push(id)
        queue.push(id)
      }
    }
  }
  return out
}

/**
 * The processes of a run other than its runtime: the runtime's descendants, plus any running
 * process whose command line mentions `root` or whose working directory is inside it (a
 * daemon that escaped its parent is reparented, but keeps its subcontainer as cwd).
 */
export function runProcesses(root: string, runtimePid: number): number[] {
  const pids = new Set(descendantsOf(runtimePid))
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const pid = Number(entry)
    if (pid === process.pid || pid === runtimePid || !alive(pid)) continue
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      if (
        cmdline.includes(root) ||
        readlinkSync(`/proc/${pid}/cwd`).startsWith(root)
      )
        pids.add(pid)
    } catch {
      // Gone, or not ours to inspect.
    }
  }
  return [...pids].sort((a, b) => a - b)
}

/** `pid`'s command line, arguments joined by spaces; `''` once it is gone. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ')
  } catch {
    return ''
  }
}

/** A short description of each pid (`pid:command`), for failure messages. */
export function describe(pids: readonly number[]): string {
  return pids
    .map((pid) => `${pid}:${commandLine(pid).trim().slice(0, 120) || '(gone)'}`)
    .join('; ')
}

/** How many file descriptors `pid` has open (`/proc/<pid>/fd`). */
export function fdCount(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length
}

/** What each of `pid`'s file descriptors points at (`socket:[…]`, `anon_inode:…`, paths). */
export function fdTargets(pid: number): string[] {
  const out: string[] = []
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      out.push(readlinkSync(`/proc/${pid}/fd/${fd}`))
    } catch {
      // Closed while we looked.
    }
  }
  return out.sort()
}

/** `pid`'s resident set size in KiB (`VmRSS` of `/proc/<pid>/status`). */
export function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status)
  if (match === null) throw new Error(`No VmRSS in /proc/${pid}/status`)
  return Number(match[1])
}

/** Resolves whether `port` can be bound on loopback now (nothing listens on it). */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

/** One connection to a runtime's `service.sock` that sends `eval` requests. */
export interface EvalClient {
  /** Evaluates `script` (an expression; `this.require` is the runtime's `require`). */
  eval(script: string): Promise<unknown>
  close(): void
}

/**
 * Connects to `socketPath` for `eval` (the runtime must run with a `dev`
 * `STARTOS_ENVIRONMENT`). One connection for the whole run, so probing adds no descriptor
 * churn of its own: it is part of every baseline.
 */
export function connectEval(socketPath: string): Promise<EvalClient> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath)
    const waiting = new Map<number, (reply: Record<string, unknown>) => void>()
    const lines = new LineSplitter(MAX_LINE_BYTES)
    let next = 1
    socket.on('data', (chunk: Buffer) =>
      lines.push(chunk, (line) => {
        const reply = JSON.parse(line) as Record<string, unknown>
        const done = waiting.get(reply['id'] as number)
        waiting.delete(reply['id'] as number)
        done?.(reply)
      }),
    )
    socket.once('error', reject)
    socket.once('connect', () => {
      socket.off('error', reject)
      socket.on('error', () => socket.destroy())
      resolve({
        eval: (script) =>
          new Promise((done, fail) => {
            const id = next++
            waiting.set(id, (reply) =>
              reply['error'] !== undefined
                ? fail(new Error(`eval failed: ${JSON.stringify(reply)}`))
                : done(reply['result']),
            )
            socket.write(
              JSON.stringify({ id, method: 'eval', params: { script } }) + '\n',
            )
          }),
        close: () => socket.destroy(),
      })
    })
  })
}

/**
 * The runtime's active libuv resources (`process.getActiveResourcesInfo()`: handles such as
 * `TCPWrap`, `PipeWrap`, `FSEventWrap`, `ProcessWrap` and one `Timeout` per live timer),
 * counted by kind. The `eval` request itself is in flight on a connection that is always
 * open, so it adds nothing that changes between samples.
 */
export async function activeResources(
  client: EvalClient,
): Promise<Record<string, number>> {
  const kinds = (await client.eval(
    'process.getActiveResourcesInfo()',
  )) as string[]
  const counts: Record<string, number> = {}
  for (const kind of kinds) counts[kind] = (counts[kind] ?? 0) + 1
  return counts
}

/**
 * The runtime's `heapUsed` in KiB after two full garbage collections (GC exposed on the fly
 * through `v8.setFlagsFromString`): what survives, so growth here is retained objects.
 */
export async function heapAfterGcKb(client: EvalClient): Promise<number> {
  const used = await client.eval(
    `(() => {
      this.require('v8').setFlagsFromString('--expose-gc')
      const gc = this.require('vm').runInNewContext('gc')
      gc()
      gc()
      return process.memoryUsage().heapUsed
    })()`,
  )
  return Math.round((used as number) / 1024)
}

/** `after` minus `before`, per kind, keeping only the kinds that changed (`+2 Timeout`). */
export function resourceDiff(
  before: Record<string, number>,
  after: Record<string, number>,
): string[] {
  const out: string[] = []
  for (const kind of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const delta = (after[kind] ?? 0) - (before[kind] ?? 0)
    if (delta !== 0) out.push(`${delta > 0 ? '+' : ''}${delta} ${kind}`)
  }
  return out.sort()
}
