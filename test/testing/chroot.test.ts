import assert from 'node:assert/strict'
import {
  existsSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import { Mounts, SubContainer } from '../../lib/subcontainer'
import { installLauncher } from '../../lib/testing'
import { running } from '../subcontainer/helpers'
import type { TestManifest } from '../subcontainer/helpers'
import type { ChrootLab } from './chrootHelpers'
import {
  chrootLab,
  digest,
  holderOf,
  mountsUnder,
  skip,
  support,
} from './chrootHelpers'

const main = { imageId: 'main' as const }

/** Pids of processes in mount namespace `ns` (`mnt:[…]`). */
function inNamespace(ns: string): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readlinkSync(`/proc/${p}/ns/mnt`) === ns
      } catch {
        return false
      }
    })
    .map(Number)
}
let lab: ChrootLab
let root = ''
before(async () => {
  if (skip !== false) return
  lab = await chrootLab()
  root = lab.root
})
after(() => (skip === false ? lab.close() : undefined))

const volumeMounts = Mounts.of<TestManifest>()
  .mountVolume({
    volumeId: 'main',
    subpath: null,
    mountpoint: '/data',
    readonly: false,
  })
  .mountVolume({
    volumeId: 'main',
    subpath: 'conf',
    mountpoint: '/etc/svc',
    readonly: false,
  })

test('chrootIsolation reports support; a bad isolation is refused naming the option', () => {
  if (process.getuid?.() === 0 && process.platform === 'linux') {
    assert.deepEqual(support, { supported: true })
  } else {
    assert.equal(support.supported, false)
  }
  assert.throws(
    () =>
      installLauncher(join(tmpdir(), 'never'), { isolation: 'lxc' as never }),
    (e: unknown) =>
      isSdkError(e, 'SUBCONTAINER_INVALID') &&
      /installLauncher: isolation must be 'none' or 'chroot', got "lxc"/.test(
        e.message,
      ),
  )
})

