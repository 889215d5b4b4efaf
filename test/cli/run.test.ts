import assert from 'node:assert/strict'
import { join } from 'node:path'
import { test } from 'node:test'
import { REPO, stageFixture, stagePackage, startSdk } from './helpers'

test('run walks examples/hello-world end to end (its images/main stand-in) and prints the summary table', async () => {
  const pkg = stagePackage(join(REPO, 'examples', 'hello-world'))
  try {
    const run = await startSdk(
      ['run', pkg.dir, '--health-timeout', '30'],
      90_000,
    )
    assert.equal(run.code, 0, run.stdout + run.stderr)
    for (const step of [
      'bundle',
      'install',
      'init (install)',
      'start',
      'health',
      'actions',
      'createBackup',
      'stop',
      'restore',
      'update',
      'uninstall',
    ])
      assert.match(
        run.stdout,
        new RegExp(`^${step.replace(/[()]/g, '\\$&')}\\s+(ok|skipped)\\s`, 'm'),
        step,
      )
    assert.match(run.stdout, /^step\s+result\s+time\s+detail$/m)
    assert.match(run.stdout, /start-sdk run: ok: 11 steps/)
  } finally {
    pkg.remove()
  }
})

test('run fails with the reason when a health check never passes', async () => {
  const pkg = stageFixture('unhealthy')
  try {
    const run = await startSdk(['run', pkg.dir, '--health-timeout', '2'])
    assert.equal(run.code, 1, run.stdout + run.stderr)
    assert.match(
      run.stdout,
      /web \(Web interface\): failure — port 8080 is not listening/,
    )
    assert.match(
      run.stderr,
      /FAILED: not healthy after 2\.00 s: web \(Web interface\): failure — port 8080 is not listening/,
    )
    assert.match(run.stdout, /^health\s+FAILED\s/m)
    assert.match(run.stdout, /start-sdk run: FAILED at health: not healthy/)
    assert.doesNotMatch(run.stdout, /^actions\s/m)
  } finally {
    pkg.remove()
  }
})
