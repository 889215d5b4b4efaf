/*
 * Compile-only tests of lib/i18n: the translate function's key and parameter types, equal
 * to the reference's.
 */
import { setupI18n as refSetupI18n } from 'start-sdk-reference'
import { setupI18n } from '../../lib/i18n'
import type { I18nFunction, I18nParamValue } from '../../lib/i18n'
import type { Equal, Expect } from './helpers'

const dict = { 'Hello ${name}': 0, Goodbye: 1 }
const translations = { es_ES: { 0: 'Hola ${name}', 1: 'Adiós' } }

const i18n = setupI18n(dict, translations, 'en_US')
const refI18n = refSetupI18n(dict, translations, 'en_US')

export type I18nResults = [
  Expect<Equal<typeof i18n, typeof refI18n>>,
  Expect<Equal<typeof i18n, I18nFunction<typeof dict>>>,
  Expect<Equal<Parameters<typeof i18n>[0], 'Hello ${name}' | 'Goodbye'>>,
  Expect<Equal<ReturnType<typeof i18n>, string>>,
  Expect<Equal<I18nParamValue, string | number | Date>>,
]

i18n('Hello ${name}', { name: 'Satoshi' })
i18n('Goodbye')
i18n('Hello ${name}', { name: 3, when: new Date() })
// @ts-expect-error not a key of the default dictionary
i18n('Hola ${name}')
// @ts-expect-error parameters are strings, numbers or dates
i18n('Hello ${name}', { name: true })
// @ts-expect-error translations map indices to strings
setupI18n(dict, { es_ES: { 0: 1 } }, 'en_US')
// @ts-expect-error the default dictionary maps strings to indices
setupI18n({ Hello: 'Hola' }, {}, 'en_US')
