/*
 * Fuzz of action input validation: hostile values against a form with every Value kind
 * (test/fuzz/formSpec.ts), run through `Action.withInput(...).run` as the runtime does.
 * Each input is accepted, or refused with one SdkError ACTION_INPUT whose details name
 * every failing field (inside the field that was changed) and whose message names them
 * too. Nothing else may escape, nothing may take over a second, and nothing may pollute
 * Object.prototype.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Action } from '../../lib/actions'
import type { Effects } from '../../lib/effects'
import { isSdkError } from '../../lib/errors'
import { FORM_FIELDS, formSpec, validForm } from './formSpec'
import { PROTO_KEYS, hostileValue, rng } from './rng'
import type { Rng } from './rng'
import { runAsync, show, stats, summary } from './stats'

const SEED = 0x1b97
const INPUTS = 20_000

/** Effects for a run with no event: a static form never touches the host. */
const effects = new Proxy({} as Effects, {
  get(_target, key) {
    if (key === 'eventId') return null
    if (key === 'then') return undefined
    throw new Error(`the form touched effects.${String(key)}`)
  },
})

let ran = 0
const action = Action.withInput(
  'form',
  {
    name: 'Form',
    description: 'fuzz',
    warning: null,
    allowedStatuses: 'any',
    group: null,
    visibility: 'enabled',
  },
  formSpec,
  async () => null,
  async () => {
    ran++
    return null
  },
)

/** Sets `value` at a random depth inside `form[key]` when it is an object or list. */
function plant(
  r: Rng,
  form: Record<string, unknown>,
  key: string,
  value: unknown,
): void {
  const current = form[key]
  if (r.chance(0.5) && typeof current === 'object' && current !== null) {
    if (Array.isArray(current)) current[r.int(current.length + 1)] = value
    else {
      const inner = current as Record<string, unknown>
      const keys = Object.keys(inner)
      const at =
        r.chance(0.8) && keys.length > 0 ? r.pick(keys) : r.pick(PROTO_KEYS)
      Object.defineProperty(inner, at, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return
  }
  form[key] = value
}

/** One input and the top-level fields a refusal may name (`undefined`: any). */
function input(r: Rng): { value: unknown; changed: string[] | undefined } {
  const roll = r.int(10)
  if (roll === 0) return { value: hostileValue(r), changed: undefined }
  const form = validForm()
  if (roll === 1) {
    // Prototype names as extra keys only: the form keeps unknown keys, never as prototypes.
    const extra = r.pick(PROTO_KEYS)
    Object.defineProperty(form, extra, {
      value: hostileValue(r),
      enumerable: true,
      writable: true,
      configurable: true,
    })
    return { value: JSON.parse(JSON.stringify(form)), changed: [extra] }
  }
  const changed: string[] = []
  for (let i = roll < 7 ? 1 : 1 + r.int(4); i > 0; i--) {
    const key = r.pick(FORM_FIELDS)
    changed.push(key)
    if (r.chance(0.1)) delete form[key]
    else plant(r, form, key, hostileValue(r))
  }
  return { value: form, changed }
}

test(
  'input spec: 20k hostile values against every Value kind',
  { timeout: 60_000 },
  async (t) => {
    const r = rng(SEED)
    const s = stats('input spec (Action.run)')
    for (let i = 0; i < INPUTS; i++) {
      const { value, changed } = input(r)
      const before = ran
      const run = await runAsync(s, value, () =>
        action.run({ effects, input: value as never }),
      )
      if (run.ok) {
        s.accepted++
        assert.equal(
          ran,
          before + 1,
          'an accepted input reaches the run function',
        )
        continue
      }
      s.refused++
      assert.equal(
        ran,
        before,
        'a refused input never reaches the run function',
      )
      const e = run.error
      if (!isSdkError(e, 'ACTION_INPUT')) {
        assert.fail(
          `not an ACTION_INPUT error for ${show(value)}: ${String(e)}`,
        )
      }
      const fields = (
        e.details as { fields: { field: string; message: string }[] }
      ).fields
      if (fields.length === 0) assert.fail(`no field named for ${show(value)}`)
      // The first fields only: a 20k-element list can fail 20k times in one message.
      for (const f of fields.slice(0, 50)) {
        if (f.field === '' || f.message === '') {
          assert.fail(`empty field or message for ${show(value)}`)
        }
        if (!e.message.includes(`${f.field}: `)) {
          assert.fail(`message does not name ${f.field}`)
        }
        if (changed === undefined || f.field === '(the whole input)') continue
        const inside = changed.some(
          (key) =>
            f.field === key ||
            f.field.startsWith(`${key}.`) ||
            f.field.startsWith(`${key}[`),
        )
        if (!inside) {
          assert.fail(
            `refusal names ${f.field}, but only ${changed.join(', ')} changed, for ${show(value)}`,
          )
        }
      }
    }
    assert.equal(
      ({} as Record<string, unknown>).polluted,
      undefined,
      'Object.prototype polluted',
    )
    t.diagnostic(summary(s))
    assert.deepEqual(s.hangs, [])
    assert.equal(s.inputs, INPUTS)
    assert.ok(
      s.accepted > 200,
      `only ${s.accepted} accepted: the fuzzer never reaches run`,
    )
    assert.ok(s.refused > 10_000, `only ${s.refused} refused`)
  },
)
