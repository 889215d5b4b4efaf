import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { rowProblems, rssLimitKb, runSoak } from './harness'
import type { CycleRow } from './harness'
import { fdCount, resourceDiff, runProcesses } from './probes'
import { formatReport } from './report'

// Ports: test/e2e/fullService.test.ts runs the example on its fixed ports 47300–47311 and
// Node's runner may run that file at the same time as this one. This run loads the same
// bundle through an entry that moves its port constants to a free block from 47400 up, so
// the two never share a port, whatever the runner's concurrency.
test('full-service soak: 10 start → healthy → stop cycles leave no process, subcontainer, descriptor, handle or timer behind, and RSS stays flat', async (t) => {
  const report = await runSoak({
    cycles: 10,
    ready: 'health',
    ports: 'shifted',
    rssFrom: 4,
  })
  const text = formatReport(report, 'health')
  for (const line of text.split('\n')) t.diagnostic(line)
  assert.deepEqual(report.problems, [], text)
  // The run did what it claims: every cycle brought the daemons up and used a subcontainer.
  assert.equal(report.rows.length, 10)
  for (const row of report.rows) {
    assert.ok(row.daemonsUp >= 4, `cycle ${row.cycle}: daemons were up`)
  }
  assert.equal(report.rows[9]!.created, 10, 'one subcontainer per cycle')
  assert.notEqual(report.ports.ui, 47300, 'the example ports stay untouched')
})

const clean: CycleRow = {
  cycle: 3,
  readyMs: 3_000,
  daemonsUp: 10,
  stopMs: 80,
  leftAtReply: 0,
  left: [],
  created: 3,
  destroyed: 3,
  folders: 0,
  fds: 24,
  resources: [],
  lateCalls: [],
  portsHeld: [],
  rssKb: 70_000,
  heapKb: null,
  detail: '',
}
const baseline = { fds: 24, resources: { PipeWrap: 5 } }

test('each leak a cycle can show is reported, naming the cycle', () => {
  assert.deepEqual(rowProblems(clean, baseline), [])
  assert.deepEqual(
    rowProblems(
      {
        ...clean,
        left: [4242],
        destroyed: 2,
        folders: 1,
        fds: 26,
        resources: ['+1 Timeout', '-1 PipeWrap'],
        lateCalls: ['set-health'],
        portsHeld: [47401],
      },
      baseline,
    ),
    [
      'cycle 3: 1 process(es) left after stop',
      'cycle 3: subcontainers created 3, destroyed 2, 1 folder(s) left',
      'cycle 3: 26 descriptors open, baseline 24',
      'cycle 3: active resources above baseline: +1 Timeout,-1 PipeWrap',
      'cycle 3: effect calls after stop replied: set-health',
      'cycle 3: ports still bound after stop: 47401',
    ],
  )
  // Fewer resources than the baseline is not a leak.
  assert.deepEqual(
    rowProblems({ ...clean, resources: ['-1 FSEventWrap'] }, baseline),
    [],
  )
})

test('the memory rule: last RSS at most the reference × 1.2 + 5 MiB', () => {
  assert.equal(rssLimitKb(100_000), 125_120)
  assert.equal(rssLimitKb(0), 5_120)
})

test('resourceDiff keeps only the kinds whose count changed', () => {
  assert.deepEqual(
    resourceDiff(
      { PipeWrap: 5, FSEventWrap: 2 },
      { PipeWrap: 5, Timeout: 2, FSEventWrap: 1 },
    ),
    ['+2 Timeout', '-1 FSEventWrap'],
  )
})

test('the probes see an open descriptor and a process working inside the run folder', async () => {
  const root = mkdtempSync(join(tmpdir(), 'start-sdk-soak-probe-'))
  const before = fdCount(process.pid)
  const fd = openSync(join(root, 'f'), 'w')
  assert.equal(fdCount(process.pid), before + 1)
  closeSync(fd)
  const child = spawn('sleep', ['30'], { cwd: root, stdio: 'ignore' })
  try {
    await new Promise((r) => child.once('spawn', r))
    // Found by its working directory even when the runtime it is checked against is
    // not its parent (a pid that does not exist)…
    assert.deepEqual(runProcesses(root, 0x7fffffff), [child.pid])
    // …and as a descendant of the process under test, wherever it works.
    assert.ok(runProcesses('/nonexistent', process.pid).includes(child.pid!))
  } finally {
    child.kill('SIGKILL')
    rmSync(root, { recursive: true, force: true })
  }
})
