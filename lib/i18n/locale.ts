/** `$LANG` of the current process, where there is one. */
export function envLang(): string | undefined {
  const host = globalThis as {
    process?: { env?: Record<string, string | undefined> }
  }
  return host.process?.env?.LANG
}

/**
 * The language tag in a POSIX locale name, with `_` between its parts: `es_ES.UTF-8` and
 * `es_ES@euro` give `es_ES`, `es-ES` gives `es_ES`; `null` for an empty value, `C` and `POSIX`.
 */
export function langFromLocale(value: string | undefined): string | null {
  if (value === undefined) return null
  const tag = value.split(/[.@]/, 1)[0].replace(/-/g, '_')
  return tag === '' || tag === 'C' || tag === 'POSIX' ? null : tag
}

/** The language part of a tag, lowercase: `es_ES` gives `es`. */
function languageOf(tag: string): string {
  return tag.split(/[_-]/, 1)[0].toLowerCase()
}

/**
 * The translation to use for `lang`: the key equal to it, else the key naming its bare
 * language (`es` for `es_MX`), else the first key of the same language (`es_ES` for
 * `es_MX`); `null` for the default dictionary (no `lang`, `lang` is the default language,
 * or no translation matches).
 */
export function pickTranslation(
  lang: string | null,
  defaultLang: string,
  available: readonly string[],
): string | null {
  if (lang === null || lang === defaultLang) return null
  if (available.includes(lang)) return lang
  const language = languageOf(lang)
  return (
    available.find((key) => key.toLowerCase() === language) ??
    available.find((key) => languageOf(key) === language) ??
    null
  )
}

/** The first candidate that is a valid BCP 47 tag once `_` becomes `-`, canonicalized; `undefined` for none. */
export function intlLocale(
  candidates: ReadonlyArray<string | null>,
): string | undefined {
  for (const candidate of candidates) {
    if (candidate === null || candidate === '') continue
    try {
      return Intl.getCanonicalLocales(candidate.replace(/_/g, '-'))[0]
    } catch {
      // not a valid tag: try the next candidate
    }
  }
  return undefined
}
