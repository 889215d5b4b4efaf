/// <reference types="node" />
import { mkdir } from 'node:fs/promises'
import { posix } from 'node:path'
import { startosPaths } from '../paths'
import { failed, tail } from './problems'

/**
 * Binds the backup target (`/media/startos/backup`) into a subcontainer's root filesystem
 * `rootfs` at `containerPath` (default `/backup-target`), through `start-container bind-mount`.
 */
export async function mountBackupTarget(
  rootfs: string,
  containerPath: string = '/backup-target',
): Promise<void> {
  const { spawn } = await import('node:child_process')
  const source = startosPaths().backup
  const target = posix.join(rootfs, posix.resolve('/', containerPath))
  await mkdir(source, { recursive: true })
  await mkdir(target, { recursive: true })
  const args = [
    'bind-mount',
    '--source',
    source,
    '--target',
    target,
    '--recursive',
  ]
  const child = spawn('start-container', args, {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (text: string) => (stderr += text))
  const code = await new Promise<number | string>((resolve) => {
    child.once('error', (error) => resolve(error.message))
    child.once('close', (exit, signal) => resolve(exit ?? String(signal)))
  })
  if (code !== 0) {
    throw failed(
      `Mounting the backup target at ${containerPath}`,
      `start-container ${typeof code === 'number' ? `exited with code ${code}` : code}${
        tail(stderr) === '' ? '' : `: ${tail(stderr)}`
      }; check that start-container is on PATH and the subcontainer exists`,
      { source, target },
    )
  }
}
