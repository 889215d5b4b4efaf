import assert from 'node:assert/strict'
import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { Client, sleep, tempDir } from './helpers'

// The issue-3 acceptance test: thousands of malformed frames against a server in a child
// process, so that a crash shows up as an exit instead of taking the test runner down.

type Id = string | number | null
/** What a frame must produce: one reply with this id and code (`null` = a result), or none. */
interface Expect {
  id: Id
  code: number | null
}
interface Frame {
  bytes: Buffer
  expect: Expect | undefined
}

let seed = 0x5eed
function random(): number {
  // mulberry32: deterministic, so a failure can be replayed.
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]

let counter = 0
const nextId = (): string | number =>
  ++counter % 2 === 0 ? counter : `s${counter}`
const json = (value: unknown, expect: Expect | undefined): Frame => ({
  bytes: Buffer.from(JSON.stringify(value)),
  expect,
})
const text = (value: string | Buffer, expect: Expect | undefined): Frame => ({
  bytes: Buffer.from(value),
  expect,
})

const VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  '',
  's',
  true,
  false,
  [],
  [1],
  {},
  { a: 1 },
]
const VALID_PARAMS: Record<string, Record<string, unknown>> = {
  init: { id: 'E', kind: null },
  execute: { id: 'E', procedure: '/backup/create', input: null, timeout: 5 },
  sandbox: { id: 'E', procedure: '/actions/a/getInput', input: {} },
  callback: { id: 1, args: [] },
  exit: { id: 'E', target: null },
  eval: { script: 'x' },
}
/** Which values each field accepts, written independently of the code under test. */
const ACCEPTS: Record<string, (v: unknown) => boolean> = {
  id: (v) => typeof v === 'string',
  kind: (v) => v === null,
  procedure: () => false,
  input: () => true,
  timeout: (v) => v === null || typeof v === 'number',
  args: (v) => Array.isArray(v),
  target: (v) => v === null || typeof v === 'string',
  script: (v) => typeof v === 'string',
}
const INVALID_JSON = [
  '{',
  '{"id":1,',
  'nul',
  '[1,',
  '{"a":}',
  "{'id':1}",
  'undefined',
  '{"id":1}}',
  '01',
  '"open',
  '{"id":1 "method":"start"}',
  'NaN',
  '--1',
]
const UNKNOWN_METHODS = [
  '',
  'Init',
  'toString',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'health',
  'ping',
  'init ',
  'exec',
]
const BAD_PROCEDURES = [
  '',
  '/',
  '/actions',
  '/actions//run',
  '/actions/a/b/run',
  '/actions/a/delete',
  '/backup',
  'backup/create',
  '/packageinit',
  '/__proto__',
]

/** One malformed (or occasionally valid) frame with what it must produce. */
function frame(): Frame {
  const kind = Math.floor(random() * 12)
  const id = nextId()
  const method = pick(Object.keys(VALID_PARAMS))
  switch (kind) {
    case 0:
      return text(pick(INVALID_JSON) + (random() < 0.5 ? 'x' : ''), {
        id: null,
        code: 1,
      })
    case 1: {
      // A wrong type for one param of one method.
      const params = { ...VALID_PARAMS[method] }
      const field = pick(Object.keys(params).filter((f) => f !== 'input'))
      const value = pick(VALUES)
      const accepted =
        method === 'callback' && field === 'id'
          ? typeof value === 'number'
          : ACCEPTS[field](value)
      params[field] = value
      if (accepted)
        return json(
          { id, method, params },
          method === 'callback' ? undefined : { id, code: null },
        )
      return json({ id, method, params }, { id, code: 1 })
    }
    case 2: {
      // A missing param, or no params at all.
      const params = { ...VALID_PARAMS[method] }
      const field = pick(
        Object.keys(params).filter((f) => f !== 'input' && f !== 'timeout'),
      )
      delete params[field]
      return json(random() < 0.3 ? { id, method } : { id, method, params }, {
        id,
        code: 1,
      })
    }
    case 3:
      return json(pick([[], [{ id, method: 'start', params: {} }], [1, 2]]), {
        id: null,
        code: -32602,
      })
    case 4:
      return json(pick([0, -5, 1e300, 'start', '', null, true]), {
        id: null,
        code: -32602,
      })
    case 5:
      return json(
        { id, method: pick([5, null, {}, ['start']]), params: {} },
        { id, code: -32602 },
      )
    case 6:
      return json(
        { id: pick([{}, [], true]), method: 'start', params: {} },
        { id: null, code: -32602 },
      )
    case 7:
      return json(
        { id, method: pick(UNKNOWN_METHODS), params: {} },
        { id, code: -32601 },
      )
    case 8:
      return json(
        {
          id,
          method: pick(['execute', 'sandbox']),
          params: { id: 'E', procedure: pick(BAD_PROCEDURES), input: null },
        },
        { id, code: 1 },
      )
    case 9: {
      // Random bytes without a newline; a leading NUL or 0xff keeps them from being JSON.
      const bytes = Buffer.alloc(1 + Math.floor(random() * 200))
      for (let i = 0; i < bytes.length; i++)
        bytes[i] = Math.floor(random() * 256)
      bytes[0] = pick([0x00, 0xff, 0xc3, 0x80])
      for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) bytes[i] = 0
      return text(bytes, { id: null, code: 1 })
    }
    case 10: {
      // Valid requests in between: eval answers with the length of its decoded script.
      const invalidUtf8 = Buffer.from(
        [0xff, 0xfe, 0x00].slice(0, 1 + Math.floor(random() * 2)),
      )
      const head = Buffer.from(
        JSON.stringify({
          id,
          method: 'eval',
          params: { script: 'ab' },
        }).replace('"ab"', '"ab'),
      )
      const bytes = Buffer.concat([head, invalidUtf8, Buffer.from('"}}')])
      return { bytes, expect: { id, code: null } }
    }
    default:
      return json(
        { method: 'callback', params: { id: 7, args: [id] } },
        undefined,
      )
  }
}

