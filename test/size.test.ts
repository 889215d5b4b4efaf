import assert from 'node:assert/strict'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { test } from 'node:test'

const root = resolve(__dirname, '../..')
const LIB_CAP = 400
const TEST_CAP = 500

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return name.endsWith('.ts') ? [path] : []
  })
}

/** Files allowed past their cap, each with the reason (test/size-exemptions.json). */
const exemptions = JSON.parse(
  readFileSync(join(root, 'test/size-exemptions.json'), 'utf8'),
) as Record<string, string>

test('source files stay under 400 lines and test files under 500', () => {
  const over: string[] = []
  for (const [dir, cap] of [
    ['lib', LIB_CAP],
    ['test', TEST_CAP],
    ['bench', LIB_CAP],
  ] as const) {
    for (const file of sources(join(root, dir))) {
      const name = relative(root, file)
      const lines = readFileSync(file, 'utf8').split('\n').length - 1
      if (lines > cap && !(name in exemptions))
        over.push(`${name}: ${lines} lines (cap ${cap})`)
    }
  }
  assert.deepEqual(over, [])
})

test('every exemption names an existing file and gives a reason', () => {
  for (const [file, reason] of Object.entries(exemptions)) {
    assert.ok(statSync(join(root, file)).isFile(), `${file} does not exist`)
    assert.ok(reason.length > 20, `${file}: give a real reason`)
  }
})
