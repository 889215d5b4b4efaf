import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { test } from 'node:test'
import { running } from '../subcontainer/helpers'

test('after its context leaves, a process running Daemons.dynamic exits by itself with nothing left', async () => {
  const child = spawn(
    process.execPath,
    [join(__dirname, 'dynamicExitFixture.js')],
    {
      env: { ...process.env, DYNAMIC_EXIT_FIXTURE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk))
  child.stderr.on('data', (chunk: Buffer) => (err += chunk))
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolve(-1)
    }, 45_000)
    child.on('exit', (exit) => {
      clearTimeout(timer)
      resolve(exit)
    })
  })
  assert.notEqual(
    code,
    -1,
    `the process did not exit by itself within 45 s (a timer, watcher, socket or process was left); stderr:\n${err}`,
  )
  assert.equal(code, 0, err)
  const report = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
    created: number
    destroyed: number
    folders: string[]
    pids: number[]
  }
  assert.equal(report.pids.length, 5, 'a, b, c, then a and b restarted')
  assert.equal(report.created, 5, 'one subcontainer per started daemon')
  assert.equal(report.destroyed, report.created, '0 undestroyed subcontainers')
  assert.deepEqual(report.folders, [])
  assert.deepEqual(
    report.pids.filter((pid) => running(pid)),
    [],
    '0 processes left',
  )
})
