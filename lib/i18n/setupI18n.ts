import type { I18nParamValue, ParamFormatter } from './interpolate'
import { interpolate, paramFormatter } from './interpolate'
import { envLang, intlLocale, langFromLocale, pickTranslation } from './locale'

/** The translate function `setupI18n` returns: a default-language string and its parameters in, the user's language out. */
export type I18nFunction<TDict> = (
  key: keyof TDict,
  params?: Record<string, I18nParamValue>,
) => string

interface Resolved {
  readonly table: Readonly<Record<number, string>> | null
  readonly format: ParamFormatter
}

function resolve(
  translations: Record<string, Record<number, string>>,
  defaultLang: string,
): Resolved {
  const lang = langFromLocale(envLang())
  const picked = pickTranslation(lang, defaultLang, Object.keys(translations))
  return {
    table: picked === null ? null : translations[picked],
    format: paramFormatter(intlLocale([lang, picked, defaultLang])),
  }
}

/**
 * Creates a package's translate function. `defaultDict` maps each default-language string
 * to its index; `translations` maps a locale (such as `es_ES`) to strings by index. The
 * language comes from `$LANG` (read on the first call): its exact locale, else its bare
 * language, else another locale of the same language, else `defaultLang`. A string a
 * translation lacks falls back to the default-language string. `${name}` placeholders take
 * `params[name]`, numbers and dates formatted for the user's locale.
 *
 * @example
 * ```ts
 * const i18n = setupI18n(
 *   { 'Hello ${name}': 0 },
 *   { es_ES: { 0: 'Hola ${name}' } },
 *   'en_US',
 * )
 * i18n('Hello ${name}', { name: 'Satoshi' }) // 'Hola Satoshi' when LANG=es_ES.UTF-8
 * ```
 */
export function setupI18n<
  TDict extends Record<string, number>,
  TTranslations extends Record<string, Record<number, string>>,
>(
  defaultDict: TDict,
  translations: TTranslations,
  defaultLang: string,
): I18nFunction<TDict> {
  let resolved: Resolved | undefined
  return (key, params) => {
    resolved ??= resolve(translations, defaultLang)
    const text = String(key)
    const index = Object.hasOwn(defaultDict, text)
      ? defaultDict[text]
      : undefined
    const table = resolved.table
    const translated =
      table !== null && index !== undefined && Object.hasOwn(table, index)
        ? table[index]
        : undefined
    const chosen = typeof translated === 'string' ? translated : text
    return params === undefined
      ? chosen
      : interpolate(chosen, params, resolved.format)
  }
}
