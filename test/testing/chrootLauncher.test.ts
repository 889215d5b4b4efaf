import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { ChrootLab } from './chrootHelpers'
import {
  chrootLab,
  forgetRootfs,
  holderOf,
  leaderOn,
  mountLogOf,
  mountsUnder,
  skip,
  stop,
} from './chrootHelpers'

let lab: ChrootLab
let root = ''
let launcher = ''
let sim: ChrootLab['sim']
before(async () => {
  if (skip !== false) return
  lab = await chrootLab()
  ;({ root, launcher, sim } = lab)
})
after(() => (skip === false ? lab.close() : undefined))

test(
  'bind-mount follows symlinks inside the rootfs, never onto the host, and replaces nothing',
  { skip },
  async () => {
    const dir = mkdtempSync(join(root, 'raw-'))
    const rootfs = join(dir, 'rootfs')
    const source = join(dir, 'source')
    const hostTarget = mkdtempSync(join(tmpdir(), 'chroot-escape-'))
    mkdirSync(join(rootfs, 'etc-file'), { recursive: true })
    writeFileSync(join(rootfs, 'plain.txt'), 'keep me')
    mkdirSync(source)
    writeFileSync(join(source, 'in-source.txt'), 'from the source')
    // An absolute link that would leave the rootfs if followed on the host.
    symlinkSync(hostTarget, join(rootfs, 'escape'))
    const leader = await leaderOn(launcher, rootfs)
    try {
      const bound = lab.run(
        'bind-mount',
        '--source',
        source,
        '--target',
        join(rootfs, 'escape'),
        '--recursive',
      )
      assert.equal(bound.status, 0, bound.stderr)
      assert.deepEqual(
        mountsUnder(hostTarget),
        [],
        'the host folder is not a mountpoint',
      )
      assert.deepEqual(
        readdirSync(hostTarget),
        [],
        'and nothing was made in it',
      )
      const seen = lab.run(
        'subcontainer',
        'exec',
        rootfs,
        'cat',
        `${hostTarget}/in-source.txt`,
      )
      assert.equal(seen.stdout, 'from the source', seen.stderr)

      const refused = lab.run(
        'bind-mount',
        '--source',
        source,
        '--target',
        join(rootfs, 'plain.txt'),
      )
      assert.equal(refused.status, 2)
      assert.match(
        refused.stderr,
        /plain\.txt exists in the subcontainer and is not a directory/,
      )
      assert.equal(readFileSync(join(rootfs, 'plain.txt'), 'utf8'), 'keep me')

      const noLeader = lab.run(
        'bind-mount',
        '--source',
        source,
        '--target',
        join(dir, 'elsewhere'),
      )
      assert.equal(noLeader.status, 2)
      assert.match(noLeader.stderr, /no running subcontainer holds .*elsewhere/)

      const stranger = lab.run(
        'subcontainer',
        'exec',
        '--user=no-such-user',
        rootfs,
        'true',
      )
      assert.equal(stranger.status, 2)
      assert.match(
        stranger.stderr,
        /user "no-such-user" is not in the subcontainer's \/etc\/passwd; pass an existing user name or a numeric uid/,
      )
    } finally {
      await stop(leader)
      rmSync(hostTarget, { recursive: true, force: true })
      forgetRootfs(rootfs)
    }
    assert.deepEqual(
      readdirSync(source),
      ['in-source.txt'],
      'the source is intact',
    )
  },
)

test(
  'a leader with a command gets the earlier bind mounts again, and SIGTERM reaches it',
  { skip },
  async () => {
    const dir = mkdtempSync(join(root, 'init-'))
    const rootfs = join(dir, 'rootfs')
    const source = join(dir, 'volume')
    mkdirSync(rootfs, { recursive: true })
    mkdirSync(source, { mode: 0o777 })
    chmodSync(source, 0o777)
    writeFileSync(join(source, 'v.txt'), 'volume content')
    const bare = await leaderOn(launcher, rootfs)
    assert.equal(
      lab.run('bind-mount', '--source', source, '--target', join(rootfs, 'vol'))
        .status,
      0,
    )
    await stop(bare)
    assert.equal(holderOf(rootfs), null, 'the first namespace is gone')

    const script =
      'trap "echo term-$(id -un) > /vol/term.txt; exit 3" TERM; cat /vol/v.txt > /vol/copy.txt; while :; do sleep 0.05; done'
    const init = spawn(
      launcher,
      ['subcontainer', 'launch', '--user=nobody', rootfs, 'sh', '-c', script],
      { stdio: 'ignore' },
    )
    for (let i = 0; i < 500 && !existsSync(join(source, 'copy.txt')); i++) {
      await new Promise((r) => setTimeout(r, 10))
    }
    const exited = new Promise<number | null>((r) => init.once('exit', r))
    init.kill('SIGTERM')
    assert.equal(await exited, 3)
    assert.equal(
      readFileSync(join(source, 'copy.txt'), 'utf8'),
      'volume content',
    )
    assert.equal(
      readFileSync(join(source, 'term.txt'), 'utf8'),
      'term-nobody\n',
    )
    assert.equal(holderOf(rootfs), null, 'its namespace ended with it')

    // Without destroy-fs, the mount log stays for replays until its rootfs is gone.
    assert.ok(existsSync(mountLogOf(rootfs)))
    rmSync(dir, { recursive: true })
    const other = join(root, 'other-rootfs')
    mkdirSync(other)
    await stop(await leaderOn(launcher, other))
    assert.equal(existsSync(mountLogOf(rootfs)), false, 'swept')
    forgetRootfs(other)
  },
)

test(
  'destroy-fs refuses to delete a rootfs with a host mount inside, and deletes nothing',
  { skip },
  async () => {
    const [path, guid] = (await sim.call('subcontainer.create-fs', {
      imageId: 'main',
      name: null,
    })) as [string, string]
    const mnt = join(path, 'app')
    assert.equal(spawnSync('mount', ['-t', 'tmpfs', 'tmpfs', mnt]).status, 0)
    writeFileSync(join(mnt, 'precious'), 'x')
    try {
      await assert.rejects(
        sim.call('subcontainer.destroy-fs', { guid }),
        (e: { data?: { details?: string } }) =>
          /refusing to delete .*app is mounted inside it on the host; unmount it first/.test(
            e.data?.details ?? '',
          ),
      )
      assert.equal(readFileSync(join(mnt, 'precious'), 'utf8'), 'x')
    } finally {
      spawnSync('umount', [mnt])
    }
    await sim.call('subcontainer.destroy-fs', { guid })
    assert.equal(existsSync(path), false)
  },
)
