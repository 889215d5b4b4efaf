/**
 * Effect round trips through the runtime's effects client against the host simulator,
 * next to a bare newline-JSON echo over the same kind of Unix socket, in both the
 * connection-per-call shape the client uses and a persistent connection.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, connect } from 'node:net'
import type { Server, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEffects, createHostClient, silentLogger } from '../lib/runtime'
import { HostSimulator } from '../lib/testing'

export interface RoundTripRow {
  name: string
  perSecond: number
  /** The echo row this one is compared with (target: at least 0.8× of it). */
  baseline?: string
}

const ROUNDS = 7
const ROUND_MS = 300

/** A server answering each line with `{"jsonrpc":"2.0","id":…,"result":null}`. */
function echoServer(path: string): Promise<Server> {
  const server = createServer((socket: Socket) => {
    let buffered = ''
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8')
      let nl: number
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl)
        buffered = buffered.slice(nl + 1)
        const id = (JSON.parse(line) as { id: unknown }).id
        socket.write(
          `${JSON.stringify({ jsonrpc: '2.0', id, result: null })}\n`,
        )
      }
    })
    socket.on('error', () => socket.destroy())
  })
  return new Promise((resolve) => server.listen(path, () => resolve(server)))
}

/** One request on a fresh connection, as the effects client does. */
function echoFresh(path: string, id: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(path)
    socket.on('connect', () =>
      socket.write(`{"id":${id},"method":"get-os-ip","params":{}}\n`),
    )
    socket.on('data', () => {
      socket.destroy()
      resolve()
    })
    socket.on('error', reject)
  })
}

/** Sequential requests on one open connection. */
async function echoPersistent(
  path: string,
): Promise<{ call: (id: number) => Promise<void>; close: () => void }> {
  const socket = connect(path)
  await new Promise((r) => socket.once('connect', r))
  let waiting: (() => void) | null = null
  socket.on('data', () => waiting?.())
  return {
    call: (id) =>
      new Promise((resolve) => {
        waiting = resolve
        socket.write(`{"id":${id},"method":"get-os-ip","params":{}}\n`)
      }),
    close: () => socket.destroy(),
  }
}

type RoundTrip = (i: number) => Promise<unknown>

/** Round trips per second in one timed round. */
async function round(fn: RoundTrip, counter: { i: number }): Promise<number> {
  const start = process.hrtime.bigint()
  let n = 0
  let elapsed = 0
  do {
    await fn(counter.i++)
    n++
    elapsed = Number(process.hrtime.bigint() - start) / 1e6
  } while (elapsed < ROUND_MS)
  return (n / elapsed) * 1000
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/**
 * Ours and its baseline, measured in alternating rounds (so machine noise hits both
 * alike); the medians of each side.
 */
async function paired(
  ours: RoundTrip,
  baseline: RoundTrip,
): Promise<[number, number]> {
  const counter = { i: 0 }
  for (let w = 0; w < 300; w++) {
    await ours(counter.i++)
    await baseline(counter.i++)
  }
  const a: number[] = []
  const b: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    a.push(await round(ours, counter))
    b.push(await round(baseline, counter))
  }
  return [median(a), median(b)]
}

export async function roundTripRows(): Promise<RoundTripRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'start-sdk-bench-'))
  const sim = await HostSimulator.start({
    rpcDir: dir,
    packageId: 'bench',
    root: dir,
  })
  const echoPath = join(dir, 'echo.sock')
  const echo = await echoServer(echoPath)
  const persistentClient = createHostClient({
    socketPath: sim.socketPath,
    log: silentLogger,
  })
  const perCallClient = createHostClient({
    socketPath: sim.socketPath,
    log: silentLogger,
    connection: 'per-call',
  })
  const persistent = await echoPersistent(echoPath)
  try {
    const effectsOver = (client: typeof persistentClient) =>
      createEffects({ client, log: silentLogger, eventId: null, context: null })
    const ours = effectsOver(persistentClient)
    const oursPerCall = effectsOver(perCallClient)
    const [persistentOurs, persistentEcho] = await paired(
      () => ours.getOsIp(),
      persistent.call,
    )
    const [perCallOurs, perCallEcho] = await paired(
      () => oursPerCall.getOsIp(),
      (i) => echoFresh(echoPath, i),
    )
    const rows: RoundTripRow[] = [
      {
        name: 'effects client → simulator, one connection',
        perSecond: persistentOurs,
        baseline: 'bare echo, one connection',
      },
      { name: 'bare echo, one connection', perSecond: persistentEcho },
      {
        name: 'effects client → simulator, per call',
        perSecond: perCallOurs,
        baseline: 'bare echo, connection per call',
      },
      { name: 'bare echo, connection per call', perSecond: perCallEcho },
    ]
    sim.clearCalls()
    return rows
  } finally {
    persistent.close()
    persistentClient.close?.()
    echo.close()
    await sim.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function formatRoundTrips(rows: readonly RoundTripRow[]): string {
  const lines = [
    'effect round trips (sequential)             | per second | vs echo | target | status',
    '--------------------------------------------|------------|---------|--------|-------',
  ]
  for (const r of rows) {
    const base = rows.find((b) => b.name === r.baseline)
    const ratio = base ? r.perSecond / base.perSecond : null
    const cells =
      ratio === null
        ? ['', '', '']
        : [`${ratio.toFixed(2)}×`, '≥0.8×', ratio >= 0.8 ? 'PASS' : 'FAIL']
    lines.push(
      `${r.name.padEnd(44)}| ${r.perSecond.toFixed(0).padStart(10)} | ${cells[0].padStart(7)} | ${cells[1].padStart(6)} | ${cells[2]}`,
    )
  }
  return lines.join('\n')
}
