import { test } from 'node:test'
import assert from 'node:assert/strict'
import { inMs } from '../../lib/utils'
import { isSdkError } from '../../lib/errors'
import { outcome, random, refUtils } from './reference'

test('inMs reads an amount and a unit, rounding to whole milliseconds', () => {
  assert.equal(inMs('200ms'), 200)
  assert.equal(inMs('1.5s'), 1500)
  assert.equal(inMs('.5s'), 500)
  assert.equal(inMs('2m'), 120_000)
  assert.equal(inMs('1.5h'), 5_400_000)
  assert.equal(inMs('1d'), 86_400_000)
  assert.equal(inMs('1.5ms'), 2)
  assert.equal(inMs(' 1 s'), 1000)
  assert.equal(inMs('1min'), 60_000, 'text after the unit is ignored')
  assert.equal(inMs(750), 750)
  assert.equal(inMs(0), 0)
  assert.equal(inMs(undefined), undefined)
  assert.equal(inMs(''), undefined)
})

test('inMs refuses text without a unit, naming the value and the fix', () => {
  for (const bad of ['10', '1w', '-1s', '1S', '5.s', 'later'])
    assert.throws(
      () => inMs(bad),
      (e: unknown) => isSdkError(e),
      bad,
    )
  assert.throws(
    () => inMs('90'),
    /Invalid duration `90`: expected a number of milliseconds or an amount and a unit/,
  )
})

test('inMs matches the reference on generated strings', () => {
  const rnd = random(0x1b5)
  const pieces = [
    '1',
    '0',
    '25',
    '.',
    '.5',
    ' ',
    'ms',
    's',
    'm',
    'h',
    'd',
    'w',
    'x',
    '-',
    'in',
    'e3',
  ]
  for (let i = 0; i < 5000; i++) {
    let text = ''
    for (let n = rnd.int(5); n >= 0; n--) text += rnd.pick(pieces)
    assert.deepEqual(
      outcome(() => inMs(text)),
      outcome(() => refUtils.inMs(text)),
      JSON.stringify(text),
    )
  }
  for (let i = 0; i < 500; i++) {
    const n = rnd.float() * 1e6
    assert.equal(inMs(n), refUtils.inMs(n))
  }
})
