import assert from 'node:assert/strict'
import { test } from 'node:test'
import { stringFormat } from '../../../lib/file/formats'

test('string: text is the value both ways', () => {
  for (const text of [
    '',
    'plain',
    'a\r\nb\n',
    '\u0000 😀',
    '{"not": "parsed"}',
  ]) {
    assert.equal(stringFormat.parse(text), text)
    assert.equal(stringFormat.serialize(text, null), text)
    assert.equal(stringFormat.serialize(text, 'other'), text)
    assert.equal(stringFormat.serialize(text, text), text)
  }
  assert.equal(stringFormat.name, 'string')
})
