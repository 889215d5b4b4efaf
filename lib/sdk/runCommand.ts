import type { Effects } from '../effects'
import { resolveCommand } from '../main'
import type { CommandOptions, ExecOutput, Mounts } from '../subcontainer'
import { SubContainer } from '../subcontainer'
import type { CommandType, ImageId, SDKManifest } from '../types'

/** `a "b c" d`: a command line as a readable subcontainer name. */
function describe(argv: readonly string[]): string {
  return argv.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')
}

/**
 * Runs one command to its end in a fresh subcontainer of `image` (with `mounts`), then
 * destroys the subcontainer. Resolves with the output; throws `ExitError` unless it exits 0.
 * There is no time limit: the command runs as long as it needs.
 *
 * @example
 * ```ts
 * const { stdout } = await runCommand(effects, { imageId: 'main' }, ['app', '--version'], {
 *   mounts: null,
 * })
 * ```
 */
export async function runCommand<Manifest extends SDKManifest>(
  effects: Effects,
  image: { imageId: keyof Manifest['images'] & ImageId; sharedRun?: boolean },
  command: CommandType,
  options: CommandOptions & { mounts: Mounts<Manifest> | null },
  name?: string,
): Promise<ExecOutput> {
  const argv = await resolveCommand(command, image.imageId)
  const { mounts, ...commandOptions } = options
  return SubContainer.withTemp(
    effects,
    image,
    mounts,
    name ?? describe(argv),
    (sub) => sub.execFail(argv, commandOptions, null),
  )
}
