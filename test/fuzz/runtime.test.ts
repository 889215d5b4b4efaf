/*
 * 100,000+ generated frames against the real runtime (lib/runtime/main.js with a package
 * bundle) in a child process over its Unix socket: random bytes, broken JSON, batches and
 * JSON-RPC requests for every method with hostile params, before and after `init`, sent in
 * windows split at random byte offsets over four connections, while other connections hang
 * up mid-line. Each window must be answered, one reply per frame that expects one, each
 * with an allowed code and a message, within a second of the window's first byte. The
 * process must stay up, quiet of unhandled errors and bounded in memory.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { tempDir } from '../runtime/helpers'
import { hugeFrame, makeFrame } from './frames'
import type { Codes, Frame, Phase } from './frames'
import { rng } from './rng'
import type { Rng } from './rng'
import { HANG_MS } from './stats'
import { openWire, rssMiB } from './wire'
import type { WireClient } from './wire'

const MAIN = join(__dirname, '..', '..', 'lib', 'runtime', 'main.js')
const BUNDLE = join(__dirname, 'fixtures', 'bundle.js')
const CONNECTIONS = 4
const FRESH_FRAMES = 5_000 // per connection, before init
const INIT_FRAMES = 21_000 // per connection, after init
const temp = tempDir()
const socketPath = join(temp.dir, 'service.sock')
const child = spawn(
  process.execPath,
  [MAIN, '--rpc-dir', temp.dir, '--package', BUNDLE],
  {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      STARTOS_ENVIRONMENT: 'prod',
      STARTOS_ROOT: temp.dir,
    },
  },
)
let output = ''
const exits: string[] = []
child.stdout.on('data', (d: Buffer) => (output += d.toString()))
child.stderr.on('data', (d: Buffer) => (output += d.toString()))
child.on('exit', (code, signal) => exits.push(`${code}/${signal}`))

before(async () => {
  for (let i = 0; i < 500 && !/Listening on/.test(output); i++) {
    await new Promise((r) => setTimeout(r, 20))
  }
  assert.match(output, /Listening on/)
})
after(() => {
  child.kill('SIGKILL')
  temp.cleanup()
})

/** Latency and volume over the whole run. */
const totals = { frames: 0, replies: 0, windows: 0, slowestMs: 0 }

function allowedCode(
  codes: Codes,
  reply: { error?: { code?: unknown } },
): boolean {
  if (reply.error === undefined)
    return codes === 'thrown' || codes.includes(null)
  const code = reply.error.code
  if (typeof code !== 'number' || !Number.isSafeInteger(code)) return false
  if (codes === 'thrown') return code > -32000 || code < -32768
  return codes.includes(code)
}

/** Sends one window of frames and checks its replies. */
async function window(
  client: WireClient,
  frames: Frame[],
  r: Rng,
  label: string,
  maxChunk = 65_536,
): Promise<void> {
  // Per reply id, the frames expecting it in order, each with the offset of its last byte.
  const want = new Map<string, { end: number; codes: Codes }[]>()
  const parts: Buffer[] = []
  let offset = 0
  for (const f of frames) {
    const ending = Buffer.from(r.chance(0.2) ? '\r\n' : '\n')
    parts.push(f.bytes, ending)
    offset += f.bytes.length + ending.length
    if (f.reply === undefined) continue
    const list = want.get(f.reply.id) ?? []
    list.push({ end: offset, codes: f.reply.codes })
    want.set(f.reply.id, list)
  }
  const expected = frames.filter((f) => f.reply !== undefined).length
  const first = client.replies.length
  const written = await client.writeChunked(
    Buffer.concat(parts),
    () => 1 + r.int(maxChunk),
  )
  /** When the chunk holding byte `end - 1` started to be written. */
  const sentAt = (end: number): number =>
    written.find(([upTo]) => upTo >= end)?.[1] ?? 0
  await client.waitFor(first + expected, 10_000)
  await new Promise((resolve) => setImmediate(resolve))
  const got = client.replies.slice(first)
  assert.equal(
    client.closed(),
    false,
    `${label}: the server closed the connection; exits ${exits.join()}; runtime printed ${output.slice(-600)}`,
  )
  assert.equal(
    got.length,
    expected,
    `${label}: ${got.length} replies for ${expected} frames that expect one`,
  )
  for (const { at, message } of got) {
    assert.equal(message.jsonrpc, '2.0')
    assert.ok(
      'result' in message !== 'error' in message,
      'exactly one of result and error',
    )
    if (message.error !== undefined) {
      assert.equal(typeof message.error.message, 'string')
      assert.notEqual(message.error.message, '', 'an error reply has a message')
    }
    const key = JSON.stringify(message.id ?? null)
    const list = want.get(key) ?? []
    // Replies come in completion order: take the earliest frame of this id the reply fits.
    const index = list.findIndex((w) => allowedCode(w.codes, message))
    if (index === -1) {
      assert.fail(
        `${label}: unexpected reply to ${key.slice(0, 80)}: ${JSON.stringify(message.error ?? 'a result').slice(0, 300)}; allowed ${JSON.stringify(list.map((w) => w.codes))}`,
      )
    }
    const [match] = list.splice(index, 1)
    const latency = at - sentAt(match.end)
    totals.slowestMs = Math.max(totals.slowestMs, latency)
    if (latency > HANG_MS)
      assert.fail(
        `${label}: a reply to ${key.slice(0, 80)} took ${latency.toFixed(0)} ms`,
      )
  }
  totals.frames += frames.length
  totals.replies += got.length
  totals.windows++
}

