/*
 * Fuzz of FileHelper's six structured formats: mutated seed files and fixture corpora,
 * plus random text, read with `read().once()` and merged with `merge()`. A read returns
 * the model or refuses with FILE_PARSE / FILE_VALIDATION; a merge succeeds (the file then
 * reads back with the patch applied) or refuses with those codes and leaves the file
 * byte for byte as it was, with no temp file behind. No input may take over a second.
 */
import assert from 'node:assert/strict'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import { FORMAT_CASES } from '../file/cases'
import { corpus } from '../file/formats/corpus'
import { contextEffects } from '../file/helpers'
import { mutateMany, randomString, rng } from './rng'
import type { Rng } from './rng'
import { runAsync, show, stats, summary } from './stats'
import type { Stats } from './stats'

const SEED = 0xf11e
const PER_FORMAT = 2_500
const ALLOWED = ['FILE_PARSE', 'FILE_VALIDATION'] as const
const TOKENS: Record<string, readonly string[]> = {
  json: [
    '{',
    '}',
    '[',
    ']',
    '"',
    ',',
    ':',
    'null',
    '1e999',
    '-',
    '"\\u0000"',
    '"\\ud800"',
  ],
  yaml: [
    '- ',
    ': ',
    '&a ',
    '*a',
    '!!binary ',
    '? ',
    '|',
    '>',
    '---\n',
    '...\n',
    '<<: *a',
    '!!js/function ',
  ],
  toml: [
    '[',
    ']',
    '[[',
    ']]',
    '=',
    '"""',
    "'''",
    '1979-05-27T07:32:00Z',
    'inf',
    'nan',
    '0x',
    '.',
  ],
  ini: ['[', ']', '=', ';', '#', '\n[a.b]\n', '[]', '\\', '"'],
  env: ['=', 'export ', '"', "'", '#', '\\n', '${A}', '\r\n'],
  xml: [
    '<',
    '>',
    '</',
    '/>',
    '<![CDATA[',
    ']]>',
    '<!DOCTYPE a [<!ENTITY x "y">]>',
    '&x;',
    '&#0;',
    '<?xml?>',
  ],
}

// tmpfs when there is one: the atomic writes flush, and a disk would dominate the time.
const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir()
const root = mkdtempSync(join(base, 'start-sdk-fuzz-files-'))
after(() => rmSync(root, { recursive: true, force: true }))

/** One edit that often keeps a file parseable: a letter, digit or space somewhere. */
function gentle(r: Rng, text: string): string {
  const at = r.int(text.length + 1)
  return (
    text.slice(0, at) + r.pick(['a', 'Z', '0', '7', ' ', '_']) + text.slice(at)
  )
}

function allowed(e: unknown): boolean {
  return ALLOWED.some((code) => isSdkError(e, code))
}

/** Whether every key of `patch` (recursively, objects only) holds in `model`. */
function holds(model: unknown, patch: unknown): boolean {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    return JSON.stringify(model) === JSON.stringify(patch)
  }
  if (typeof model !== 'object' || model === null) return false
  return Object.entries(patch).every(([k, v]) =>
    holds((model as Record<string, unknown>)[k], v),
  )
}

for (const c of FORMAT_CASES) {
  if (!(c.name in TOKENS)) continue
  test(
    `FileHelper.${c.name}: ${PER_FORMAT} mutated files through read and merge`,
    { timeout: 60_000 },
    async (t) => {
      const r = rng(SEED ^ c.name.length ^ c.name.charCodeAt(0))
      const dir = join(root, c.name)
      const path = join(dir, c.file)
      const seeds = [
        // The case's own seed most often: the model accepts it, so edits reach merge.
        ...Array<string>(12).fill(c.seed),
        c.refused,
        ...(c.broken ? [c.broken.text] : []),
        ...corpus(c.name).map((f) => f.text),
      ]
      const reads: Stats = stats(`${c.name} read`)
      const merges: Stats = stats(`${c.name} merge`)
      const { effects } = contextEffects(`fuzz-${c.name}`)
      const helper = c.make(path)
      mkdirSync(dir)
      for (let i = 0; i < PER_FORMAT; i++) {
        const roll = r.int(10)
        const text =
          roll === 0
            ? randomString(r, 200)
            : roll < 4
              ? gentle(r, r.pick(seeds))
              : mutateMany(r, r.pick(seeds), TOKENS[c.name])
        writeFileSync(path, text)
        const read = await runAsync(reads, text, () => helper.read().once())
        if (read.ok) reads.accepted++
        else {
          reads.refused++
          if (!allowed(read.error))
            assert.fail(`read threw ${String(read.error)} for ${show(text)}`)
        }
        const before = readFileSync(path)
        const merge = await runAsync(merges, text, () =>
          helper.merge(effects, c.patch),
        )
        if (merge.ok) {
          merges.accepted++
          const after = await helper.read().once()
          assert.ok(
            holds(after, c.patch),
            `merged file lost the patch for ${show(text)}: ${show(readFileSync(path, 'utf8'))}`,
          )
        } else {
          merges.refused++
          if (!allowed(merge.error))
            assert.fail(`merge threw ${String(merge.error)} for ${show(text)}`)
          assert.ok(
            before.equals(readFileSync(path)),
            `a refused merge changed the file for ${show(text)}`,
          )
        }
        assert.deepEqual(
          readdirSync(dir),
          [c.file],
          `files left behind for ${show(text)}`,
        )
      }
      t.diagnostic(summary(reads))
      t.diagnostic(summary(merges))
      for (const s of [reads, merges]) {
        assert.deepEqual(s.hangs, [])
        assert.equal(s.inputs, PER_FORMAT)
        assert.ok(s.accepted > 25, `${s.name}: only ${s.accepted} accepted`)
        assert.ok(s.refused > 50, `${s.name}: only ${s.refused} refused`)
      }
    },
  )
}
