import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Effects } from '../../lib/effects'
import {
  CallbackContext,
  createEffects,
  createHostClient,
  silentLogger,
} from '../../lib/runtime'
import { HostSimulator } from '../../lib/testing'

/** Effects in their own context, with a counter of `constRetry` calls. */
export interface RetryingEffects {
  effects: Effects
  retries: () => number
  /** Leaves the context (its watches end, `constRetry` is dropped). */
  leave: () => void
}

/**
 * A host simulator on a real socket whose change callbacks reach a real callback context,
 * so values read with `const()`/`watch()` react to what the simulator changes.
 */
export interface HostRig {
  sim: HostSimulator
  /** Effects in a fresh child context (no `constRetry`). */
  effects(): Effects
  /** Effects in a fresh child context with a counting `constRetry`. */
  retrying(): RetryingEffects
  close(): Promise<void>
}

let contexts = 0

export async function hostRig(packageId = 'example'): Promise<HostRig> {
  const root = mkdtempSync(join(tmpdir(), 'start-sdk-host-'))
  const rpcDir = join(root, 'rpc')
  mkdirSync(rpcDir)
  const tree = new CallbackContext('root', silentLogger)
  const sim = await HostSimulator.start({
    rpcDir,
    packageId,
    root,
    notify: (id, args) => {
      tree.fire(id, args)
    },
  })
  const client = createHostClient({
    socketPath: join(rpcDir, 'host.sock'),
    log: silentLogger,
  })
  const make = (name: string): Effects =>
    createEffects({
      client,
      log: silentLogger,
      eventId: null,
      context: tree.child(name),
    })
  return {
    sim,
    effects: () => make(`ctx${contexts++}`),
    retrying: () => {
      const name = `ctx${contexts++}`
      const effects = make(name)
      let retries = 0
      effects.constRetry = () => void retries++
      return {
        effects,
        retries: () => retries,
        leave: () => tree.removeChild(name),
      }
    },
    async close() {
      client.close?.()
      await sim.close()
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** Resolves once `check` holds, polling every 5 ms; fails after `ms`. */
export async function until(
  check: () => boolean,
  what: string,
  ms = 5000,
): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

/** One effect call a {@link recordingEffects} object received. */
export type Call = [method: string, params: unknown]

/**
 * A stand-in effects object that records every call and answers `null` (or what `answer`
 * returns): enough to compare the calls our helpers and the reference's make.
 */
export function recordingEffects(
  answer: (method: string, params: unknown) => unknown = () => null,
): { effects: Effects; calls: Call[] } {
  const calls: Call[] = []
  const fn =
    (method: string) =>
    async (params: unknown): Promise<unknown> => {
      calls.push([method, params])
      return answer(method, params)
    }
  const effects = {
    eventId: null,
    isInContext: false,
    child: () => effects,
    onLeaveContext: () => undefined,
    bind: fn('bind'),
    bindRange: fn('bindRange'),
    exportServiceInterface: fn('exportServiceInterface'),
    exportRangeServiceInterface: fn('exportRangeServiceInterface'),
    clearBindings: fn('clearBindings'),
    clearServiceInterfaces: fn('clearServiceInterfaces'),
    getHostInfo: fn('getHostInfo'),
    getOsIp: fn('getOsIp'),
    plugin: {
      url: {
        register: fn('plugin.url.register'),
        exportUrl: fn('plugin.url.exportUrl'),
        clearUrls: fn('plugin.url.clearUrls'),
      },
    },
  }
  return { effects: effects as unknown as Effects, calls }
}
