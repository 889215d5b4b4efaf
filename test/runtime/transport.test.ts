import assert from 'node:assert/strict'
import { Duplex } from 'node:stream'
import { describe, test } from 'node:test'
import {
  LineSplitter,
  MAX_LINE_BYTES,
  serveConnection,
  writeLine,
} from '../../lib/runtime'
import { fixtureHandlers } from './fixtures/handlers'
import { captureLogger } from './helpers'

function split(chunks: (string | Buffer)[], max?: number): string[] {
  const splitter = new LineSplitter(max)
  const lines: string[] = []
  for (const chunk of chunks) {
    splitter.push(Buffer.from(chunk), (line) => lines.push(line))
  }
  return lines
}

describe('LineSplitter', () => {
  const input = '{"id":1,"method":"start"}\n\n{"a":"é€😀"}\r\n  \r\n\t\nlast\n'
  const expected = ['{"id":1,"method":"start"}', '{"a":"é€😀"}', 'last']

  test('yields the same lines wherever the chunks are cut, also inside UTF-8 sequences', () => {
    const bytes = Buffer.from(input)
    for (let i = 0; i <= bytes.length; i++) {
      assert.deepEqual(
        split([bytes.subarray(0, i), bytes.subarray(i)]),
        expected,
      )
      for (let j = i; j <= bytes.length; j += 3) {
        const parts = [
          bytes.subarray(0, i),
          bytes.subarray(i, j),
          bytes.subarray(j),
        ]
        assert.deepEqual(split(parts), expected, `cut at ${i} and ${j}`)
      }
    }
  })

  test('one byte at a time', () => {
    const bytes = Buffer.from(input)
    const chunks = [...bytes].map((b) => Buffer.from([b]))
    assert.deepEqual(split(chunks), expected)
  })

  test('drops CR only at the end of a line and skips blank lines', () => {
    assert.deepEqual(split(['a\rb\r\n\r\n\n   \nc\r\r\n']), ['a\rb', 'c\r'])
  })

  test('keeps an unfinished line pending until its newline arrives', () => {
    const splitter = new LineSplitter()
    const lines: string[] = []
    splitter.push(Buffer.from('abc'), (l) => lines.push(l))
    assert.equal(splitter.pendingBytes, 3)
    assert.equal(lines.length, 0)
    splitter.push(Buffer.from('def\nxy'), (l) => lines.push(l))
    assert.deepEqual(lines, ['abcdef'])
    assert.equal(splitter.pendingBytes, 2)
  })

  test('invalid UTF-8 and NUL bytes come through as text, not as an exception', () => {
    const lines = split([Buffer.from([0xff, 0x00, 0xc3, 0x0a])])
    assert.deepEqual(lines, ['\ufffd\u0000\ufffd'])
  })

  test('accepts a line of exactly the limit, with or without CR, and refuses one byte more', () => {
    assert.deepEqual(split(['x'.repeat(8) + '\n'], 8), ['x'.repeat(8)])
    assert.deepEqual(split(['x'.repeat(8) + '\r\n'], 8), ['x'.repeat(8)])
    assert.deepEqual(split(['x'.repeat(4), 'x'.repeat(4), '\r', '\n'], 8), [
      'x'.repeat(8),
    ])
    const splitter = new LineSplitter(8)
    const lines: string[] = []
    assert.equal(
      splitter.push(Buffer.from('ok\n' + 'x'.repeat(9) + '\n'), (l) =>
        lines.push(l),
      ),
      false,
    )
    assert.deepEqual(lines, ['ok'])
    assert.equal(splitter.hasOverflowed, true)
    assert.equal(
      splitter.push(Buffer.from('later\n'), (l) => lines.push(l)),
      false,
    )
    assert.deepEqual(lines, ['ok'])
  })

  test('refuses a line that grows past the limit before its newline arrives', () => {
    const splitter = new LineSplitter(10)
    assert.equal(
      splitter.push(Buffer.from('x'.repeat(6)), () => {}),
      true,
    )
    assert.equal(
      splitter.push(Buffer.from('x'.repeat(6)), () => {}),
      false,
    )
    assert.equal(splitter.pendingBytes, 0)
  })

  test('the default limit is 128 MiB', () => {
    assert.equal(MAX_LINE_BYTES, 128 * 1024 * 1024)
    assert.equal(new LineSplitter().maxLineBytes, MAX_LINE_BYTES)
  })

  test('stays linear: a 32 MiB line in 64 KiB chunks splits quickly', () => {
    const chunk = Buffer.alloc(65536, 0x61)
    const splitter = new LineSplitter()
    let length = 0
    const started = process.hrtime.bigint()
    for (let i = 0; i < 512; i++) splitter.push(chunk, () => {})
    splitter.push(Buffer.from('\n'), (l) => (length = l.length))
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    assert.equal(length, 512 * 65536)
    assert.ok(ms < 2000, `took ${ms} ms`)
  })
})

/** An in-memory channel: what the peer sends goes in with `push`, replies collect in `out`. */
function memoryChannel(): { channel: Duplex; out: string[] } {
  const out: string[] = []
  const channel = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, callback) {
      out.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((l) => l !== ''),
      )
      callback()
    },
  })
  return { channel, out }
}

describe('serveConnection over an in-memory duplex', () => {
  test('answers each line and ends its side after the peer ends and work is done', async () => {
    const { channel, out } = memoryChannel()
    const log = captureLogger()
    serveConnection(channel, { handlers: fixtureHandlers(), log })
    const finished = new Promise((resolve) => channel.on('finish', resolve))
    channel.push(
      '{"id":1,"method":"execute","params":{"id":"e","procedure":"/actions/slow/run","input":{"ms":30,"tag":"late"}}}\n',
    )
    channel.push('{"id":2,"method":"eval","params":{"script":"abc"}}\n')
    channel.push(null)
    await finished
    assert.deepEqual(
      out.map((l) => JSON.parse(l)),
      [
        { jsonrpc: '2.0', id: 2, result: 3 },
        { jsonrpc: '2.0', id: 1, result: 'late' },
      ],
    )
    assert.deepEqual(log.lines, [])
  })

  test('trace logs each line in and each reply out; off by default', async () => {
    const { channel } = memoryChannel()
    const log = captureLogger()
    serveConnection(channel, { handlers: fixtureHandlers(), log, trace: true })
    const finished = new Promise((resolve) => channel.on('finish', resolve))
    channel.push('{"id":1,"method":"eval","params":{"script":"s"}}\n')
    channel.push(null)
    await finished
    assert.deepEqual(log.lines, [
      'debug service.sock <- {"id":1,"method":"eval","params":{"script":"s"}}',
      'debug service.sock -> {"jsonrpc":"2.0","id":1,"result":1}',
    ])
  })

  test('writeLine on a closed channel reports it was not written, without throwing', async () => {
    const { channel } = memoryChannel()
    channel.destroy()
    await new Promise((resolve) => setImmediate(resolve))
    let written: boolean | undefined
    writeLine(channel, 'x', (ok) => (written = ok))
    assert.equal(written, false)
  })
})
