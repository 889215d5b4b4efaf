import assert from 'node:assert/strict'
import { test } from 'node:test'
import { SdkError, isSdkError } from '../../lib/errors'

test('SdkError carries a code, details and cause', () => {
  const cause = new Error('root')
  const e = new SdkError('EXVER_PARSE', 'bad', { cause, details: { at: 3 } })
  assert.equal(e.code, 'EXVER_PARSE')
  assert.deepEqual(e.details, { at: 3 })
  assert.equal(e.cause, cause)
  assert.ok(e instanceof Error)
  assert.ok(isSdkError(e))
  assert.ok(isSdkError(e, 'EXVER_PARSE'))
})

test('isSdkError recognises errors from another copy of the SDK', () => {
  // A second copy of the module, as a package bundle and the runtime each hold one.
  const path = require.resolve('../../lib/errors')
  const first = require(path) as typeof import('../../lib/errors')
  delete require.cache[path]
  delete require.cache[require.resolve('../../lib/errors/SdkError')]
  const second = require(path) as typeof import('../../lib/errors')
  assert.notEqual(first.SdkError, second.SdkError)
  const foreign = new second.SdkError('EXVER_PARSE', 'from elsewhere')
  assert.equal(foreign instanceof first.SdkError, false)
  assert.equal(first.isSdkError(foreign), true)
  assert.equal(first.isSdkError(foreign, 'EXVER_PARSE'), true)
})

test('isSdkError rejects look-alikes', () => {
  assert.equal(isSdkError(new Error('x')), false)
  assert.equal(isSdkError({ code: 'EXVER_PARSE' }), false)
  assert.equal(isSdkError(null), false)
  assert.equal(isSdkError('EXVER_PARSE'), false)
})
