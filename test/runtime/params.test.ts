import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  PARAMS,
  ParamsError,
  isMethodName,
  parseProcedure,
} from '../../lib/runtime'

function refused(run: () => unknown, message: string): void {
  assert.throws(
    run,
    (e: unknown) => e instanceof ParamsError && e.message === message,
  )
}

describe('procedure routing', () => {
  test('accepts the fixed paths and the two action steps', () => {
    assert.deepEqual(parseProcedure('/backup/create'), {
      kind: 'backup/create',
    })
    assert.deepEqual(parseProcedure('/backup/restore'), {
      kind: 'backup/restore',
    })
    assert.deepEqual(parseProcedure('/packageInit'), { kind: 'packageInit' })
    assert.deepEqual(parseProcedure('/packageUninit'), {
      kind: 'packageUninit',
    })
    assert.deepEqual(parseProcedure('/actions/set-password/run'), {
      kind: 'action',
      actionId: 'set-password',
      step: 'run',
    })
    assert.deepEqual(parseProcedure('/actions/x/getInput'), {
      kind: 'action',
      actionId: 'x',
      step: 'getInput',
    })
  })

  test('refuses everything else', () => {
    for (const path of [
      '',
      '/',
      'backup/create',
      '/backup/create/',
      '/backup',
      '/actions//run',
      '/actions/a/b/run',
      '/actions/a/delete',
      '/actions/a/run/',
      '/actions/a/RUN',
      '/toString',
      '/__proto__',
      'constructor',
    ]) {
      assert.equal(parseProcedure(path), undefined, path)
    }
  })
})

describe('params checks', () => {
  test('init', () => {
    assert.deepEqual(PARAMS.init({ id: 'E', kind: null, extra: 1 }), {
      id: 'E',
      kind: null,
    })
    assert.deepEqual(PARAMS.init({ id: 'E', kind: 'restore' }), {
      id: 'E',
      kind: 'restore',
    })
    refused(
      () => PARAMS.init({ id: 'E' }),
      'Expected `params.kind` to be "install", "update", "restore" or null, got nothing',
    )
    refused(
      () => PARAMS.init({ id: 5, kind: null }),
      'Expected `params.id` to be a string, got `5` (number)',
    )
    refused(
      () => PARAMS.init([]),
      'Expected `params` to be an object, got `[]` (array)',
    )
    refused(
      () => PARAMS.init(undefined),
      'Expected `params` to be an object, got nothing',
    )
  })

  test('start and stop take {} or nothing', () => {
    assert.deepEqual(PARAMS.start({}), {})
    assert.deepEqual(PARAMS.start(undefined), {})
    assert.deepEqual(PARAMS.stop(null), {})
    refused(
      () => PARAMS.stop('x'),
      'Expected `params` to be an object, got `"x"` (string)',
    )
  })

  test('execute and sandbox route the procedure', () => {
    const params = {
      id: 'E',
      procedure: '/actions/a/run',
      input: { input: 1 },
      timeout: 120000,
    }
    const expected = {
      ...params,
      route: { kind: 'action', actionId: 'a', step: 'run' },
    }
    assert.deepEqual(PARAMS.execute(params), expected)
    assert.deepEqual(PARAMS.sandbox(params), expected)
    assert.equal(
      PARAMS.execute({ id: 'E', procedure: '/backup/create', input: null })
        .timeout,
      null,
    )
    refused(
      () => PARAMS.execute({ id: 'E', procedure: '/nope', input: null }),
      'Unknown procedure: "/nope"; expected /backup/create, /backup/restore, /packageInit, /packageUninit, /actions/<id>/run or /actions/<id>/getInput',
    )
    refused(
      () =>
        PARAMS.execute({ id: 'E', procedure: '/backup/create', timeout: '5' }),
      'Expected `params.timeout` to be a finite number, got `"5"` (string)',
    )
  })

  test('callback, exit and eval', () => {
    assert.deepEqual(PARAMS.callback({ id: 3, args: [1] }), {
      id: 3,
      args: [1],
    })
    refused(
      () => PARAMS.callback({ id: '3', args: [] }),
      'Expected `params.id` to be a finite number, got `"3"` (string)',
    )
    refused(
      () => PARAMS.callback({ id: 3, args: {} }),
      'Expected `params.args` to be an array, got `{}` (object)',
    )
    assert.deepEqual(PARAMS.exit({ id: 'E', target: null }), {
      id: 'E',
      target: null,
    })
    refused(
      () => PARAMS.exit({ id: 'E' }),
      'Expected `params.target` to be a string or null, got nothing',
    )
    assert.deepEqual(PARAMS.eval({ script: '1' }), { script: '1' })
  })

  test('long values are cut in messages', () => {
    refused(
      () => PARAMS.eval({ script: 7 }),
      'Expected `params.script` to be a string, got `7` (number)',
    )
    assert.throws(
      () => PARAMS.init({ id: 'x'.repeat(1000), kind: 'x'.repeat(1000) }),
      (e: unknown) => e instanceof ParamsError && e.message.length < 200,
    )
  })

  test('only the eight methods exist', () => {
    for (const name of [
      'init',
      'start',
      'stop',
      'execute',
      'sandbox',
      'callback',
      'exit',
      'eval',
    ]) {
      assert.ok(isMethodName(name), name)
    }
    for (const name of ['toString', '__proto__', 'constructor', 'health', '']) {
      assert.ok(!isMethodName(name), name)
    }
  })
})
