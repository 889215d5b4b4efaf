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

const ROUNDS = 5
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

async function perSecond(fn: (i: number) => Promise<unknown>): Promise<number> {
  const rates: number[] = []
  let i = 0
  for (let w = 0; w < 300; w++) await fn(i++)
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint()
    let n = 0
    let elapsed = 0
    do {
      await fn(i++)
      n++
      elapsed = Number(process.hrtime.bigint() - start) / 1e6
    } while (elapsed < ROUND_MS)
    rates.push((n / elapsed) * 1000)
  }
  return rates.sort((a, b) => a - b)[Math.floor(rates.length / 2)]
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
    const rows: RoundTripRow[] = [
      {
        name: 'effects client → simulator, one connection',
        perSecond: await perSecond(() => ours.getOsIp()),
        baseline: 'bare echo, one connection',
      },
      {
        name: 'bare echo, one connection',
        perSecond: await perSecond(persistent.call),
      },
      {
        name: 'effects client → simulator, per call',
        perSecond: await perSecond(() => oursPerCall.getOsIp()),
        baseline: 'bare echo, connection per call',
      },
      {
        name: 'bare echo, connection per call',
        perSecond: await perSecond((i) => echoFresh(echoPath, i)),
      },
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
