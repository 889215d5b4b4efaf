import { mkdtempSync, rmSync } from 'node:fs'
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

/** A host simulator for package `hello` and real effects talking to it over `host.sock`. */
export interface DepsRig {
  sim: HostSimulator
  effects: Effects
  stop: () => Promise<void>
}

/** Starts a simulator in a temp dir and connects real effects to its socket. */
export async function depsRig(): Promise<DepsRig> {
  const dir = mkdtempSync(join(tmpdir(), 'start-sdk-deps-'))
  const sim = await HostSimulator.start({
    rpcDir: dir,
    packageId: 'hello',
    root: join(dir, 'root'),
    notify: () => undefined,
  })
  const client = createHostClient({
    socketPath: sim.socketPath,
    log: silentLogger,
  })
  const context = new CallbackContext('root', silentLogger)
  const effects = createEffects({
    client,
    log: silentLogger,
    eventId: null,
    context: context.child('deps'),
  })
  return {
    sim,
    effects,
    stop: async () => {
      client.close?.()
      await sim.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Runs `fn` and returns what it threw (failing when it did not throw). */
export async function thrown(fn: () => unknown): Promise<any> {
  try {
    await fn()
  } catch (e) {
    return e
  }
  throw new Error('expected a throw')
}
