import { join } from 'node:path'

/** The environment variable that moves every StartOS path under another root (tests, the simulator). */
export const STARTOS_ROOT_ENV = 'STARTOS_ROOT'

/** Every absolute path the SDK and the runtime use inside a service container. */
export interface StartOsPaths {
  /** The root everything below hangs from: `/` in a real container. */
  readonly root: string
  /** `/media/startos`. */
  readonly media: string
  /** `/media/startos/volumes`, holding one folder per volume. */
  readonly volumes: string
  /** `/media/startos/assets`. */
  readonly assets: string
  /** `/media/startos/images`, holding one folder per image. */
  readonly images: string
  /** `/media/startos/backup`, where the host mounts a backup target. */
  readonly backup: string
  /** `/media/startos/subcontainers`, holding one root filesystem per subcontainer guid. */
  readonly subcontainers: string
  /** `/media/startos/rpc`, holding both sockets. */
  readonly rpcDir: string
  /** `/media/startos/rpc/service.sock`, where the runtime listens. */
  readonly serviceSocket: string
  /** `/media/startos/rpc/host.sock`, where the host listens for effects. */
  readonly hostSocket: string
  /** `/usr/lib/startos/package`, where the package bundle is mounted. */
  readonly packageDir: string
  /** `/usr/lib/startos/package/index.js`, the bundle's entry. */
  readonly packageEntry: string
  /** The folder of volume `id`. */
  volume(id: string): string
  /** The folder of image `id`. */
  image(id: string): string
  /** The root filesystem of subcontainer `guid`. */
  subcontainer(guid: string): string
}

/** A path segment must be a plain name: no separators, no `.`/`..`, not empty. */
function segment(kind: string, name: string): string {
  if (
    typeof name !== 'string' ||
    name === '' ||
    name === '.' ||
    name === '..' ||
    /[/\\\0]/.test(name)
  ) {
    throw new TypeError(
      `Expected ${kind} to be a plain name (no "/", "\\", NUL, "." or ".."), got ${JSON.stringify(name)}`,
    )
  }
  return name
}

/**
 * The StartOS paths under `root`: by default `$STARTOS_ROOT`, else `/` (the real container).
 * Read per call, so a test or the simulator can point it at a temp directory.
 */
export function startosPaths(
  root: string = process.env[STARTOS_ROOT_ENV] || '/',
): StartOsPaths {
  const media = join(root, 'media/startos')
  const volumes = join(media, 'volumes')
  const images = join(media, 'images')
  const subcontainers = join(media, 'subcontainers')
  const rpcDir = join(media, 'rpc')
  const packageDir = join(root, 'usr/lib/startos/package')
  return {
    root,
    media,
    volumes,
    assets: join(media, 'assets'),
    images,
    backup: join(media, 'backup'),
    subcontainers,
    rpcDir,
    serviceSocket: join(rpcDir, 'service.sock'),
    hostSocket: join(rpcDir, 'host.sock'),
    packageDir,
    packageEntry: join(packageDir, 'index.js'),
    volume: (id) => join(volumes, segment('a volume id', id)),
    image: (id) => join(images, segment('an image id', id)),
    subcontainer: (guid) =>
      join(subcontainers, segment('a subcontainer guid', guid)),
  }
}
