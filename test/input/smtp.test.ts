/*
 * The SMTP constants against the reference's: the same forms (our `emailWithName` regex
 * differs by design, see patterns.test.ts), the same validators, `smtpInputSpec` reading the
 * server's SMTP through real effects, `smtpShape`'s fallbacks, `smtpPrefill`; and nothing
 * is built at import.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { inputSpec as refInputSpec } from 'start-sdk-reference'
import {
  customSmtp,
  patterns,
  smtpInputSpec,
  smtpPrefill,
  smtpProviderVariants,
  smtpShape,
  systemSmtpSpec,
} from '../../lib/input'
import { noHost, outcome, simEffects, specOf } from './helpers'
import type { Buildable } from './helpers'

const ref = refInputSpec.constants

test('smtp: importing builds nothing (every constant is made on first use)', () => {
  for (const [name, target, key] of [
    ['customSmtp', customSmtp, 'spec'],
    ['systemSmtpSpec', systemSmtpSpec, 'validator'],
    ['smtpProviderVariants', smtpProviderVariants, 'validator'],
    ['smtpInputSpec', smtpInputSpec, 'validator'],
  ] as const) {
    const descriptor = Object.getOwnPropertyDescriptor(target, key)
    assert.equal(
      typeof descriptor?.get,
      'function',
      `${name}.${key} is deferred`,
    )
  }
})

/** Replaces every pattern regex with a marker, after checking it is ours. */
function withoutRegexes(spec: unknown): unknown {
  return JSON.parse(JSON.stringify(spec), (key, value) => {
    if (key === 'patterns' && Array.isArray(value))
      return value.map((p: { regex: string; description: string }) => ({
        regex: '<regex>',
        description: p.description,
      }))
    return value
  })
}

/** The regexes of every pattern in a spec. */
function regexes(spec: unknown): string[] {
  const found: string[] = []
  JSON.stringify(spec, (key, value) => {
    if (key === 'regex') found.push(value)
    return value
  })
  return found
}

const smtp = {
  host: 'smtp.example.com',
  port: 465,
  from: 'Me <me@example.com>',
  username: 'me',
  password: 'secret',
  security: 'tls' as const,
}

test('smtp: every constant builds the reference form', async () => {
  for (const [name, mine, theirs] of [
    ['customSmtp', customSmtp, ref.customSmtp],
    ['smtpProviderVariants', smtpProviderVariants, ref.smtpProviderVariants],
    ['systemSmtpSpec', systemSmtpSpec, ref.systemSmtpSpec],
  ] as [string, Buildable, Buildable][]) {
    const ours = await specOf(mine)
    const reference = await specOf(theirs)
    assert.deepStrictEqual(
      withoutRegexes(ours),
      withoutRegexes(reference),
      name,
    )
    for (const regex of regexes(ours))
      assert.equal(regex, patterns.emailWithName.regex, name)
  }
})

test('smtp: smtpInputSpec offers System Credentials only when the server has SMTP', async () => {
  const host = await simEffects(null)
  try {
    const options = { effects: host.effects, prefill: null }
    const without = (await specOf(smtpInputSpec, options)) as {
      disabled: unknown
    }
    assert.deepEqual(without.disabled, ['system'])
    assert.deepStrictEqual(
      withoutRegexes(without),
      withoutRegexes(await specOf(ref.smtpInputSpec as Buildable, options)),
    )
    host.sim.setSmtp(smtp)
    const withSmtp = (await specOf(smtpInputSpec, options)) as {
      disabled: unknown
    }
    assert.deepEqual(withSmtp.disabled, [])
    assert.deepStrictEqual(
      withoutRegexes(withSmtp),
      withoutRegexes(await specOf(ref.smtpInputSpec as Buildable, options)),
    )
    assert.ok(host.sim.calls('get-system-smtp').length >= 4)
  } finally {
    await host.close()
  }
})