test(
  'a chroot subcontainer runs as the user, sees its volume and the host /usr, and nothing else',
  { skip },
  async () => {
    const usr = digest('/usr/bin')
    const passwd = readFileSync('/etc/passwd', 'utf8')
    const hostMarker = join(tmpdir(), `chroot-marker-${process.pid}`)
    writeFileSync(hostMarker, 'host only')
    let rootfs = ''
    let holder = 0
    let namespace = ''
    try {
      await SubContainer.withTemp(
        lab.effects(),
        main,
        volumeMounts,
        'iso',
        async (sc) => {
          rootfs = sc.rootfs
          holder = holderOf(rootfs)?.pid ?? 0
          assert.ok(running(holder), 'the namespace holder runs')
          namespace = readlinkSync(`/proc/${holder}/ns/mnt`)
          assert.ok(
            mountsUnder(rootfs, holder).includes(join(rootfs, 'data')),
            'the volume is a real mount inside the namespace',
          )
          assert.deepEqual(mountsUnder(rootfs), [], 'and invisible on the host')

          const who = async (user: string) =>
            (await sc.execFail(['id', '-un'], { user })).stdout
              .toString()
              .trim()
          assert.equal(await who('nobody'), 'nobody')
          assert.equal(await who('postgres'), 'postgres')
          assert.equal(await who('root'), 'root')
          const ids = await sc.execFail(
            ['sh', '-c', 'echo $(id -u):$(id -g) $HOME'],
            {
              user: 'nobody',
            },
          )
          assert.equal(ids.stdout.toString().trim(), '65534:65534 /nonexistent')

          const here = await sc.execFail(
            ['sh', '-c', 'pwd; cat hello.txt; echo $FROM_IMAGE $CALL'],
            {
              env: { CALL: 'call-value' },
            },
          )
          assert.equal(
            here.stdout.toString(),
            '/app\nhello from the image\nimage-value call-value\n',
          )

          await sc.execFail(['sh', '-c', 'echo inside > /data/written.txt'])
          await sc.execFail(['sh', '-c', 'echo c > /etc/svc/c.txt'])
          await sc.execFail(['sh', '-c', 'echo c > /etc/svc/c.txt'])
          const volume = join(root, 'media/startos/volumes/main')
          assert.equal(
            readFileSync(join(volume, 'written.txt'), 'utf8'),
            'inside\n',
          )
          assert.equal(readFileSync(join(volume, 'conf/c.txt'), 'utf8'), 'c\n')
          assert.ok(
            !existsSync(join(rootfs, 'data/written.txt')),
            'the write went to the volume, not the rootfs folder',
          )

          const sees = await sc.exec([
            'sh',
            '-c',
            [
              'test -x /usr/bin/env && echo usr',
              'touch /usr/bin/chroot-write /etc/chroot-write && echo usr-etc-writable',
              'cat /etc/app.conf; grep -c ^postgres: /etc/passwd',
              'echo t > /tmp/t && echo r > /run/r && echo tmp-run-writable',
              `test -e ${hostMarker} || echo fresh-tmp`,
              `test -e ${root} || echo no-sim-root`,
              'test -e /media/startos || echo no-startos',
              'test -L /var/run && echo var-run-link',
              'test -e /proc/self/status && echo proc',
              'test -c /dev/null && echo dev',
            ].join('; '),
          ])
          assert.equal(sees.exitCode, 0, sees.stderr.toString())
          assert.deepEqual(sees.stdout.toString().trim().split('\n'), [
            'usr',
            'usr-etc-writable',
            'from the image etc',
            '1',
            'tmp-run-writable',
            'fresh-tmp',
            'no-sim-root',
            'no-startos',
            'var-run-link',
            'proc',
            'dev',
          ])
          const tmpAsNobody = await sc.exec(
            ['sh', '-c', 'echo x > /tmp/n && cat /tmp/n'],
            {
              user: 'nobody',
            },
          )
          assert.equal(tmpAsNobody.stdout.toString(), 'x\n')
          const denied = await sc.exec(['sh', '-c', 'echo x > /data/n'], {
            user: 'nobody',
          })
          assert.notEqual(
            denied.exitCode,
            0,
            'nobody cannot write root-owned /data',
          )

          const failed = await sc.exec(['sh', '-c', 'exit 7'])
          assert.equal(failed.exitCode, 7)
        },
      )
    } finally {
      rmSync(hostMarker, { force: true })
    }
    assert.equal(existsSync(rootfs), false, 'destroy-fs removed the rootfs')
    assert.equal(running(holder), false, 'no leader remains')
    assert.deepEqual(inNamespace(namespace), [], 'no process is left in it')
    assert.equal(holderOf(rootfs), null, 'its record is gone')
    assert.deepEqual(mountsUnder(root), [], 'nothing mounted on the host')
    assert.equal(digest('/usr/bin'), usr, 'host /usr/bin untouched')
    assert.ok(!existsSync('/usr/bin/chroot-write'), 'nor host /usr')
    assert.ok(!existsSync('/etc/chroot-write'), 'nor host /etc')
    assert.ok(
      !existsSync('/usr/bin/chroot-write') && !existsSync('/etc/chroot-write'),
    )
    assert.equal(
      readFileSync('/etc/passwd', 'utf8'),
      passwd,
      'host /etc untouched',
    )
    assert.ok(existsSync('/usr/bin/env'))
    assert.ok(
      readFileSync(
        join(root, 'media/startos/volumes/main/written.txt'),
        'utf8',
      ),
      'the volume keeps what was written',
    )
  },
)

test(
  'real servers run as their own user: postgres and mariadbd report their versions',
  { skip },
  async (t) => {
    await SubContainer.withTemp(
      lab.effects(),
      main,
      null,
      'servers',
      async (sc) => {
        const pg = await sc.exec(['sh', '-c', 'id -un; postgres --version'], {
          user: 'postgres',
        })
        if (pg.exitCode === 127) {
          t.diagnostic('postgres is not installed here')
        } else {
          assert.equal(pg.exitCode, 0, pg.stderr.toString())
          assert.match(
            pg.stdout.toString(),
            /^postgres\npostgres \(PostgreSQL\) \d+/,
          )
        }
        const maria = await sc.exec(
          ['sh', '-c', 'id -un; mariadbd --version'],
          {
            user: 'mysql',
          },
        )
        if (maria.exitCode === 127) {
          t.diagnostic('mariadbd is not installed here')
        } else {
          assert.equal(maria.exitCode, 0, maria.stderr.toString())
          assert.match(maria.stdout.toString(), /^mysql\n.*MariaDB/)
        }
      },
    )
  },
)
