/**
 * Regular-expression sources for addresses, host names, URLs and email, written from the
 * grammars they name (RFC 3986 for IP addresses and URLs, RFC 1123 for host names). Unanchored;
 * `regexes` wraps them as `ComposableRegex`es and the input `patterns` anchor them.
 */
const octet = '(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)'
const ipv4Body = `${octet}(?:\\.${octet}){3}`
const h16 = '[0-9A-Fa-f]{1,4}'
const ls32 = `(?:${h16}:${h16}|${ipv4Body})`
const groups = (n: number): string => (n === 0 ? '' : `(?:${h16}:){${n}}`)
const head = (n: number): string =>
  n < 0 ? '' : `(?:(?:${h16}:){0,${n}}${h16})?`
const ipv6Body =
  '(?:' +
  [
    `${groups(6)}${ls32}`,
    `::${groups(5)}${ls32}`,
    `${head(0)}::${groups(4)}${ls32}`,
    `${head(1)}::${groups(3)}${ls32}`,
    `${head(2)}::${groups(2)}${ls32}`,
    `${head(3)}::${h16}:${ls32}`,
    `${head(4)}::${ls32}`,
    `${head(5)}::${h16}`,
    `${head(6)}::`,
  ].join('|') +
  ')(?:%[0-9A-Za-z]+)?'
const label = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
const hostnameBody = `${label}(?:\\.${label})*`
const localHostnameBody = `${label}(?:\\.${label})*\\.local`
const port = '(?::[0-9]{1,5})?'
const rest = '(?:[/?#][^\\s]*)?'
const userinfo = "(?:[A-Za-z0-9._~!$&'()*+,;=:%-]*@)?"
const urlHost = `${userinfo}(?:${hostnameBody}|${ipv4Body}|\\[${ipv6Body}\\])`
const emailBody = '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}'

/** The sources other modules build on. */
export const GRAMMAR: {
  readonly ipv4: string
  readonly ipv6: string
  readonly label: string
  readonly hostname: string
  readonly localHostname: string
  readonly port: string
  readonly rest: string
  readonly urlHost: string
  readonly email: string
} = {
  ipv4: ipv4Body,
  ipv6: ipv6Body,
  label,
  hostname: hostnameBody,
  localHostname: localHostnameBody,
  port,
  rest,
  urlHost,
  email: emailBody,
}
