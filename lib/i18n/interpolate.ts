/** A value substituted for a `${name}` placeholder: text as is, numbers and dates in the user's locale. */
export type I18nParamValue = string | number | Date

/** Renders one parameter value. */
export type ParamFormatter = (value: I18nParamValue) => string

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]'
}

/** A formatter for `locale` (`undefined`: the runtime's default), building its `Intl` formatters on first use. */
export function paramFormatter(locale: string | undefined): ParamFormatter {
  let numbers: Intl.NumberFormat | undefined
  let dates: Intl.DateTimeFormat | undefined
  return (value) => {
    if (typeof value === 'number') {
      numbers ??= new Intl.NumberFormat(locale)
      return numbers.format(value)
    }
    if (isDate(value)) {
      if (Number.isNaN(value.getTime())) return String(value)
      dates ??= new Intl.DateTimeFormat(locale)
      return dates.format(value)
    }
    return String(value)
  }
}

const PLACEHOLDER = /\$\{([^{}]+)\}/g

/**
 * `text` with every `${name}` placeholder replaced by the formatted `params[name]`;
 * placeholders without a parameter stay as written.
 */
export function interpolate(
  text: string,
  params: Readonly<Record<string, I18nParamValue>>,
  format: ParamFormatter,
): string {
  if (!text.includes('${')) return text
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole
    const value = params[name]
    return value === undefined ? whole : format(value)
  })
}