let child: ChildProcess
let exits: string[] = []
let output = ''
const temp = tempDir()
const socketPath = join(temp.dir, 'rpc', 'service.sock')

before(async () => {
  child = fork(join(__dirname, 'fixtures', 'server.js'), [], {
    env: { ...process.env, START_SDK_RPC_FIXTURE_SOCKET: socketPath },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  child.on('exit', (code, signal) => exits.push(`${code}/${signal}`))
  const message = await new Promise((resolve) => child.once('message', resolve))
  assert.equal(message, 'listening')
})

after(async () => {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.disconnect()
    await exited
  }
  temp.cleanup()
})

/** Sends the frames in random-sized chunks, with a random mix of LF and CRLF endings. */
async function sendChunked(client: Client, frames: Frame[]): Promise<void> {
  const parts: Buffer[] = []
  for (const f of frames)
    parts.push(f.bytes, Buffer.from(random() < 0.2 ? '\r\n' : '\n'))
  const all = Buffer.concat(parts)
  for (let at = 0; at < all.length; ) {
    const size = 1 + Math.floor(random() * 65536)
    await new Promise((resolve) =>
      client.socket.write(all.subarray(at, at + size), resolve),
    )
    at += size
  }
}

function checkReplies(client: Client, frames: Frame[]): void {
  const expected = frames.flatMap((f) =>
    f.expect === undefined ? [] : [f.expect],
  )
  assert.equal(
    client.replies.length,
    expected.length,
    'one reply per parseable frame, none for notifications',
  )
  const key = (id: Id, code: number | null): string =>
    `${JSON.stringify(id)} ${code}`
  const want = new Map<string, number>()
  for (const e of expected)
    want.set(key(e.id, e.code), (want.get(key(e.id, e.code)) ?? 0) + 1)
  const got = new Map<string, number>()
  for (const r of client.replies) {
    assert.equal(r.jsonrpc, '2.0')
    assert.ok('id' in r, 'every reply has an id member')
    assert.ok('result' in r !== 'error' in r, 'exactly one of result and error')
    const k = key(r.id, r.error === undefined ? null : r.error.code)
    got.set(k, (got.get(k) ?? 0) + 1)
  }
  assert.deepEqual(got, want)
}

test('10,000+ malformed frames never crash the server and each gets the right reply', async () => {
  const connections = 6
  const framesPer = 1800
  const clients = await Promise.all(
    Array.from({ length: connections }, () => Client.open(socketPath)),
  )
  const batches = clients.map(() => Array.from({ length: framesPer }, frame))
  // Three 8 MiB lines: not JSON, an 8 MiB method name, and an 8 MiB id with a bad kind.
  const big = 'y'.repeat(8 * 1024 * 1024)
  const bigId = `big${big}`
  batches[0].splice(100, 0, text(`{"id":1,${big}`, { id: null, code: 1 }))
  batches[1].splice(
    200,
    0,
    json({ id: 'bm', method: big, params: {} }, { id: 'bm', code: -32601 }),
  )
  batches[2].splice(
    300,
    0,
    json(
      { id: bigId, method: 'init', params: { id: 'E', kind: 'x' } },
      { id: bigId, code: 1 },
    ),
  )

  // Meanwhile, connections that hang up in the middle of a line.
  const hangups = (async () => {
    for (let i = 0; i < 40; i++) {
      const c = await Client.open(socketPath)
      const frames = Array.from({ length: 20 }, frame)
      c.write(
        Buffer.concat(frames.flatMap((f) => [f.bytes, Buffer.from('\n')])),
      )
      c.write(
        frames[0].bytes.subarray(0, Math.floor(frames[0].bytes.length / 2)),
      )
      if (i % 2 === 0) await sleep(1)
      c.close()
    }
  })()

  await Promise.all(clients.map((c, i) => sendChunked(c, batches[i])))
  await hangups
  const total = batches.reduce((n, b) => n + b.length, 0)
  assert.ok(total >= 10_000, `${total} frames`)
  await Promise.all(
    clients.map((c, i) =>
      c.waitFor(batches[i].filter((f) => f.expect).length, 20_000),
    ),
  )
  await sleep(100) // time for any extra reply to show up
  clients.forEach((c, i) => checkReplies(c, batches[i]))

  // Still serving, on an old connection and a new one, and still the same process.
  const seen = clients[0].replies.length
  clients[0].send({ id: 'after', method: 'eval', params: { script: 'alive' } })
  const fresh = await Client.open(socketPath)
  fresh.send({ id: 1, method: 'init', params: { id: 'E', kind: 'install' } })
  assert.deepEqual((await fresh.waitFor(1))[0], {
    jsonrpc: '2.0',
    id: 1,
    result: null,
  })
  await clients[0].waitFor(seen + 1)
  assert.deepEqual(clients[0].replies.at(-1), {
    jsonrpc: '2.0',
    id: 'after',
    result: 5,
  })
  for (const c of [...clients, fresh]) c.close()
  assert.deepEqual(exits, [])
  assert.equal(child.exitCode, null)
  assert.equal(output, '')
})
