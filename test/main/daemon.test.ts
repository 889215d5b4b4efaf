import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import { CommandController, Daemon, Oneshot } from '../../lib/main'
import { pidFrom, running } from '../subcontainer/helpers'
import type { TestManifest } from './helpers'
import { eventually, linesOf, logStart, mainLab, sleep } from './helpers'

test('a crashing daemon is restarted after 0 s, 1 s, 2 s and reports each exit', async () => {
  const l = await mainLab()
  try {
    const effects = l.effects('crash')
    const runs = l.file('runs')
    const daemon = Daemon.of<TestManifest>()(effects, l.sub(effects), {
      command: `${logStart(runs, 'run')}; exit 3`,
    })
    const exits: [boolean, number | null][] = []
    daemon.onExit((ok, exit) => exits.push([ok, exit?.exitCode ?? null]))
    await daemon.start()
    await eventually(() => linesOf(runs).length >= 4, '4 runs', 8_000)
    await daemon.stop()
    const times = linesOf(runs).map((l) => Number(l.split(' ')[1]))
    const gaps = times.slice(1).map((t, i) => t - times[i])
    assert.ok(gaps[0] < 700, `first restart at once, got ${gaps[0]} ms`)
    assert.ok(gaps[1] >= 900 && gaps[1] < 1_800, `then 1 s, got ${gaps[1]} ms`)
    assert.ok(
      gaps[2] >= 1_900 && gaps[2] < 2_800,
      `then 2 s, got ${gaps[2]} ms`,
    )
    assert.deepEqual(exits.slice(0, 3), [
      [false, 3],
      [false, 3],
      [false, 3],
    ])
    const count = linesOf(runs).length
    await sleep(1_200)
    assert.equal(linesOf(runs).length, count, 'no restart after stop()')
    await daemon.term()
  } finally {
    await l.close()
  }
})

test('term() SIGKILLs a daemon ignoring SIGTERM after sigtermTimeout, with its children', async () => {
  const l = await mainLab()
  try {
    const effects = l.effects('stubborn')
    const pids = l.file('pids')
    const grandchild = l.file('grandchild')
    const daemon = Daemon.of<TestManifest>()(effects, l.sub(effects), {
      command: `trap "" TERM; echo $$ > ${pids}; sleep 300 & echo $! > ${grandchild}; while :; do sleep 0.1; done`,
      sigtermTimeout: 1_500,
    })
    await daemon.start()
    const pid = await pidFrom(pids)
    const child = await pidFrom(grandchild)
    assert.ok(running(pid) && running(child))
    const began = Date.now()
    await daemon.term()
    const took = Date.now() - began
    assert.ok(
      took >= 1_200 && took <= 1_800,
      `SIGKILL at 1500 ms ±20%, took ${took} ms`,
    )
    await eventually(
      () => !running(pid) && !running(child),
      'both to die',
      1_000,
    )
    await eventually(
      () => l.destroyed() === l.created(),
      'the subcontainer destroyed',
    )
    await assert.rejects(daemon.start(), (e) => {
      assert.ok(isSdkError(e, 'DAEMON_INVALID'))
      assert.match((e as Error).message, /after term\(\).*use stop\(\)/)
      return true
    })
  } finally {
    await l.close()
  }
})

test('stop() pauses without destroying; start() resumes in the same subcontainer; calls are shared', async () => {
  const l = await mainLab()
  try {
    const effects = l.effects('pause')
    const pids = l.file('pids')
    const daemon = Daemon.of<TestManifest>()(effects, l.sub(effects), {
      command: `echo $$ >> ${pids}; exec sleep 300`,
    })
    await Promise.all([daemon.start(), daemon.start()])
    await eventually(() => linesOf(pids).length === 1, 'first run')
    const first = Number(linesOf(pids)[0])
    const a = daemon.stop()
    assert.equal(daemon.stop(), a, 'concurrent stops share one promise')
    await a
    assert.ok(!running(first))
    assert.equal(l.destroyed(), 0, 'stop keeps the subcontainer')
    await daemon.start()
    await eventually(() => linesOf(pids).length === 2, 'second run')
    assert.equal(l.created(), 1, 'same subcontainer')
    const t = daemon.term()
    assert.equal(daemon.term(), t)
    await t
    assert.equal(l.destroyed(), 1)
    assert.ok(!running(Number(linesOf(pids)[1])))
  } finally {
    await l.close()
  }
})

