import assert from 'node:assert/strict'
import { join } from 'node:path'
import { test } from 'node:test'
import { REPO, stageFixture, stagePackage, startSdk } from './helpers'

test('check passes on examples/hello-world (exit 0, summary line)', async () => {
  const pkg = stagePackage(join(REPO, 'examples', 'hello-world'))
  try {
    const run = await startSdk(['check', pkg.dir])
    assert.equal(run.code, 0, run.stdout + run.stderr)
    assert.match(run.stdout, /^package hello-world /m)
    assert.match(run.stdout, /start-sdk check: ok: 0 errors/)
    assert.match(run.stdout, /exver literals/)
  } finally {
    pkg.remove()
  }
})

test('check names the file, line and column of a malformed range, and the fix', async () => {
  const pkg = stageFixture('bad-range')
  try {
    const run = await startSdk(['check', pkg.dir])
    assert.equal(run.code, 1)
    // The literal's text starts at column 45 of line 9; the parser stops at offset 12.
    assert.match(
      run.stderr,
      /error \[exver\] startos\/manifest\.ts:9:57: ">=0\.9\.0:0 &&& <=1\.0\.0:0" in VersionRange\.parse\(…\) is not a valid version range/,
    )
    assert.match(run.stderr, /fix: write a range such as/)
    assert.match(run.stdout, /start-sdk check: FAILED: [1-9]\d* errors?/)
  } finally {
    pkg.remove()
  }
})

test('check reports a version that cannot be migrated to the current one (dead end)', async () => {
  const pkg = stageFixture('dead-end')
  try {
    const run = await startSdk(['check', pkg.dir])
    assert.equal(run.code, 1, run.stdout + run.stderr)
    assert.match(
      run.stderr,
      /error \[versions\] startos\/versions\.ts:4:\d+: data at 1\.0\.0:0 cannot be migrated up to the current version 2\.0\.0:0/,
    )
    assert.match(
      run.stderr,
      /fix: give the versions between 1\.0\.0:0 and 2\.0\.0:0 `up` migrations/,
    )
    assert.match(run.stdout, /start-sdk check: FAILED: 1 error/)
  } finally {
    pkg.remove()
  }
})

test('check catches an interface id exported twice during init', async () => {
  const pkg = stageFixture('duplicate-interface')
  try {
    const run = await startSdk(['check', pkg.dir])
    assert.equal(run.code, 1, run.stdout + run.stderr)
    assert.match(
      run.stderr,
      /error \[interfaces\] startos\/index\.ts:\d+:\d+: the interface id `ui` is exported more than once/,
    )
    assert.match(
      run.stderr,
      /fix: give each createInterface\(\.\.\.\) its own `id`/,
    )
    assert.match(run.stdout, /1 interfaces/)
  } finally {
    pkg.remove()
  }
})

test('check refuses a folder that is not a package, naming what is missing', async () => {
  const run = await startSdk(['check', join(REPO, 'test', 'cli')])
  assert.equal(run.code, 1)
  assert.match(
    run.stderr,
    /startos\/index\.ts not found: run start-sdk in a package directory/,
  )
})

test('a bad command line exits 2 with the usage', async () => {
  const run = await startSdk(['lint'])
  assert.equal(run.code, 2)
  assert.match(run.stderr, /Unknown command "lint": use check or run/)
  assert.match(run.stderr, /Usage: start-sdk <command>/)
})
