import {
  existsSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import type { Effects } from '../../lib/effects'
import { Mounts, SubContainer } from '../../lib/subcontainer'
import { chrootIsolation } from '../../lib/testing'
import type { BackupLab, BackupManifest } from './helpers'
import { backupLab } from './helpers'

/** Why the database tests cannot run here, or `false` when they can. */
export function dbSkipReason(programs: readonly string[]): string | false {
  const support = chrootIsolation()
  if (!support.supported)
    return `chroot isolation unavailable: ${support.reason}`
  const missing = programs.filter((p) => !existsSync(p))
  return missing.length === 0 ? false : `not installed: ${missing.join(', ')}`
}

/** The fake-tool modes: `real` runs the real tool, `empty` writes an empty dump, `truncated` cuts it short. */
export type ToolMode = 'real' | 'empty' | 'truncated'

export interface DbLab extends BackupLab {
  /** Sets what the wrapped dump tool does in subcontainers created from now on. */
  toolMode(mode: ToolMode): void
  /** Runs `script` with `sh -c` as `user` in a temp subcontainer of image `db`, volume `db` at `mountpoint`. */
  sh(mountpoint: string, user: string, script: string): Promise<string>
  /** Processes still chrooted into anything below the lab's root. */
  leftovers(): number[]
  /** Empties volume `db` on the host. */
  wipeDb(): void
}

/**
 * A chroot-isolated lab with image `db`: the host's system, PATH starting with `/opt/fake`
 * (a wrapper for `tool` at `realTool`) and then `extraPath`.
 */
export async function dbLab(
  tool: string,
  realTool: string,
  outputFlag: string,
  extraPath = '',
): Promise<DbLab> {
  const lab = await backupLab('chroot')
  const image = join(lab.root, 'image-db')
  const fake = join(image, 'opt/fake')
  mkdirSync(fake, { recursive: true })
  writeFileSync(join(fake, 'mode'), 'real\n')
  // finds the output file after `outputFlag` (`-f F` or `--result-file=F`)
  writeFileSync(
    join(fake, tool),
    `#!/bin/sh
mode=$(cat /opt/fake/mode)
out=''; prev=''
for a in "$@"; do
  case "$a" in ${outputFlag}=*) out="\${a#*=}";; esac
  [ "$prev" = "${outputFlag}" ] && out="$a"
  prev="$a"
done
case "$mode" in
  empty) : > "$out"; exit 0;;
  truncated) ${realTool} "$@" || exit $?; size=$(wc -c < "$out"); truncate -s $((size - 60)) "$out"; exit 0;;
  *) exec ${realTool} "$@";;
esac
`,
    { mode: 0o755 },
  )
  lab.sim.addImage('db', image)
  const images = join(lab.root, 'media/startos/images')
  mkdirSync(images, { recursive: true })
  writeFileSync(
    join(images, 'db.env'),
    `PATH=/opt/fake:${extraPath}/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n`,
  )
  writeFileSync(
    join(images, 'db.json'),
    JSON.stringify({ workdir: '/', user: 'root' }),
  )
  mkdirSync(lab.volume('db'), { recursive: true })
  const effects: Effects = lab.effects()
  return {
    ...lab,
    toolMode: (mode) => writeFileSync(join(fake, 'mode'), `${mode}\n`),
    async sh(mountpoint, user, script) {
      const mounts = Mounts.of<BackupManifest>().mountVolume({
        volumeId: 'db',
        subpath: null,
        mountpoint,
        readonly: false,
      })
      return SubContainer.withTemp(
        effects,
        { imageId: 'db' },
        mounts,
        'test-sh',
        async (sub) => {
          await sub.execFail(['chown', '-R', `${user}:`, mountpoint], {
            user: 'root',
          })
          const out = await sub.execFail(
            ['sh', '-ec', script],
            { user },
            60_000,
          )
          return String(out.stdout)
        },
      )
    },
    leftovers() {
      const out: number[] = []
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue
        try {
          if (readlinkSync(`/proc/${entry}/root`).startsWith(lab.root))
            out.push(Number(entry))
        } catch {
          // gone, or not ours to read
        }
      }
      return out
    },
    wipeDb() {
      rmSync(lab.volume('db'), { recursive: true, force: true })
      mkdirSync(lab.volume('db'))
    },
  }
}

/** Polls until no process is chrooted into the lab (teardown is asynchronous), up to `ms`. */
export async function settled(lab: DbLab, ms = 5_000): Promise<number[]> {
  const deadline = Date.now() + ms
  for (;;) {
    const left = lab.leftovers()
    if (left.length === 0 || Date.now() > deadline) return left
    await new Promise((r) => setTimeout(r, 50))
  }
}