const server = {
  host: 'smtp.gmail.com',
  security: { selection: 'tls', value: { port: '465' } },
  from: 'a@b.co',
  username: 'u',
  password: null,
}
const custom = (provider: unknown) => ({
  selection: 'custom',
  value: { provider },
})
const other = (value: unknown) => custom({ selection: 'other', value })
const choices: unknown[] = [
  { selection: 'disabled', value: {} },
  { selection: 'disabled', value: { x: 1 }, extra: 2 },
  { selection: 'disabled' },
  { selection: 'disabled', value: null },
  { selection: 'system', value: { customFrom: null } },
  { selection: 'system', value: { customFrom: 'x', e: 1 } },
  { selection: 'system', value: {} },
  { selection: 'system', value: { customFrom: 3 } },
  { selection: 'system' },
  custom({ selection: 'gmail', value: server }),
  custom({ selection: 'zzz', value: server }),
  custom({ selection: 'gmail', value: { ...server, password: undefined } }),
  custom({ selection: 'gmail', value: { host: 'h' } }),
  custom({ selection: 3, value: {} }),
  custom({ selection: 'x' }),
  custom(null),
  { selection: 'custom', value: null },
  { selection: 'custom', value: {} },
  other({ ...server, security: { selection: 'tls', value: { port: null } } }),
  other({
    ...server,
    security: { selection: 'starttls', value: { port: '25' } },
  }),
  other({
    ...server,
    security: { selection: 'starttls', value: { port: '465' } },
  }),
  other({ security: null }),
  other({ security: { selection: 'starttls' } }),
  other({ security: { selection: 'bad', value: { port: '1' } } }),
  other({ security: { selection: 'tls', value: { port: '9', x: 1 }, y: 2 } }),
  other({ security: { selection: 'starttls', value: { port: 5 } } }),
  other({ host: 3, from: 4, username: 5, password: 6 }),
  { selection: 'nope', value: {} },
  null,
  undefined,
  5,
  {},
]

test('smtp: smtpInputSpec validators accept what the reference accepts', async () => {
  const host = await simEffects(smtp)
  try {
    const options = { effects: host.effects, prefill: null }
    const mine = await smtpInputSpec.build(options)
    const theirs = await (
      ref.smtpInputSpec as unknown as typeof smtpInputSpec
    ).build(options)
    for (const choice of choices) {
      const label = JSON.stringify(choice) ?? 'undefined'
      assert.deepStrictEqual(
        outcome(smtpInputSpec.validator, choice),
        outcome(ref.smtpInputSpec.validator, choice),
        `static ${label}`,
      )
      assert.deepStrictEqual(
        outcome(mine.validator, choice),
        outcome(theirs.validator, choice),
        `built ${label}`,
      )
    }
  } finally {
    await host.close()
  }
})

test('smtp: systemSmtpSpec and customSmtp validators match the reference', () => {
  for (const value of [server, { ...server, host: 3 }, {}, null]) {
    assert.deepStrictEqual(
      outcome(customSmtp.validator, value),
      outcome(ref.customSmtp.validator, value),
    )
    const provider = { provider: { selection: 'ses', value } }
    assert.deepStrictEqual(
      outcome(systemSmtpSpec.validator, provider),
      outcome(ref.systemSmtpSpec.validator, provider),
    )
  }
})

test('smtp: smtpShape repairs stored choices as the reference does', () => {
  for (const choice of choices)
    assert.deepStrictEqual(
      outcome(smtpShape, choice),
      outcome(ref.smtpShape, choice),
      JSON.stringify(choice) ?? 'undefined',
    )
  assert.deepEqual(smtpShape.parse('garbage'), {
    selection: 'disabled',
    value: {},
  })
})

test('smtp: smtpPrefill passes a stored choice through, nothing as undefined', () => {
  const stored = smtpShape.parse(custom({ selection: 'gmail', value: server }))
  for (const x of [
    null,
    undefined,
    stored,
    { selection: 'disabled', value: {} },
  ])
    assert.deepStrictEqual(smtpPrefill(x as never), ref.smtpPrefill(x as never))
  assert.equal(smtpPrefill(stored), stored)
  assert.equal(smtpPrefill(null), undefined)
})

test('smtp: noHost builds the static constants without touching effects', async () => {
  await specOf(systemSmtpSpec, noHost)
  await assert.rejects(
    specOf(smtpInputSpec, noHost),
    /touched effects\.getSystemSmtp/,
  )
})
