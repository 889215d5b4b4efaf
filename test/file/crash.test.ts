import assert from 'node:assert/strict'
import { fork } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { cleanupTempFiles, writeFileAtomic } from '../../lib/file'
import { crashDocument } from './fixtures/documents'

const WRITER = join(__dirname, 'fixtures', 'crashWriter.js')
const KILLS = 200
const RUN_SPAN = 1_000_000
const TEMP = /^\.state\.json\.\d+\.[0-9a-f]+\.tmp$/

/** Starts a writer whose sequence numbers begin at `first`; resolves once it is writing. */
async function startWriter(
  target: string,
  first: number,
  fsync: boolean,
): Promise<{ kill: () => Promise<void>; stderr: () => string }> {
  let stderr = ''
  const child = fork(WRITER, [], {
    env: {
      ...process.env,
      START_SDK_CRASH_TARGET: target,
      START_SDK_CRASH_FIRST_SEQ: String(first),
      START_SDK_CRASH_FSYNC: fsync ? '1' : '0',
    },
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  })
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => resolve()),
  )
  const message = await new Promise((resolve, reject) => {
    child.once('message', resolve)
    child.once('exit', (code) =>
      reject(new Error(`writer exited (${code}): ${stderr}`)),
    )
  })
  assert.equal(message, 'started')
  return {
    kill: async () => {
      child.kill('SIGKILL')
      await exited
    },
    stderr: () => stderr,
  }
}

/** Asserts `text` is exactly one document a writer could have written; returns its seq. */
function checkDocument(text: string, lastSeq: number, run: number): number {
  assert.ok(text.length > 0, 'target file is empty')
  const parsed = JSON.parse(text) as { seq?: unknown }
  const seq = parsed.seq
  assert.ok(
    typeof seq === 'number' && Number.isSafeInteger(seq),
    'seq is missing',
  )
  assert.ok(
    text === crashDocument(seq),
    `document ${seq} is not one the writer wrote`,
  )
  assert.ok(seq >= lastSeq, `file went back from ${lastSeq} to ${seq}`)
  assert.ok(Math.floor(seq / RUN_SPAN) <= run, `seq ${seq} is from a later run`)
  return seq
}

test('FileHelper.json writes leave an old or a new document, never a torn one, under SIGKILL', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'start-sdk-crash-'))
  const target = join(dir, 'state.json')
  try {
    await writeFileAtomic(target, crashDocument(1))
    let lastSeq = 1
    let advanced = 0
    let midWrite = 0
    let tempCount = 0
    for (let run = 1; run <= KILLS; run++) {
      const writer = await startWriter(target, run * RUN_SPAN, run % 2 === 0)
      await new Promise((resolve) => setTimeout(resolve, (run * 7) % 31))
      await writer.kill()
      assert.equal(writer.stderr(), '')
      const seq = checkDocument(readFileSync(target, 'utf8'), lastSeq, run)
      if (seq > lastSeq) advanced++
      lastSeq = seq
      const temps = readdirSync(dir).filter((entry) => TEMP.test(entry))
      if (temps.length > tempCount) midWrite++
      tempCount = temps.length
    }
    // Both outcomes happened: kills that landed after a completed write, and mid-write kills.
    assert.ok(advanced > 0, 'no writer ever completed a write')
    assert.ok(midWrite > 0, 'no kill ever landed mid-write')
    assert.equal(await cleanupTempFiles(dir, 'state.json', 0), tempCount)
    assert.deepEqual(readdirSync(dir), ['state.json'])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
