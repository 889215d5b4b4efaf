import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createLogger, isDevEnvironment, silentLogger } from '../../lib/runtime'

test('createLogger writes level-prefixed lines at or above its level', () => {
  const lines: string[] = []
  const log = createLogger({ level: 'warn', write: (l) => lines.push(l) })
  log.debug('d')
  log.info('i')
  log.warn('w')
  log.error('e')
  assert.deepEqual(lines, ['WARN w\n', 'ERROR e\n'])
  const all: string[] = []
  createLogger({ level: 'debug', write: (l) => all.push(l) }).debug('x')
  assert.deepEqual(all, ['DEBUG x\n'])
})

test('silentLogger discards everything', () => {
  silentLogger.error('nothing')
})

test('isDevEnvironment looks for a dev part in STARTOS_ENVIRONMENT', () => {
  assert.equal(isDevEnvironment('dev'), true)
  assert.equal(isDevEnvironment('unstable-dev-docker'), true)
  assert.equal(isDevEnvironment('devel'), false)
  assert.equal(isDevEnvironment(''), false)
  assert.equal(isDevEnvironment(undefined), false)
})
