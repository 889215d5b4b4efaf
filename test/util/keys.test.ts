import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as ours from '../../lib/utils'
import { refUtils } from './reference'

test('every runtime member of the reference utils exists in ours, with the same kind', () => {
  const ref = refUtils as unknown as Record<string, unknown>
  const mine = ours as unknown as Record<string, unknown>
  const missing = Object.keys(ref).filter((k) => !(k in mine))
  assert.deepEqual(missing, [])
  for (const key of Object.keys(ref))
    assert.equal(typeof mine[key], typeof ref[key], key)
  assert.deepEqual(
    Object.keys(mine).sort(),
    Object.keys(ref).sort(),
    'and nothing else',
  )
})

test('the regexes and Patterns namespaces have the reference members', () => {
  assert.deepEqual(
    Object.keys(ours.regexes).sort(),
    Object.keys(refUtils.regexes).sort(),
  )
  assert.deepEqual(
    Object.keys(ours.Patterns).sort(),
    Object.keys(refUtils.Patterns).sort(),
  )
  for (const [name, pattern] of Object.entries(refUtils.Patterns))
    assert.equal(
      (ours.Patterns as Record<string, { description: string }>)[name]
        .description,
      pattern.description,
      name,
    )
})
