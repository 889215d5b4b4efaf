import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { test } from 'node:test'

test('after the context leaves, Daemons leave no process, subcontainer or timer (the process exits by itself)', async () => {
  const child = spawn(
    process.execPath,
    [join(__dirname, 'leakFixture.js'), 'run'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  let err = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr.on('data', (c: Buffer) => (err += c.toString()))
  let printedAt = 0
  child.stdout.on('data', () => (printedAt ||= Date.now()))
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000)
  const [code, signal] = await new Promise<[number | null, string | null]>(
    (resolve) => child.on('exit', (c, s) => resolve([c, s])),
  )
  clearTimeout(killer)
  assert.equal(signal, null, `the fixture had to be killed: ${out}${err}`)
  assert.equal(code, 0, err)
  const report = JSON.parse(out.trim()) as Record<string, number>
  assert.deepEqual(report, {
    created: 3,
    destroyed: 3,
    folders: 0,
    processes: 0,
  })
  assert.ok(
    Date.now() - printedAt < 3_000,
    `exited ${Date.now() - printedAt} ms after its report: something kept it alive`,
  )
})
