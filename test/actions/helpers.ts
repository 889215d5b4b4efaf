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

/** A host simulator on a real socket, and a way to make effects that talk to it. */
export interface SimulatedHost {
  sim: HostSimulator
  /** Effects for one event (`eventId`) in a fresh callback context under `root`. */
  effects(eventId: string | null, context?: string): Effects
  /** Leaves the context `name` (its hooks run, its effects stop being in context). */
  leave(name: string): void
  close(): Promise<void>
}

export async function simulatedHost(
  packageId = 'example',
): Promise<SimulatedHost> {
  const root = mkdtempSync(join(tmpdir(), 'start-sdk-actions-'))
  const rpcDir = join(root, 'rpc')
  mkdirSync(rpcDir)
  const sim = await HostSimulator.start({
    rpcDir,
    packageId,
    root,
    notify: () => undefined,
  })
  const client = createHostClient({
    socketPath: join(rpcDir, 'host.sock'),
    log: silentLogger,
  })
  const tree = new CallbackContext('root', silentLogger)
  let n = 0
  return {
    sim,
    effects: (eventId, context = `ctx${n++}`) =>
      createEffects({
        client,
        log: silentLogger,
        eventId,
        context: tree.child(context),
      }),
    leave: (name) => tree.removeChild(name),
    async close() {
      client.close?.()
      await sim.close()
      rmSync(root, { recursive: true, force: true })
    },
  }
}
