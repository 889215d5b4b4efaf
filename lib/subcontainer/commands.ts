/// <reference types="node" />
import type {
  ChildProcess,
  ChildProcessWithoutNullStreams,
} from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { runArgs } from './cli'
import type { ImageDefaults } from './cli'
import type { Core } from './core'
import { assertUsable, track, who } from './core'
import { ExitError } from './ExitError'
import { startLeader } from './materialize'
import { inside } from './mounting'
import {
  abortedError,
  commandText,
  destroyedError,
  failedError,
} from './problems'
import { signalGroup, spawnGroup, stopGroups } from './processes'
import type {
  CommandOptions,
  ExecOptions,
  ExecResult,
  StdioOptions,
  WriteFileData,
  WriteFileOptions,
} from './types'

/** The default `timeoutMs` of `exec` and `execFail`. */
export const DEFAULT_EXEC_TIMEOUT_MS = 30_000

/** How long the process `launch` replaces gets between SIGTERM and SIGKILL. */
const REPLACE_GRACE_MS = 30_000

/** Waits for the leader, then checks the subcontainer is still usable; returns its paths. */
async function readyFor(
  core: Core,
  what: string,
): Promise<{ rootfs: string; image: ImageDefaults }> {
  assertUsable(core, what)
  let ready = core.ready
  await ready
  while (ready !== core.ready) {
    ready = core.ready
    await ready
  }
  assertUsable(core, what)
  if (core.rootfs === null || core.image === null) {
    throw destroyedError(who(core), what)
  }
  return { rootfs: core.rootfs, image: core.image }
}

/** Builds the result of a finished command, with its `throw()`. */
function resultOf(
  command: string,
  exitCode: number | null,
  exitSignal: NodeJS.Signals | null,
  stdout: string,
  stderr: string,
): ExecResult {
  const result: ExecResult = {
    exitCode,
    exitSignal,
    stdout,
    stderr,
    throw: () => {
      if (exitCode === 0) return { stdout, stderr }
      throw new ExitError(command, { exitCode, exitSignal, stdout, stderr })
    },
  }
  return result
}

/** `exec`: runs to the end; a timeout or abort SIGKILLs the command's process group. */
export async function execIn(
  core: Core,
  command: string[],
  options: CommandOptions & ExecOptions = {},
  timeoutMs: number | null = DEFAULT_EXEC_TIMEOUT_MS,
  abort?: AbortController,
): Promise<ExecResult> {
  const text = commandText(command ?? [])
  const { rootfs, image } = await readyFor(core, `run ${text}`)
  const args = runArgs('exec', rootfs, image, command, options)
  if (abort?.signal.aborted) throw abortedError(who(core), text)
  const child = track(core, spawnIn(core, args, 'pipe'))
  const out: Buffer[] = []
  const err: Buffer[] = []
  child.stdout?.on('data', (chunk: Buffer) => out.push(chunk))
  child.stderr?.on('data', (chunk: Buffer) => err.push(chunk))
  child.stdin?.on('error', () => undefined)
  child.stdin?.end(options.input)
  const kill = (): void => signalGroup(child, 'SIGKILL')
  const timer =
    timeoutMs === null ? null : setTimeout(kill, Math.max(0, timeoutMs))
  abort?.signal.addEventListener('abort', kill, { once: true })
  try {
    const [code, signal] = await new Promise<
      [number | null, NodeJS.Signals | null]
    >((resolve, reject) => {
      child.once('error', (error) =>
        reject(
          failedError(
            who(core),
            `run ${text}`,
            error,
            'start-container must be on PATH',
          ),
        ),
      )
      child.once('close', (exit, sig) => resolve([exit, sig]))
    })
    const stdout = Buffer.concat(out).toString('utf8')
    const stderr = Buffer.concat(err).toString('utf8')
    return resultOf(text, code, signal, stdout, stderr)
  } finally {
    if (timer !== null) clearTimeout(timer)
    abort?.signal.removeEventListener('abort', kill)
  }
}

/** Spawns `start-container <args>` for `core`, refusing once its teardown began. */
function spawnIn(
  core: Core,
  args: readonly string[],
  stdio: NonNullable<StdioOptions['stdio']>,
): ChildProcess {
  assertUsable(core, 'start a command')
  return spawnGroup(args, stdio)
}

/** `spawn`: starts a command next to the leader; it is killed at teardown if still running. */
export async function spawnCommand(
  core: Core,
  command: string[],
  options: CommandOptions & StdioOptions = {},
): Promise<ChildProcess> {
  const { rootfs, image } = await readyFor(
    core,
    `spawn ${commandText(command ?? [])}`,
  )
  const args = runArgs('exec', rootfs, image, command, options)
  return track(core, spawnIn(core, args, options.stdio ?? 'inherit'))
}

/** `launch`: stops the current leader and makes the command the subcontainer's init. */
export async function launchCommand(
  core: Core,
  command: string[],
  options: CommandOptions = {},
): Promise<ChildProcessWithoutNullStreams> {
  const text = commandText(command ?? [])
  const { rootfs, image } = await readyFor(core, `launch ${text}`)
  const args = runArgs('launch', rootfs, image, command, options)
  const previous = core.leader
  core.leader = null
  let replaced: () => void = () => undefined
  core.ready = new Promise((resolve) => (replaced = resolve))
  let leader: ChildProcess
  try {
    if (previous !== null) await stopGroups([previous], REPLACE_GRACE_MS)
    leader = startLeader(core, args, 'pipe', false)
  } finally {
    replaced()
  }
  await core.ready
  return leader as ChildProcessWithoutNullStreams
}

/** `writeFile`: writes inside the root filesystem, creating missing folders. */
export async function writeFileIn(
  core: Core,
  path: string,
  data: WriteFileData,
  options?: WriteFileOptions,
): Promise<void> {
  const { rootfs } = await readyFor(core, `write ${path}`)
  const target = inside(rootfs, path)
  await mkdir(dirname(target), { recursive: true })
  assertUsable(core, `write ${path}`)
  await writeFile(target, data, options)
}
