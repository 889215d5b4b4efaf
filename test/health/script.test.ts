import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { runHealthScript } from '../../lib/health'
import type { HealthScriptRunner } from '../../lib/health'
import { isSdkError } from '../../lib/errors'

/** Runs commands as real child processes on this machine, killing them at `timeoutMs`. */
function localRunner(
  seen: Array<number | null | undefined>,
): HealthScriptRunner {
  return {
    execFail: (command, _options, timeoutMs) => {
      seen.push(timeoutMs)
      const [file = '', ...args] = command
      return new Promise((resolve, reject) => {
        execFile(file, args, { timeout: timeoutMs ?? 0 }, (error, stdout) =>
          error ? reject(error) : resolve({ stdout }),
        )
      })
    },
  }
}

const node = process.execPath

describe('runHealthScript', () => {
  it('reports success with the message built from stdout', async () => {
    const seen: Array<number | null | undefined> = []
    const r = await runHealthScript(
      [node, '-e', 'console.log("height 42")'],
      localRunner(seen),
      { message: (out) => `synced to ${out.trim()}` },
    )
    assert.deepEqual(r, { result: 'success', message: 'synced to height 42' })
    assert.deepEqual(seen, [30_000])
    const plain = await runHealthScript(
      [node, '-e', 'console.log("  ok  ")'],
      localRunner([]),
    )
    assert.deepEqual(plain, { result: 'success', message: 'ok' })
  })

  it('throws a failure result when the command exits non-zero', async (t) => {
    const warn = t.mock.method(console, 'warn', () => {})
    await assert.rejects(
      runHealthScript([node, '-e', 'process.exit(3)'], localRunner([]), {
        errorMessage: 'db not ready',
      }),
      (e) => {
        assert.deepEqual(e, { result: 'failure', message: 'db not ready' })
        return true
      },
    )
    assert.equal(warn.mock.callCount(), 1)
    await assert.rejects(
      runHealthScript(['/nonexistent/cmd'], localRunner([])),
      (e) => {
        assert.deepEqual(e, {
          result: 'failure',
          message: '["/nonexistent/cmd"] did not succeed',
        })
        return true
      },
    )
  })

  it('throws a failure result when the command outlives the timeout', async (t) => {
    t.mock.method(console, 'warn', () => {})
    const seen: Array<number | null | undefined> = []
    const started = Date.now()
    await assert.rejects(
      runHealthScript(
        [node, '-e', 'setTimeout(() => {}, 20000)'],
        localRunner(seen),
        { timeout: 200, errorMessage: 'too slow' },
      ),
      (e) => {
        assert.deepEqual(e, { result: 'failure', message: 'too slow' })
        return true
      },
    )
    assert.deepEqual(seen, [200])
    assert.ok(Date.now() - started < 15_000, 'the child was killed early')
  })

  it('rejects an empty command, naming the field', async () => {
    await assert.rejects(runHealthScript([], localRunner([])), (e) => {
      assert.ok(isSdkError(e))
      assert.match(
        e.message,
        /runHealthScript\(runCommand\) must be a non-empty array/,
      )
      return true
    })
  })
})
