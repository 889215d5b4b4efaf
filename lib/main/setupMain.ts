import type { Effects, ExpectedExports } from '../effects'
import { SdkError } from '../errors'
import type { DaemonBuildable, SDKManifest } from '../types'

/**
 * Makes the package's `main` export: `fn` receives the effects of the running service and
 * returns its daemons, a `Daemons.of(...)` chain or a `Daemons.dynamic(...)` reconciler,
 * which the runtime then builds and, on stop, terminates.
 *
 * @example
 * ```ts
 * export const main = sdk.setupMain(async ({ effects }) =>
 *   sdk.Daemons.of(effects).addDaemon('app', {
 *     subcontainer: sdk.SubContainer.of(effects, { imageId: 'main' }, null, 'app'),
 *     exec: { command: ['app', 'serve'] },
 *     ready: { display: null, fn: () => ({ result: 'success', message: null }) },
 *     requires: [],
 *   }),
 * )
 * ```
 */
export const setupMain = <Manifest extends SDKManifest>(
  fn: (o: { effects: Effects }) => Promise<DaemonBuildable>,
): ExpectedExports.main => {
  if (typeof fn !== 'function') {
    throw new SdkError(
      'DAEMON_INVALID',
      `setupMain(fn): fn must be a function, got ${String(fn)}; pass async ({ effects }) => sdk.Daemons.of(effects)...`,
      { details: { field: 'fn' } },
    )
  }
  return async ({ effects }) => {
    const daemons: Partial<DaemonBuildable> | null | undefined = await fn({
      effects,
    })
    if (typeof daemons?.build !== 'function') {
      throw new SdkError(
        'DAEMON_INVALID',
        `setupMain: the function returned ${String(daemons)}, not something with build(); return sdk.Daemons.of(effects)... or sdk.Daemons.dynamic(effects, ...)`,
        { details: { field: 'fn' } },
      )
    }
    return daemons as DaemonBuildable
  }
}
