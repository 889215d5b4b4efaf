import { createHash } from 'node:crypto'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
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
import type { Isolation } from '../../lib/testing'
import type { SDKManifest } from '../../lib/types'

/** The manifest type of these tests: images `main` and `db`, volumes `main`, `logs`, `db`. */
export type BackupManifest = SDKManifest & {
  readonly images: {
    main: SDKManifest['images'][string]
    db: SDKManifest['images'][string]
  }
  readonly volumes: ['main', 'logs', 'db']
}

/** A simulator whose root is `STARTOS_ROOT`, with `start-container` on `PATH` and effects talking to it. */
export interface BackupLab {
  sim: HostSimulator
  root: string
  /** `<root>/media/startos/volumes/<id>`. */
  volume(id: string): string
  /** `<root>/media/startos/backup`. */
  backup: string
  effects(): Effects
  close(): Promise<void>
}

export async function backupLab(
  isolation: Isolation = 'none',
): Promise<BackupLab> {
  const root = mkdtempSync(join(tmpdir(), 'start-sdk-backup-'))
  const rpcDir = join(root, 'media/startos/rpc')
  mkdirSync(rpcDir, { recursive: true })
  const sim = await HostSimulator.start({
    rpcDir,
    packageId: 'example',
    root,
    notify: () => undefined,
    isolation,
  })
  const bin = join(root, 'bin')
  installLauncher(bin, { isolation })
  const savedPath = process.env.PATH
  const savedRoot = process.env.STARTOS_ROOT
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
    volume: (id) => join(root, 'media/startos/volumes', id),
    backup: join(root, 'media/startos/backup'),
    effects: () =>
      createEffects({
        client,
        log: silentLogger,
        eventId: null,
        context: tree.child(`ctx${n++}`),
      }),
    async close() {
      tree.leave()
      client.close?.()
      await sim.close()
      process.env.PATH = savedPath
      if (savedRoot === undefined) delete process.env.STARTOS_ROOT
      else process.env.STARTOS_ROOT = savedRoot
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** Every entry below `dir`: type, mode, owner, content hash or link target, sorted by path. */
export function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = join(dir, rel, name)
      const key = join(rel, name)
      const st = lstatSync(path)
      const meta = `${(st.mode & 0o7777).toString(8)} ${st.uid}:${st.gid}`
      if (st.isSymbolicLink()) out[key] = `link -> ${readlinkSync(path)}`
      else if (st.isDirectory()) {
        out[key] = `dir ${meta}`
        walk(key)
      } else {
        const hash = createHash('sha256')
          .update(readFileSync(path))
          .digest('hex')
        out[key] = `file ${meta} ${hash}`
      }
    }
  }
  if (existsSync(dir)) walk('')
  return out
}

/** Writes `files` (path → content) below `dir`, creating folders. */
export function writeTree(
  dir: string,
  files: Record<string, string | Buffer>,
): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
}
