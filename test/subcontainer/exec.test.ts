import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import { ExitError, SubContainer } from '../../lib/subcontainer'
import type { SubContainerEager } from '../../lib/subcontainer'
import type { Lab, TestManifest } from './helpers'
import { lab, pidFrom, running, until } from './helpers'

let l: Lab
let sub: SubContainerEager<TestManifest>
before(async () => {
  l = await lab()
  sub = await SubContainer.eager<TestManifest>(
    l.effects('exec'),
    { imageId: 'main' },
    null,
    'exec',
  )
})
after(async () => {
  await sub.destroy()
  await l.close()
})

test('exec runs a real process with the image environment, workdir and user, plus the options', async () => {
  const r = await sub.exec(
    [
      'sh',
      '-c',
      'echo "$FROM_IMAGE $MINE $(basename "$PWD")"; echo warn >&2; cat',
    ],
    { env: { MINE: 'mine', SKIPPED: undefined }, input: 'from stdin' },
  )
  assert.equal(r.exitCode, 0)
  assert.equal(r.exitSignal, null)
  assert.equal(r.stdout, 'image-value mine app\nfrom stdin')
  assert.equal(r.stderr, 'warn\n')
  assert.deepEqual(r.throw(), { stdout: r.stdout, stderr: r.stderr })
  const args = l
    .launches()
    .find((a) => a.includes('MINE=mine') || a.includes('--env=MINE=mine'))
  assert.deepEqual(args?.slice(0, 6), [
    'subcontainer',
    'exec',
    `--env-file=${join(l.root, 'media/startos/images/main.env')}`,
    '--user=app',
    '--workdir=/app',
    '--env=MINE=mine',
  ])
  assert.equal(args?.[6], sub.rootfs)
  assert.ok(!args?.some((a) => a.includes('SKIPPED')))

  const other = await sub.exec(['sh', '-c', 'basename "$PWD"'], {
    cwd: '/',
    user: 'root',
  })
  assert.equal(
    other.stdout,
    `${sub.rootfs.split('/').at(-1)}\n`,
    'cwd overrides the image workdir',
  )
})

test('exec reports a non-zero exit; throw() and execFail raise ExitError with code and stderr', async () => {
  const r = await sub.exec([
    'sh',
    '-c',
    'echo out; echo "bad thing" >&2; exit 3',
  ])
  assert.equal(r.exitCode, 3)
  assert.equal(r.stdout, 'out\n')
  assert.throws(() => r.throw(), ExitError)
  const error = await sub
    .execFail(['sh', '-c', 'echo "bad thing" >&2; exit 3'])
    .then(
      () => assert.fail('execFail resolved'),
      (e: unknown) => e,
    )
  assert.ok(error instanceof ExitError)
  assert.ok(isSdkError(error), 'an SdkError across bundles')
  assert.equal(error.name, 'ExitError')
  assert.equal(error.command, 'sh -c "echo \\"bad thing\\" >&2; exit 3"')
  assert.equal(error.result.exitCode, 3)
  assert.equal(error.result.exitSignal, null)
  assert.equal(error.result.stderr, 'bad thing\n')
  assert.equal(
    error.message,
    'Command sh -c "echo \\"bad thing\\" >&2; exit 3" exited with code 3; stderr:\nbad thing',
  )
  const missing = await sub.exec(['definitely-not-a-program-xyz'])
  assert.equal(missing.exitCode, 127)
})

test('a timeout SIGKILLs the command and its process group', async () => {
  const started = Date.now()
  const pending = sub.exec(
    ['sh', '-c', 'echo $$ > timeout.pid; sleep 30 & echo $! > sleep.pid; wait'],
    {},
    1_500,
  )
  const shell = await pidFrom(sub.subpath('/app/timeout.pid'))
  const sleeper = await pidFrom(sub.subpath('/app/sleep.pid'))
  const r = await pending
  assert.ok(Date.now() - started < 15_000, 'did not wait for sleep')
  assert.equal(r.exitCode, null)
  assert.equal(r.exitSignal, 'SIGKILL')
  await until(
    () => !running(shell) && !running(sleeper),
    'the shell and its background sleep to be killed',
  )
  await assert.rejects(
    sub.execFail(['sleep', '30'], {}, 100),
    (e: unknown) =>
      e instanceof ExitError && / was killed by SIGKILL/.test(e.message),
  )
})

