/// <reference types="node" />
import type {
  ChildProcess,
  ChildProcessWithoutNullStreams,
} from 'node:child_process'
import type { IOType } from 'node:child_process'
import type { writeFile } from 'node:fs/promises'
import type { Effects } from '../effects'
import type { Guid, ImageId, SDKManifest } from '../types'
import type { Mounts } from './Mounts'

/** Environment, working directory and user of one command. */
export type CommandOptions = {
  /** Variables added to the image's environment; `undefined` values are left out. */
  env?: {
    [variable in string]?: string
  }
  /** The working directory inside the subcontainer (default: the image's, else `/`). */
  cwd?: string
  /** The user to run as (default: the image's, else `root`). */
  user?: string
}

/** Extra options of `exec`: what to write to the command's standard input. */
export type ExecOptions = {
  input?: string | Buffer
}

/** Extra options of `spawn`: how the process's standard streams are wired (default `inherit`). */
export type StdioOptions = {
  stdio?: IOType
}

/** The image a subcontainer starts from; `sharedRun` also binds the container's `/run`. */
export type SubContainerImage<TManifest extends SDKManifest> = {
  imageId: keyof TManifest['images'] & ImageId
  sharedRun?: boolean
}

/** What a finished command printed. */
export type ExecOutput = {
  stdout: string | Buffer
  stderr: string | Buffer
}

/** How a command ended; `throw()` returns the output, or throws `ExitError` unless it exited 0. */
export type ExecResult = {
  throw: () => ExecOutput
  exitCode: number | null
  exitSignal: NodeJS.Signals | null
  stdout: string | Buffer
  stderr: string | Buffer
}

/** The data `writeFile` accepts (as `node:fs/promises` `writeFile` does). */
export type WriteFileData =
  | string
  | NodeJS.ArrayBufferView
  | Iterable<string | NodeJS.ArrayBufferView>
  | AsyncIterable<string | NodeJS.ArrayBufferView>

/** The options `writeFile` accepts (those of `node:fs/promises` `writeFile`). */
export type WriteFileOptions = Parameters<typeof writeFile>[2]

/**
 * A root filesystem made from one image, where commands run as real processes through
 * `start-container`. Two classes implement it: `SubContainerEager` (created at once; `rootfs`,
 * `guid` and `subpath()` are plain values) and `SubContainerLazy` (created on first use; those
 * three are promises). Code that holds this interface awaits them, which works for both.
 *
 * Several consumers may share one subcontainer: each takes a `hold()` and calls the returned
 * release when done. It is torn down once `destroy()` has been called and no hold is left,
 * whichever comes last, or when the effects context that created it leaves (unless
 * `detach()`ed).
 */
export interface SubContainer<
  TManifest extends SDKManifest,
  TEffects extends Effects = Effects,
> {
  /** The image it starts from. */
  readonly imageId: keyof TManifest['images'] & ImageId
  /** Stays the same when a lazy subcontainer materializes: compare these to tell if two are one. */
  readonly identity: symbol
  /** The absolute path of its root filesystem (a promise on a lazy subcontainer). */
  readonly rootfs: string | Promise<string>
  /** The host's id for it (a promise on a lazy subcontainer). */
  readonly guid: Guid | Promise<Guid>
  /** The absolute path of `path` inside the root filesystem (a promise on a lazy subcontainer). */
  subpath(path: string): string | Promise<string>
  /** Binds more volumes, assets or dependency volumes into it. */
  mount(mounts: Mounts<TManifest>): Promise<this>
  /** Keeps it alive until the returned release is called, even past `destroy()`. */
  hold(): () => Promise<void>
  /** Tears it down now, or when the last hold is released. Idempotent. */
  destroy(): Promise<void>
  /** Stops the creating context's exit from tearing it down; the caller must `destroy()` it. */
  detach(): void
  /** Runs a command to its end; a non-zero exit is reported in the result, not thrown. */
  exec(
    command: string[],
    options?: CommandOptions & ExecOptions,
    timeoutMs?: number | null,
    abort?: AbortController,
  ): Promise<ExecResult>
  /** Runs a command to its end and throws `ExitError` unless it exits 0. */
  execFail(
    command: string[],
    options?: CommandOptions & ExecOptions,
    timeoutMs?: number | null,
    abort?: AbortController,
  ): Promise<ExecOutput>
  /** Replaces the subcontainer's leader (its init process) with a command. */
  launch(
    command: string[],
    options?: CommandOptions,
  ): Promise<ChildProcessWithoutNullStreams>
  /** Starts a command next to the leader and returns its process. */
  spawn(
    command: string[],
    options?: CommandOptions & StdioOptions,
  ): Promise<ChildProcess>
  /** Writes a file inside the root filesystem, creating missing folders. */
  writeFile(
    path: string,
    data: WriteFileData,
    options?: WriteFileOptions,
  ): Promise<void>
}
