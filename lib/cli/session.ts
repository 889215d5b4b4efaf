import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SdkError } from '../errors'
import { startosPaths } from '../paths'
import { HostSimulator, spawnRuntime } from '../testing'
import type { RuntimeHandle } from '../testing'
import type { Manifest } from '../types'

/** A simulated StartOS for one package: the host, and the runtime currently attached. */
export interface Session {
  readonly sim: HostSimulator
  /** The simulated StartOS root (volumes, backup, subcontainers live under it). */
  readonly root: string
  /** The runtime process now running, if any. */
  readonly runtime: RuntimeHandle | undefined
  /** Starts a fresh runtime process on the bundle (the previous one must have exited). */
  boot(): Promise<RuntimeHandle>
  /** Waits up to `ms` for the current runtime to exit; its exit code, or `undefined` on timeout. */
  awaitExit(ms: number): Promise<number | null | undefined>
  /** Kills the runtime, stops the simulator and removes the temp root. */
  close(): Promise<void>
}

/**
 * The package's stand-ins for its images: `<dir>/images/<imageId>/` for each image the
 * manifest declares and `explicit` (from `--image`) does not name. The folder is copied as
 * the image's root filesystem and its `bin` folders go first on `PATH`.
 */
export function packageImages(
  dir: string,
  manifest: Manifest,
  explicit: Record<string, string> = {},
): Record<string, string> {
  const images: Record<string, string> = {}
  for (const id of Object.keys(manifest.images ?? {})) {
    const folder = join(dir, 'images', id)
    if (existsSync(folder) && statSync(folder).isDirectory())
      images[id] = folder
  }
  return { ...images, ...explicit }
}

/**
 * Starts a {@link HostSimulator} for `manifest` in a temp root, with the manifest's images
 * registered (empty: the launcher runs commands on this machine) and its volumes and the
 * backup folder created, as StartOS mounts them.
 */
export async function openSession(
  manifest: Manifest,
  entry: string,
  images: Record<string, string> = {},
): Promise<Session> {
  for (const id of Object.keys(images)) {
    if (!(id in (manifest.images ?? {})))
      throw new SdkError(
        'MANIFEST_INVALID',
        `--image ${id}: the manifest declares no image \`${id}\`; use one of: ${Object.keys(manifest.images ?? {}).join(', ')}`,
      )
  }
  const root = mkdtempSync(join(tmpdir(), 'start-sdk-sim-'))
  const paths = startosPaths(root)
  mkdirSync(paths.rpcDir, { recursive: true })
  for (const volume of manifest.volumes ?? [])
    mkdirSync(paths.volume(volume), { recursive: true })
  mkdirSync(paths.backup, { recursive: true })
  let sim: HostSimulator
  try {
    sim = await HostSimulator.start({
      rpcDir: paths.rpcDir,
      packageId: manifest.id,
      root,
      manifest,
    })
  } catch (error) {
    rmSync(root, { recursive: true, force: true })
    throw error
  }
  for (const image of Object.keys(manifest.images ?? {}))
    sim.addImage(image, images[image])
  // The launcher finds commands on this machine's PATH: an image folder's bin folders go
  // first, so a host-runnable stand-in for the image's programs is used.
  const bins = Object.values(images).flatMap((d) =>
    ['usr/local/bin', 'usr/bin', 'bin'].map((b) => join(d, b)),
  )
  if (bins.length > 0)
    process.env.PATH = [...bins, process.env.PATH ?? ''].join(':')
  let runtime: RuntimeHandle | undefined
  return {
    sim,
    root,
    get runtime() {
      return runtime
    },
    boot: async () => {
      runtime = await spawnRuntime(sim, { packageEntry: entry })
      return runtime
    },
    awaitExit: async (ms) => {
      const current = runtime
      if (current === undefined) return null
      let timer: NodeJS.Timeout | undefined
      const code = await Promise.race([
        current.exited,
        new Promise<undefined>((resolve) => {
          timer = setTimeout(() => resolve(undefined), ms)
        }),
      ])
      clearTimeout(timer)
      if (code !== undefined) runtime = undefined
      return code
    },
    close: async () => {
      // Stop main first so daemons (separate process groups) do not outlive the runtime.
      await within(
        runtime?.driver.stop() ?? Promise.resolve(),
        15_000,
        '',
      ).catch(() => undefined)
      await runtime?.kill().catch(() => undefined)
      runtime = undefined
      await sim.close()
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** Races `promise` against a timer; rejects with `message` when the timer wins. */
export async function within<T>(
  promise: Promise<T>,
  ms: number,
  message: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms)
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}