test('aborting SIGKILLs the command; an already aborted controller starts nothing', async () => {
  const abort = new AbortController()
  const pending = sub.exec(['sleep', '30'], {}, null, abort)
  setTimeout(() => abort.abort(), 100)
  const r = await pending
  assert.equal(r.exitSignal, 'SIGKILL')
  const launches = l.launches().length
  await assert.rejects(
    sub.exec(['sleep', '30'], {}, null, abort),
    (e: unknown) =>
      isSdkError(e, 'ABORTED') && /already aborted/.test(e.message),
  )
  assert.equal(l.launches().length, launches)
})

test('exec refuses a malformed command or environment, naming the field', async () => {
  await assert.rejects(
    sub.exec([]),
    /SubContainer.exec: expected `command` to be a non-empty array/,
  )
  await assert.rejects(
    sub.exec(['true'], { env: { 'A=B': 'x' } }),
    /expected `env` to be a map of variable names without "="/,
  )
})

test('writeFile writes inside the rootfs, creating folders; commands read it', async () => {
  await sub.writeFile('/app/conf/nested/app.conf', 'key=value\n')
  assert.equal(
    readFileSync(sub.subpath('/app/conf/nested/app.conf'), 'utf8'),
    'key=value\n',
  )
  assert.equal(
    (await sub.execFail(['cat', 'conf/nested/app.conf'])).stdout,
    'key=value\n',
  )
  await sub.writeFile('../../escape.txt', 'inside')
  assert.ok(
    existsSync(sub.subpath('/escape.txt')),
    '.. cannot leave the rootfs',
  )
})

test('spawn starts a real process that is killed, with its children, at destroy', async () => {
  const other = await SubContainer.eager<TestManifest>(
    l.effects(),
    { imageId: 'main' },
    null,
    'spawn',
  )
  const child = await other.spawn(
    ['sh', '-c', 'sleep 30 & echo $! > bg.pid; echo $$ > fg.pid; wait'],
    {
      stdio: 'ignore',
    },
  )
  const fg = await pidFrom(other.subpath('/app/fg.pid'))
  const bg = await pidFrom(other.subpath('/app/bg.pid'))
  assert.ok(
    running(fg) && running(bg) && child.pid !== undefined && running(child.pid),
  )
  await other.destroy()
  assert.equal(running(child.pid as number), false)
  await until(
    () => !running(fg) && !running(bg),
    'the spawned processes to die',
  )
  assert.equal(existsSync(other.rootfs), false)
})

test('launch replaces the leader with a command; destroy stops it', async () => {
  const other = await SubContainer.eager<TestManifest>(
    l.effects(),
    { imageId: 'main' },
    null,
    'launch',
  )
  const bare = l
    .launches()
    .find((a) => a.join(' ') === `subcontainer launch ${other.rootfs}`)
  assert.ok(bare, 'a bare leader was started')
  const leader = await other.launch(
    ['sh', '-c', 'echo $$ > init.pid; exec sleep 30'],
    { env: { X: '1' } },
  )
  assert.ok(leader.stdout !== null && leader.stdin !== null, 'stdio is piped')
  const init = await pidFrom(other.subpath('/app/init.pid'))
  assert.ok(running(init))
  const args = l.launches().find((a) => a.includes('--env=X=1'))
  assert.deepEqual(args?.slice(0, 2), ['subcontainer', 'launch'])
  assert.equal(
    (await other.exec(['true'])).exitCode,
    0,
    'commands still run next to it',
  )
  await other.destroy()
  await until(() => !running(init), 'the launched init to die')
  assert.equal(leader.exitCode !== null || leader.signalCode !== null, true)
})