/** Sends `total` frames of `phase` in windows of random size. */
async function drive(
  client: WireClient,
  r: Rng,
  phase: Phase,
  total: number,
  huge: boolean,
): Promise<void> {
  for (let sent = 0; sent < total; ) {
    // Mostly big windows in big chunks; now and then a few frames dripped byte by byte.
    const drip = r.chance(0.05)
    const size = Math.min(total - sent, drip ? 1 + r.int(10) : 50 + r.int(1200))
    const frames = Array.from({ length: size }, () => makeFrame(r, phase))
    if (huge && !drip && r.chance(0.1))
      frames.splice(r.int(size), 0, hugeFrame(r, (1 + r.int(4)) << 20))
    const maxChunk = drip ? r.pick([1, 7]) : r.pick([512, 65_536, 1 << 20])
    await window(
      client,
      frames,
      r,
      `${phase} window ${totals.windows}`,
      maxChunk,
    )
    sent += size
  }
}

/** Connections that send a few frames and hang up in the middle of a line. */
async function hangups(r: Rng, count: number, phase: Phase): Promise<void> {
  for (let i = 0; i < count; i++) {
    const c = await openWire(socketPath)
    const frames = Array.from({ length: 20 }, () => makeFrame(r, phase))
    const bytes = Buffer.concat(
      frames.flatMap((f) => [f.bytes, Buffer.from('\n')]),
    )
    c.socket.write(bytes.subarray(0, r.int(bytes.length)))
    if (r.chance(0.5)) await new Promise((resolve) => setTimeout(resolve, 1))
    c.close()
  }
}

test(
  '100k+ hostile frames: one sensible reply each, within 1 s, and the runtime stays up',
  { timeout: 120_000 },
  async (t) => {
    const rssBefore = rssMiB(child.pid ?? -1)
    const clients = await Promise.all(
      Array.from({ length: CONNECTIONS }, () => openWire(socketPath)),
    )
    const streams = clients.map((_, i) => rng(0x5eed + i))

    // Before init: every procedure is refused, `exit` answers null.
    await Promise.all([
      ...clients.map((c, i) =>
        drive(c, streams[i], 'fresh', FRESH_FRAMES, i === 0),
      ),
      hangups(rng(0xdead), 20, 'fresh'),
    ])

    const init = await openWire(socketPath)
    init.socket.write(
      `${JSON.stringify({ id: 'init', method: 'init', params: { id: 'E', kind: 'install' } })}\n`,
    )
    await init.waitFor(1, 5_000)
    assert.deepEqual(init.replies[0]?.message, {
      jsonrpc: '2.0',
      id: 'init',
      result: null,
    })

    // After init: procedures reach the bundle (real action validation, echoes, throws).
    await Promise.all([
      ...clients.map((c, i) =>
        drive(c, streams[i], 'initialized', INIT_FRAMES, i === 1),
      ),
      hangups(rng(0xbeef), 20, 'initialized'),
    ])

    // Still serving on an old connection and a new one; nothing extra arrived.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const seen = clients[0].replies.length
    await window(
      clients[0],
      [
        {
          bytes: Buffer.from('{"id":"alive","method":"start"}'),
          reply: { id: '"alive"', codes: [null] },
        },
      ],
      rng(1),
      'alive',
    )
    assert.equal(clients[0].replies.length, seen + 1)
    const fresh = await openWire(socketPath)
    await window(
      fresh,
      [
        {
          bytes: Buffer.from('{"id":2,"method":"stop","params":null}'),
          reply: { id: '2', codes: [null] },
        },
      ],
      rng(2),
      'new connection',
    )

    const rssAfter = rssMiB(child.pid ?? -1)
    for (const c of [...clients, init, fresh]) c.close()
    t.diagnostic(
      `runtime: ${totals.frames} frames in ${totals.windows} windows, ${totals.replies} replies, ` +
        `0 crashes, slowest reply ${totals.slowestMs.toFixed(1)} ms after its window's first byte, ` +
        `RSS ${rssBefore?.toFixed(0)} MiB before, ${rssAfter?.toFixed(0)} MiB after`,
    )
    assert.ok(totals.frames >= 100_000, `${totals.frames} frames`)
    assert.deepEqual(exits, [], 'the runtime exited')
    assert.equal(child.exitCode, null)
    assert.doesNotMatch(output, /Unhandled|FATAL|RangeError/)
    if (rssBefore !== undefined && rssAfter !== undefined) {
      assert.ok(rssAfter < 400, `RSS grew to ${rssAfter.toFixed(0)} MiB`)
    }
  },
)
