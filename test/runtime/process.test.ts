import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { FakeHost } from './fakeHost'
import { Client, sleep, tempDir } from './helpers'

const EVENT = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const MAIN = join(__dirname, '..', '..', 'lib', 'runtime', 'main.js')

/** A plain CommonJS package bundle that calls a few effects from each export. */
const BUNDLE = `
exports.manifest = { id: 'e2e' }
exports.init = async ({ effects, kind }) => {
  await effects.setDataVersion({ version: 'init:' + kind })
  await effects.getStatus({
    callback: (...args) =>
      effects.notification.create({ level: 'info', title: 'cb', message: JSON.stringify(args) }),
  })
}
exports.main = async ({ effects }) => {
  effects.onLeaveContext(() => { effects.setMainStatus({ status: 'stopped' }) })
  return {
    build: async () => {
      await effects.setHealth({ id: 'main', name: 'Main', result: 'success', message: null })
      return { term: async () => { await effects.clearBindings({ except: [] }) } }
    },
  }
}
exports.createBackup = async ({ effects }) => {
  await effects.setBackupProgress({ progress: true })
}
exports.actions = {
  get: (id) => id !== 'greet' ? undefined : {
    getInput: async ({ effects, prefill }) => ({ eventId: effects.eventId, spec: {}, value: prefill }),
    run: async ({ effects, input }) => {
      await effects.action.clear({ except: [] })
      return { version: '1', title: 'Hello', message: 'hello ' + input.name, result: null }
    },
  },
}
exports.uninit = async ({ effects, target }) => {
  await effects.setDataVersion({ version: 'uninit:' + String(target) })
}
`

test('the runtime process serves init → start → actions → callback → stop → exit', async () => {
  const { dir, cleanup } = tempDir()
  const host = await FakeHost.start(join(dir, 'host.sock'))
  const entry = join(dir, 'index.js')
  writeFileSync(entry, BUNDLE)
  const child = spawn(
    process.execPath,
    [MAIN, '--rpc-dir', dir, '--package', entry],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, STARTOS_ENVIRONMENT: 'prod' },
    },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk))
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => resolve(code)),
  )
  const socket = join(dir, 'service.sock')
  try {
    for (let i = 0; i < 200 && !/Listening on/.test(output); i++) {
      await sleep(20)
    }
    assert.match(output, new RegExp(`INFO Listening on ${socket}`))
    assert.equal(statSync(socket).mode & 0o777, 0o660)
    const client = await Client.open(socket)
    let next = 0
    const call = async (method: string, params: unknown = {}) => {
      const id = next++
      client.send({ id, method, params })
      const replies = await client.waitFor(id + 1)
      const reply = replies.find((r) => r.id === id)
      assert.ok(reply, `no reply to ${method}`)
      return reply
    }

    assert.equal(
      (await call('start')).error?.data?.details,
      'System not initialized',
    )
    assert.deepEqual(await call('init', { id: EVENT, kind: 'install' }), {
      jsonrpc: '2.0',
      id: 1,
      result: null,
    })
    assert.deepEqual(host.of('set-data-version')[0].raw.params, {
      version: 'init:install',
      eventId: EVENT,
    })
    assert.deepEqual(host.of('get-status')[0].params, {
      callback: 1,
      eventId: EVENT,
    })

    assert.equal((await call('start')).result, null)
    assert.deepEqual(host.of('set-health')[0].params, {
      id: 'main',
      name: 'Main',
      result: 'success',
      message: null,
    })

    const procedure = (p: string, input: unknown) =>
      call('execute', { id: EVENT, procedure: p, input, timeout: 30000 })
    const input = await procedure('/actions/greet/getInput', { prefill: null })
    assert.deepEqual(input.result, { eventId: EVENT, spec: {}, value: null })
    const ran = await procedure('/actions/greet/run', { input: { name: 'x' } })
    assert.deepEqual(ran.result, {
      version: '1',
      title: 'Hello',
      message: 'hello x',
      result: null,
    })
    assert.deepEqual(host.of('action.clear')[0].params, {
      except: [],
      eventId: EVENT,
    })
    const missing = await procedure('/actions/nope/run', { input: {} })
    assert.equal(missing.error?.message, 'Action nope not found')
    assert.equal((await procedure('/backup/create', null)).result, null)
    assert.equal(host.of('set-backup-progress').length, 1)

    client.send({ method: 'callback', params: { id: 1, args: [{ x: 1 }] } })
    await host.waitUntil((calls) =>
      calls.some((c) => c.method === 'notification.create'),
    )
    assert.deepEqual(host.of('notification.create')[0].params, {
      level: 'info',
      title: 'cb',
      message: '[{"x":1}]',
      eventId: EVENT,
    })
    client.send({ method: 'callback', params: { id: 1, args: [{ x: 2 }] } })

    assert.equal((await call('stop')).result, null)
    await host.waitUntil((calls) =>
      calls.some((c) => c.method === 'set-main-status'),
    )
    assert.equal(host.of('clear-bindings').length, 1)
    assert.equal(host.of('notification.create').length, 1, 'one-shot')

    await call('start')
    const bye = await call('exit', { id: EVENT, target: '1.0.0:0' })
    assert.deepEqual(bye, { jsonrpc: '2.0', id: bye.id, result: null })
    assert.equal(await exited, 0)
    assert.equal(host.of('clear-bindings').length, 2, 'exit terms main')
    assert.equal(host.of('set-main-status').length, 1, 'exit keeps context')
    assert.equal(
      host.of('set-data-version')[1].params.version,
      'uninit:1.0.0:0',
    )
    assert.ok(host.calls.every((c) => !('jsonrpc' in c.raw)))
    assert.doesNotMatch(output, /ERROR|Unhandled/)
    client.close()
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL')
    await host.close()
    cleanup()
  }
  assert.equal(existsSync(dir), false)
})

test('signals are logged, not fatal; bad arguments exit 1', async () => {
  const { dir, cleanup } = tempDir()
  const child = spawn(process.execPath, [MAIN, '--rpc-dir', dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let output = ''
  child.stderr.on('data', (chunk: Buffer) => (output += chunk))
  try {
    for (let i = 0; i < 200 && !/Listening on/.test(output); i++) {
      await sleep(20)
    }
    child.kill('SIGTERM')
    for (let i = 0; i < 100 && !/Caught SIGTERM/.test(output); i++) {
      await sleep(20)
    }
    assert.match(output, /INFO Caught SIGTERM/)
    assert.equal(child.exitCode, null)
  } finally {
    child.kill('SIGKILL')
    cleanup()
  }
  const bad = spawn(process.execPath, [MAIN, '--nope'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let text = ''
  bad.stderr.on('data', (chunk: Buffer) => (text += chunk))
  const code = await new Promise((r) => bad.on('exit', r))
  assert.equal(code, 1)
  assert.match(text, /Unknown argument: "--nope"/)
})
