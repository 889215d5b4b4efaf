/** The isolation modes of the `start-container` stand-in and whether `chroot` works here. */
import { spawnSync } from 'node:child_process'
import { SdkError } from '../../errors'
import { findProgram } from './processes'

/**
 * How the simulator's `start-container` runs subcontainer commands:
 * - `'none'` (default): on the host, with the working directory inside the root filesystem;
 *   `--user` ignored, bind mounts as symlinks. Works without root.
 * - `'chroot'`: root only. Each subcontainer gets a private mount namespace with the host's
 *   system folders bound read-only, `/proc`, `/dev`, fresh `/tmp` and `/run`, real bind
 *   mounts; commands run chrooted into it as the requested user.
 */
export type Isolation = 'none' | 'chroot'

/** The variable the launcher shim sets to pass the mode on to the launcher. */
export const ISOLATION_ENV = 'START_CONTAINER_ISOLATION'

/** The programs the `chroot` mode runs. */
export const CHROOT_PROGRAMS = [
  'unshare',
  'nsenter',
  'chroot',
  'setpriv',
  'mount',
  'sleep',
  'sh',
] as const

/** Whether the `chroot` isolation can run here, with the reason when it cannot. */
export type ChrootSupport =
  | { supported: true }
  | { supported: false; reason: string }

/**
 * Checks that `chroot` isolation can work on this machine: Linux, running as root, the
 * util-linux and coreutils programs it needs on `PATH`, and a mount namespace can be made.
 * Tests use it to skip with the printed reason.
 */
export function chrootIsolation(): ChrootSupport {
  if (process.platform !== 'linux') {
    return {
      supported: false,
      reason: `chroot isolation needs Linux (this is ${process.platform})`,
    }
  }
  if (process.getuid?.() !== 0) {
    return {
      supported: false,
      reason: 'chroot isolation needs root (mount namespaces, chroot, setpriv)',
    }
  }
  const missing = CHROOT_PROGRAMS.filter((name) => findProgram(name) === null)
  if (missing.length > 0) {
    return {
      supported: false,
      reason: `chroot isolation needs ${missing.join(', ')} on PATH (util-linux, coreutils)`,
    }
  }
  const probe = spawnSync(
    'unshare',
    ['--mount', '--propagation', 'private', 'true'],
    { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] },
  )
  if (probe.status !== 0) {
    return {
      supported: false,
      reason: `cannot create a mount namespace here (unshare --mount: ${probe.stderr.trim() || probe.error?.message || probe.status}); a container needs CAP_SYS_ADMIN`,
    }
  }
  return { supported: true }
}

/** Throws unless `isolation` is a known mode that works here; `where` names the caller. */
export function assertIsolation(isolation: unknown, where: string): Isolation {
  if (isolation !== 'none' && isolation !== 'chroot') {
    throw new SdkError(
      'SUBCONTAINER_INVALID',
      `${where}: isolation must be 'none' or 'chroot', got ${JSON.stringify(isolation)}; pass one of them`,
    )
  }
  if (isolation === 'chroot') {
    const support = chrootIsolation()
    if (!support.supported) {
      throw new SdkError(
        'SUBCONTAINER_INVALID',
        `${where}: isolation 'chroot' is unavailable: ${support.reason}; use isolation 'none' or skip the test (check chrootIsolation() first)`,
      )
    }
  }
  return isolation
}
