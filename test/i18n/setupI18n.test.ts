/*
 * setupI18n against the reference (`start-sdk-reference` = @start9labs/start-sdk 2.0.9), and
 * the cases where we deliberately differ.
 */
import assert from 'node:assert/strict'
import { afterEach, test } from 'node:test'
import { setupI18n as refSetupI18n } from 'start-sdk-reference'
import { setupI18n } from '../../lib/i18n'

const savedLang = process.env.LANG
afterEach(() => {
  if (savedLang === undefined) delete process.env.LANG
  else process.env.LANG = savedLang
})

function withLang(lang: string | undefined): void {
  if (lang === undefined) delete process.env.LANG
  else process.env.LANG = lang
}

const dict = {
  'Hello ${name}': 0,
  'Count: ${n}': 1,
  'On ${d}': 2,
  'Only in English': 3,
  Plain: 4,
  'Keep ${missing} as is': 5,
} as const
const translations = {
  es_ES: {
    0: 'Hola ${name}',
    1: 'Cuenta: ${n}',
    2: 'El ${d}',
    4: 'Llano',
    5: 'Deja ${missing}',
  },
  de_DE: {
    0: 'Hallo ${name}',
    1: 'Anzahl: ${n}',
    2: 'Am ${d}',
    4: 'Schlicht',
    5: '${missing}',
  },
  en_US: { 4: 'PLAIN' },
}
type Key = keyof typeof dict
const noon = new Date(Date.UTC(2024, 0, 15, 12, 0))
const calls: [Key, Record<string, string | number | Date>?][] = [
  ['Hello ${name}', { name: 'Satoshi' }],
  ['Count: ${n}', { n: 1234567.891 }],
  ['Count: ${n}', { n: '1234' }],
  ['On ${d}', { d: noon }],
  ['Plain'],
  ['Plain', { unused: 1 }],
  ['Keep ${missing} as is'],
  ['Keep ${missing} as is', { other: 'x' }],
]

for (const lang of [
  undefined,
  '',
  'en_US.UTF-8',
  'es_ES.UTF-8',
  'es_MX.UTF-8',
  'es',
  'de_DE',
  'fr_FR.UTF-8',
]) {
  test(`same strings as the reference with LANG=${JSON.stringify(lang)}`, () => {
    withLang(lang)
    const ours = setupI18n(dict, translations, 'en_US')
    const theirs = refSetupI18n(dict, translations, 'en_US')
    for (const [key, params] of calls) {
      assert.equal(
        ours(key, params),
        theirs(key, params),
        `${key} ${JSON.stringify(params)}`,
      )
    }
  })
}

test('formats numbers and dates for the locale in $LANG', () => {
  withLang('es_ES.UTF-8')
  const es = setupI18n(dict, translations, 'en_US')
  assert.equal(es('Count: ${n}', { n: 1234567.891 }), 'Cuenta: 1.234.567,891')
  assert.equal(es('On ${d}', { d: noon }), 'El 15/1/2024')
  withLang('es_MX.UTF-8') // the Spanish text, Mexican number format
  assert.equal(
    setupI18n(dict, translations, 'en_US')('Count: ${n}', { n: 1234.5 }),
    'Cuenta: 1,234.5',
  )
  withLang(undefined)
  const en = setupI18n(dict, translations, 'en_US')
  assert.equal(en('Count: ${n}', { n: 1234567.891 }), 'Count: 1,234,567.891')
  assert.equal(en('On ${d}', { d: noon }), 'On 1/15/2024')
})

test('the default language uses the default strings, even if a translation exists for it', () => {
  withLang('en_US.UTF-8')
  assert.equal(setupI18n(dict, translations, 'en_US')('Plain'), 'Plain')
  assert.equal(refSetupI18n(dict, translations, 'en_US')('Plain'), 'Plain')
  withLang('en_GB.UTF-8') // same language: the en_US translation is the closest
  assert.equal(setupI18n(dict, translations, 'en_US')('Plain'), 'PLAIN')
  assert.equal(refSetupI18n(dict, translations, 'en_US')('Plain'), 'PLAIN')
  const onGb = setupI18n(dict, translations, 'en_US')
  assert.equal(onGb('On ${d}', { d: noon }), 'On 15/01/2024')
})

test('the first translation of the same language is used for another region', () => {
  withLang('es_MX')
  const t = { es_AR: { 4: 'AR' }, es_ES: { 4: 'ES' } }
  assert.equal(setupI18n(dict, t, 'en_US')('Plain'), 'AR')
  assert.equal(refSetupI18n(dict, t, 'en_US')('Plain'), 'AR')
})

