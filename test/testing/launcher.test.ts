import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { installLauncher } from '../../lib/testing'

let dir = ''
let launcher = ''
let rootfs = ''

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'start-container-'))
  launcher = installLauncher(join(dir, 'bin'))
  rootfs = join(dir, 'rootfs')
  mkdirSync(join(rootfs, 'data'), { recursive: true })
  writeFileSync(join(dir, 'image.env'), '# image env\nA=from-image\n\nB=x=y\n')
})

after(() => rmSync(dir, { recursive: true, force: true }))

const runSync = (...args: string[]) =>
  spawnSync(launcher, args, { encoding: 'utf8' })

test('subcontainer exec runs the command in the rootfs with the image and call environment', () => {
  const r = runSync(
    'subcontainer',
    'exec',
    `--env-file=${join(dir, 'image.env')}`,
    '--user=root',
    '--workdir=/data',
    '--env=C=from-call',
    rootfs,
    'sh',
    '-c',
    'echo "$A $B $C" > out.txt; exit 3',
  )
  assert.equal(r.status, 3, r.stderr)
  assert.equal(
    readFileSync(join(rootfs, 'data/out.txt'), 'utf8'),
    'from-image x=y from-call\n',
  )
})

test('a bare subcontainer launch marks the rootfs started and lives until killed', async () => {
  const leader = spawn(launcher, ['subcontainer', 'launch', rootfs], {
    stdio: 'ignore',
  })
  for (let i = 0; i < 100 && !existsSync(join(rootfs, 'proc/1')); i++) {
    await new Promise((r) => setTimeout(r, 20))
  }
  assert.ok(existsSync(join(rootfs, 'proc/1')))
  assert.equal(leader.exitCode, null)
  leader.kill('SIGKILL')
  await new Promise((r) => leader.on('exit', r))
})

test('subcontainer launch forwards SIGTERM to the daemon and exits with its code', async () => {
  const script =
    'trap "echo term > term.txt; exit 0" TERM; echo up > up.txt; while :; do sleep 0.05; done'
  const leader = spawn(
    launcher,
    ['subcontainer', 'launch', '--workdir=/data', rootfs, 'sh', '-c', script],
    {
      stdio: 'ignore',
    },
  )
  for (let i = 0; i < 200 && !existsSync(join(rootfs, 'data/up.txt')); i++) {
    await new Promise((r) => setTimeout(r, 20))
  }
  leader.kill('SIGTERM')
  const code = await new Promise((r) => leader.on('exit', r))
  assert.equal(code, 0)
  assert.equal(readFileSync(join(rootfs, 'data/term.txt'), 'utf8'), 'term\n')
})

test('bind-mount links the target to the source; bad usage fails with a clear message', () => {
  mkdirSync(join(dir, 'volume'), { recursive: true })
  const target = join(rootfs, 'mnt/volume')
  const r = runSync(
    'bind-mount',
    '--source',
    join(dir, 'volume'),
    '--target',
    target,
    '--recursive',
    '--idmap',
    '0:100000:65536',
  )
  assert.equal(r.status, 0, r.stderr)
  assert.equal(readlinkSync(target), join(dir, 'volume'))
  const bad = runSync('subcontainer', 'enter', rootfs)
  assert.equal(bad.status, 2)
  assert.match(
    bad.stderr,
    /supports "subcontainer launch", "subcontainer exec" and "bind-mount"/,
  )
  const noRoot = runSync('subcontainer', 'exec', '--user=root')
  assert.equal(noRoot.status, 2)
  assert.match(noRoot.stderr, /Expected the subcontainer root filesystem/)
})