test('leaving the context terminates a daemon unless it is detached', async () => {
  const l = await mainLab()
  try {
    const a = l.effects('a')
    const b = l.effects('b')
    const pa = l.file('a.pid')
    const pb = l.file('b.pid')
    const left = Daemon.of<TestManifest>()(a, l.sub(a), {
      command: `echo $$ > ${pa}; exec sleep 300`,
    })
    const kept = Daemon.of<TestManifest>()(b, l.sub(b), {
      command: `echo $$ > ${pb}; exec sleep 300`,
    })
    kept.detach()
    await left.start()
    await kept.start()
    const [pidA, pidB] = [await pidFrom(pa), await pidFrom(pb)]
    l.leave('a')
    l.leave('b')
    await eventually(() => !running(pidA), 'the attached daemon to end')
    await sleep(200)
    assert.ok(running(pidB), 'the detached daemon outlives its context')
    await kept.term()
    assert.ok(!running(pidB))
    await eventually(() => l.destroyed() === 2, 'both subcontainers destroyed')
  } finally {
    await l.close()
  }
})

test('a oneshot is not re-run after success; a failing one is retried', async () => {
  const l = await mainLab()
  try {
    const effects = l.effects('once')
    const runs = l.file('runs')
    const ok = Oneshot.of<TestManifest>()(effects, l.sub(effects), {
      command: `echo ran >> ${runs}`,
    })
    assert.ok(ok.isOneshot())
    await ok.start()
    await eventually(() => linesOf(runs).length === 1, 'one run')
    await sleep(1_200)
    assert.equal(linesOf(runs).length, 1)
    await ok.term()
    const fails = l.file('fails')
    const bad = Oneshot.of<TestManifest>()(effects, l.sub(effects, 'bad'), {
      command: `echo x >> ${fails}; exit 1`,
    })
    await bad.start()
    await eventually(() => linesOf(fails).length >= 2, 'a retry')
    await bad.term()
  } finally {
    await l.close()
  }
})

test('CommandController: output callbacks, last lines, wait() failure, fn form', async () => {
  const l = await mainLab()
  try {
    const effects = l.effects('cc')
    const sub = l.sub(effects)
    const out: string[] = []
    const cc = await CommandController.of<TestManifest, typeof sub>()(
      effects,
      sub,
      {
        command: [
          'sh',
          '-c',
          'for i in $(seq 1 30); do echo line$i; done; echo oops >&2; exit 4',
        ],
        onStdout: (chunk) => out.push(String(chunk)),
        onStderr: () => undefined,
      },
    )
    await assert.rejects(cc.wait(), (e) => {
      assert.ok(isSdkError(e, 'DAEMON_FAILED'))
      assert.match((e as Error).message, /exit code 4/)
      return true
    })
    assert.match(out.join(''), /line1\n/)
    const lines = cc.lastLines()
    assert.equal(lines.length, 20)
    assert.equal(lines[0], 'line12')
    assert.ok(lines.includes('oops'))
    let aborted = false
    const js = await CommandController.of<TestManifest, null>()(effects, null, {
      fn: (_sub, signal) =>
        new Promise((resolve) =>
          signal.addEventListener('abort', () => {
            aborted = true
            resolve(null)
          }),
        ),
    })
    await js.term({ timeout: 1_000 })
    assert.ok(aborted)
    await js.wait()
    await assert.rejects(
      CommandController.of<TestManifest, typeof sub>()(effects, sub, {
        command: '',
      }),
      (e) => isSdkError(e, 'DAEMON_INVALID'),
    )
    await sub.destroy()
  } finally {
    await l.close()
  }
})
