import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Effects } from '../effects'
import { SdkError } from '../errors'
import { checkDuration, raceTimeout } from './result'
import type { HealthCheckResult } from './result'

/** Socket tables read, with the `st` value that means "accepting" in each. */
const TABLES: ReadonlyArray<readonly [file: string, state: string]> = [
  ['tcp', '0A'], // TCP_LISTEN
  ['tcp6', '0A'],
  ['udp', '07'], // a bound UDP socket sits in TCP_CLOSE (7)
  ['udp6', '07'],
]

/**
 * The `/proc` directory the tables are read from: `$STARTOS_PROC_ROOT` when set (tests point
 * it at prepared files), else `/proc`. Read on each call.
 */
function procRoot(): string {
  return process.env.STARTOS_PROC_ROOT || '/proc'
}

/**
 * True when one `/proc/net/{tcp,udp}{,6}` table text lists a socket on `port` in `state`.
 * Lines are `sl local_address rem_address st ...`; `local_address` is `HEXADDR:HEXPORT`.
 * The header and malformed lines are skipped.
 */
export function tableListsPort(
  text: string,
  port: number,
  state: string,
): boolean {
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/)
    if (cols.length < 4 || !/^\d+:$/.test(cols[0] ?? '')) continue
    const local = cols[1] ?? ''
    const colon = local.lastIndexOf(':')
    if (colon < 0) continue
    const hexPort = local.slice(colon + 1)
    if (!/^[0-9A-Fa-f]{1,4}$/.test(hexPort)) continue
    if (parseInt(hexPort, 16) !== port) continue
    if ((cols[3] ?? '').toUpperCase() === state) return true
  }
  return false
}

async function portIsListening(port: number): Promise<boolean> {
  const net = join(procRoot(), 'net')
  const found = await Promise.all(
    TABLES.map(async ([file, state]) => {
      const text = await readFile(join(net, file), 'utf8').catch(
        (e: NodeJS.ErrnoException) => {
          // A kernel without IPv6 has no tcp6/udp6: nothing listens there.
          if (e.code === 'ENOENT') return ''
          throw e
        },
      )
      return tableListsPort(text, port, state)
    }),
  )
  return found.some(Boolean)
}

/**
 * Reports whether something in this container listens on `port` (TCP, or a bound UDP socket,
 * on any address), by reading `/proc/net/{tcp,tcp6,udp,udp6}`. No connection is made.
 *
 * @param effects - The effects of the caller (not used by the check itself).
 * @param port - The port, 1..65535.
 * @param options.successMessage - The message when the port is listening.
 * @param options.errorMessage - The message when it is not (or the tables cannot be read).
 * @param options.timeoutMessage - The message when the check takes longer than `timeout`
 *   (default `Timeout trying to check port <port>`).
 * @param options.timeout - Milliseconds before giving up (default 1000).
 */
export async function checkPortListening(
  effects: Effects,
  port: number,
  options: {
    errorMessage: string
    successMessage: string
    timeoutMessage?: string
    timeout?: number
  },
): Promise<HealthCheckResult> {
  void effects
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SdkError(
      'HEALTH_INVALID',
      `checkPortListening(port) must be an integer from 1 to 65535, got ${String(port)}; pass the port your daemon binds`,
      { details: { field: 'port', value: port } },
    )
  }
  const timeout = checkDuration(
    'checkPortListening(options.timeout)',
    options.timeout ?? 1000,
  )
  const failure = (message: string): HealthCheckResult => ({
    result: 'failure',
    message,
  })
  return raceTimeout(
    portIsListening(port).then(
      (up): HealthCheckResult =>
        up
          ? { result: 'success', message: options.successMessage }
          : failure(options.errorMessage),
      () => failure(options.errorMessage),
    ),
    timeout,
    () =>
      failure(options.timeoutMessage ?? `Timeout trying to check port ${port}`),
  )
}
