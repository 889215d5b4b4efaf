import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  AbortedError,
  isKnownError,
  logErrorOnce,
  nullToUndefined,
  once,
  splitCommand,
  stringFromStdErrOut,
} from '../../lib/utils'
import { isSdkError } from '../../lib/errors'
import { random, refUtils } from './reference'

test('once runs its function once, unless it throws', () => {
  let calls = 0
  const value = once(() => ++calls)
  assert.deepEqual([value(), value(), value()], [1, 1, 1])
  let undefinedCalls = 0
  const nothing = once(() => {
    undefinedCalls++
  })
  nothing()
  nothing()
  assert.equal(undefinedCalls, 1, 'an undefined result is remembered too')
  let failures = 0
  const failing = once(() => {
    failures++
    throw new Error('boom')
  })
  assert.throws(failing)
  assert.throws(failing)
  assert.equal(failures, 2)
})

test('splitCommand wraps strings in sh -c and passes arrays through', () => {
  assert.deepEqual(splitCommand('echo hi'), ['sh', '-c', 'echo hi'])
  const argv: [string, ...string[]] = ['node', 'index.js']
  assert.equal(splitCommand(argv), argv)
  const rnd = random(7)
  for (let i = 0; i < 500; i++) {
    const text = rnd.string('ab "$;-', 8)
    const input =
      rnd.float() < 0.5
        ? text
        : ([text, ...text.split(' ')] as [string, ...string[]])
    assert.deepEqual(splitCommand(input), refUtils.splitCommand(input))
  }
})

test('nullToUndefined copies plain data with nulls replaced', () => {
  const input = { a: null, b: [null, 1, { c: null }], d: { e: null } }
  const out = nullToUndefined(input)
  assert.deepEqual(out, {
    a: undefined,
    b: [undefined, 1, { c: undefined }],
    d: { e: undefined },
  })
  assert.ok('a' in out)
  assert.equal(input.a, null, 'the input is unchanged')
  assert.equal(nullToUndefined(null), undefined)
  const date = new Date(0)
  assert.equal(
    nullToUndefined({ date }).date,
    date,
    'non-plain objects are kept',
  )
  const parsed = nullToUndefined(JSON.parse('{"__proto__":null}') as object)
  assert.equal(Object.getPrototypeOf(parsed), Object.prototype)
  assert.deepEqual(Object.keys(parsed), ['__proto__'])
})

test('AbortedError is an ABORTED SdkError muted when unhandled', () => {
  const e = new AbortedError('watch ended', { cause: 5 })
  assert.ok(e instanceof Error)
  assert.ok(isSdkError(e, 'ABORTED'))
  assert.equal(e.name, 'AbortedError')
  assert.equal(e.message, 'watch ended')
  assert.equal(e.muteUnhandled, true)
  assert.equal(e.cause, 5)
  const bare = new AbortedError()
  assert.equal(bare.message, '')
  assert.equal(bare.cause, undefined)
})

test('stringFromStdErrOut resolves stdout or rejects with stderr', async () => {
  assert.equal(await stringFromStdErrOut({ stdout: 'out', stderr: '' }), 'out')
  await assert.rejects(
    stringFromStdErrOut({ stdout: 'out', stderr: 'err' }),
    (e) => e === 'err',
  )
})

test('logErrorOnce logs each error object once', (t) => {
  const logged: unknown[] = []
  t.mock.method(console, 'error', (value: unknown) => logged.push(value))
  const error = new Error('boom')
  logErrorOnce(error)
  logErrorOnce(error)
  const other = new Error('boom')
  logErrorOnce(other)
  logErrorOnce('text')
  logErrorOnce('text')
  assert.deepEqual(logged, [error, other, 'text', 'text'])
})

test('isKnownError recognises error and error-code keys', () => {
  const values = [
    { error: 'x' },
    { 'error-code': [1, 'x'] },
    { errorCode: [1, 'x'] },
    { error: undefined },
    {},
    null,
    'error',
    [],
  ]
  assert.deepEqual(values.map(isKnownError), [
    true,
    true,
    false,
    true,
    false,
    false,
    false,
    false,
  ])
  assert.deepEqual(values.map(isKnownError), values.map(refUtils.isKnownError))
})
