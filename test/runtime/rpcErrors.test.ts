import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  RPC_ERROR_CODES,
  RpcError,
  describeThrown,
  rpcErrorName,
  toRpcError,
} from '../../lib/runtime'
import type { RpcErrorName } from '../../lib/runtime'

describe('the error table', () => {
  test('maps names to codes and codes back to names', () => {
    assert.deepEqual(RPC_ERROR_CODES, {
      invalidRequest: -32602,
      methodNotFound: -32601,
      rejected: 1,
      failed: 0,
    })
    for (const name of Object.keys(RPC_ERROR_CODES) as RpcErrorName[]) {
      assert.equal(rpcErrorName(RPC_ERROR_CODES[name]), name)
    }
    assert.equal(rpcErrorName(36), undefined)
  })

  test('never uses -32603, which the host retries', () => {
    assert.ok(!Object.values(RPC_ERROR_CODES).includes(-32603 as never))
  })
})

describe('RpcError', () => {
  test('serialises to code, message and data', () => {
    const error = RpcError.of(
      'rejected',
      'Invalid JSON',
      'Unexpected token',
      'at x',
    )
    assert.equal(error.code, 1)
    assert.deepEqual(error.toJSON(), {
      code: 1,
      message: 'Invalid JSON',
      data: { details: 'Unexpected token', debug: 'at x' },
    })
    assert.deepEqual(
      JSON.parse(JSON.stringify(RpcError.of('failed', 'm', 'd'))),
      {
        code: 0,
        message: 'm',
        data: { details: 'd' },
      },
    )
  })
})

describe('toRpcError', () => {
  test('an Error from a handler becomes code 0 with its message, text and stack', () => {
    const thrown = new Error('Action x not found')
    const error = toRpcError(thrown)
    assert.equal(error.code, 0)
    assert.equal(error.message, 'Action x not found')
    assert.equal(error.data.details, 'Error: Action x not found')
    assert.equal(error.data.debug, thrown.stack)
  })

  test('an RpcError passes through unchanged', () => {
    const original = RpcError.of(
      'rejected',
      'System not initialized',
      'init first',
    )
    assert.equal(toRpcError(original), original)
    assert.equal(toRpcError(original, 'procedure'), original)
  })

  test('a procedure throwing { error, code } picks the code and message', () => {
    assert.deepEqual(
      toRpcError({ error: 'refused', code: 36 }, 'procedure').toJSON(),
      {
        code: 36,
        message: 'refused',
        data: { details: 'refused' },
      },
    )
    assert.equal(toRpcError({ error: 'no code' }, 'procedure').code, 0)
  })

  test('reserved or odd codes from a procedure fall back to 0', () => {
    for (const code of [-32603, -32000, -32768, 1.5, '36', NaN]) {
      assert.equal(
        toRpcError({ error: 'x', code }, 'procedure').code,
        0,
        String(code),
      )
    }
  })

  test('outside procedures, { error, code } is just an object', () => {
    const error = toRpcError({ error: 'refused', code: 36 }, 'handler')
    assert.equal(error.code, 0)
    assert.equal(error.data.details, '{"error":"refused","code":36}')
  })

  test('odd values are described without throwing', () => {
    const hostile = {
      toString() {
        throw new Error('no')
      },
    }
    const cases: [unknown, string][] = [
      ['plain', 'plain'],
      [42, '42'],
      [undefined, 'undefined'],
      [null, 'null'],
      [Symbol('s'), 'Symbol(s)'],
      [Object.create(null), '[object Object]'],
      [hostile, '[object Object]'],
      [new Error(''), 'Error'],
    ]
    for (const [thrown, details] of cases) {
      const error = toRpcError(thrown)
      assert.equal(error.code, 0)
      assert.equal(error.data.details, details)
      assert.equal(typeof error.message, 'string')
      assert.notEqual(error.message, 'object')
    }
    assert.equal(toRpcError(new Error('')).message, 'Error')
    const circular: Record<string, unknown> = {}
    circular.self = circular
    assert.equal(describeThrown(circular), '[object Object]')
  })
})