test('a bare-language translation matches every region of it (the reference ignores it)', () => {
  withLang('fr_FR.UTF-8')
  const t = { fr: { 4: 'Simple' } }
  assert.equal(setupI18n(dict, t, 'en_US')('Plain'), 'Simple')
  assert.equal(refSetupI18n(dict, t, 'en_US')('Plain'), 'Plain')
  withLang('es_MX') // the bare language wins over a sibling region
  assert.equal(
    setupI18n(dict, { es_AR: { 4: 'AR' }, es: { 4: 'ES' } }, 'en_US')('Plain'),
    'ES',
  )
})

test('a string missing from the translation falls back to the default one (the reference returns undefined)', () => {
  withLang('es_ES.UTF-8')
  assert.equal(
    setupI18n(dict, translations, 'en_US')('Only in English'),
    'Only in English',
  )
  assert.equal(
    refSetupI18n(dict, translations, 'en_US')('Only in English'),
    undefined,
  )
  withLang('de_DE')
  const de = setupI18n(dict, { de_DE: {} }, 'en_US')
  assert.equal(de('Hello ${name}', { name: 'Ana' }), 'Hello Ana')
})

test('every occurrence of a placeholder is replaced (the reference replaces the first)', () => {
  withLang(undefined)
  const d = { '${a} and ${a}, not ${b}': 0 }
  assert.equal(
    setupI18n(d, {}, 'en_US')('${a} and ${a}, not ${b}', { a: 1 }),
    '1 and 1, not ${b}',
  )
  assert.equal(
    refSetupI18n(d, {}, 'en_US')('${a} and ${a}, not ${b}', { a: 1 }),
    '1 and ${a}, not ${b}',
  )
})

test('parameter values are inserted literally, `$&` included', () => {
  withLang(undefined)
  const i18n = setupI18n({ 'Pay ${x}': 0 }, {}, 'en_US')
  assert.equal(i18n('Pay ${x}', { x: "$& $' $1" }), "Pay $& $' $1")
  assert.equal(i18n('Pay ${x}', { x: '${x}' }), 'Pay ${x}')
})

test('locale names Intl rejects do not throw (the reference throws RangeError)', () => {
  for (const lang of [
    'de_DE.utf8',
    'C.UTF-8',
    'C',
    'POSIX',
    'es_ES@euro',
    'not a locale!',
  ]) {
    withLang(lang)
    const i18n = setupI18n(dict, translations, 'en_US')
    assert.equal(typeof i18n('Count: ${n}', { n: 1.5 }), 'string', lang)
  }
  withLang('de_DE.utf8')
  assert.equal(
    setupI18n(dict, translations, 'en_US')('Count: ${n}', { n: 1234.5 }),
    'Anzahl: 1.234,5',
  )
  withLang('es_ES@euro')
  assert.equal(setupI18n(dict, translations, 'en_US')('Plain'), 'Llano')
  withLang('C.UTF-8') // no language: the default one
  assert.equal(
    setupI18n(dict, translations, 'en_US')('Count: ${n}', { n: 1234.5 }),
    'Count: 1,234.5',
  )
})

test('an invalid date renders as "Invalid Date" (the reference throws RangeError)', () => {
  withLang(undefined)
  assert.equal(
    setupI18n(dict, {}, 'en_US')('On ${d}', { d: new Date(NaN) }),
    'On Invalid Date',
  )
})

test('a hyphenated $LANG matches the underscore translation', () => {
  withLang('es-ES')
  assert.equal(setupI18n(dict, translations, 'en_US')('Plain'), 'Llano')
})

test('$LANG is read on the first call, then kept', () => {
  withLang('de_DE')
  const i18n = setupI18n(dict, translations, 'en_US')
  withLang('es_ES')
  assert.equal(i18n('Plain'), 'Llano')
  withLang('de_DE')
  assert.equal(i18n('Plain'), 'Llano')
})

test('keys outside the dictionary come back as written', () => {
  withLang('es_ES')
  const i18n = setupI18n(dict, translations, 'en_US') as (
    k: string,
    p?: Record<string, string>,
  ) => string
  assert.equal(i18n('Not there ${x}', { x: 'y' }), 'Not there y')
  assert.equal(i18n('constructor'), 'constructor')
  assert.equal(i18n('toString'), 'toString')
})
