/**
 * Ready-made {@link Pattern}s for text fields (`Value.text({…, patterns: [patterns.email]})`).
 * Each regex matches the whole value. The expressions are written from the grammars they
 * name (RFC 3986 for IP addresses and URLs, RFC 1123 for host names).
 */
import type { Pattern } from './specTypes'

// Leading zeros are tolerated (`010`), as StartOS' own pattern does.
const octet = '(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)'
const ipv4Body = `${octet}(?:\\.${octet}){3}`

const h16 = '[0-9A-Fa-f]{1,4}'
const ls32 = `(?:${h16}:${h16}|${ipv4Body})`
/** `n` groups of `h16:`. */
const groups = (n: number): string => (n === 0 ? '' : `(?:${h16}:){${n}}`)
/** Up to `n` groups of `h16:` then one `h16`, optional (the part before `::`). */
const head = (n: number): string =>
  n < 0 ? '' : `(?:(?:${h16}:){0,${n}}${h16})?`
// RFC 3986 §3.2.2 `IPv6address`, one alternative per line of the grammar, plus a zone.
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
const base64Quad = '[A-Za-z0-9+/]{4}'
const localHostnameBody = `${label}(?:\\.${label})*\\.local`
const port = '(?::[0-9]{1,5})?'
const rest = '(?:[/?#][^\\s]*)?'
const userinfo = "(?:[A-Za-z0-9._~!$&'()*+,;=:%-]*@)?"
const urlHost = `${userinfo}(?:${hostnameBody}|${ipv4Body}|\\[${ipv6Body}\\])`
const emailBody = '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}'

/** An IPv6 address, in any of its compressed forms, optionally with a zone (`%eth0`). */
export const ipv6: Pattern = {
  regex: `^${ipv6Body}$`,
  description: 'Must be a valid IPv6 address',
}

/** A dotted-decimal IPv4 address. */
export const ipv4: Pattern = {
  regex: `^${ipv4Body}$`,
  description: 'Must be a valid IPv4 address',
}

/** A host name: dot-separated labels of letters, digits and inner hyphens. */
export const hostname: Pattern = {
  regex: `^${hostnameBody}$`,
  description: 'Must be a valid hostname',
}

/** A host name ending in `.local` (mDNS). */
export const localHostname: Pattern = {
  regex: `^${localHostnameBody}$`,
  description: 'Must be a valid ".local" hostname',
}

/**
 * An `http` or `https` URL: optional user info, a host name or IP address (IPv6 in
 * brackets), optional port, path, query and fragment.
 */
export const url: Pattern = {
  regex: `^https?://${urlHost}${port}${rest}$`,
  description: 'Must be a valid URL',
}

/** An `http` or `https` URL whose host ends in `.local`. */
export const localUrl: Pattern = {
  regex: `^https?://${localHostnameBody}${port}${rest}$`,
  description: 'Must be a valid ".local" URL',
}

/** Printable ASCII only (space to tilde). */
export const ascii: Pattern = {
  regex: '^[ -~]*$',
  description:
    'May only contain ASCII characters. See https://www.w3schools.com/charsets/ref_html_ascii.asp',
}

/** A fully qualified domain name: at least two labels, the last one letters only. */
export const domain: Pattern = {
  regex: `^(?:${label}\\.)+[A-Za-z]{2,}$`,
  description: 'Must be a valid Fully Qualified Domain Name',
}

/** An email address. */
export const email: Pattern = {
  regex: `^${emailBody}$`,
  description: 'Must be a valid email address',
}

/** An email address, alone or after a display name: `Jane Doe <jane@example.com>`. */
export const emailWithName: Pattern = {
  regex: `^(?:${emailBody}|[^<]*<${emailBody}>)$`,
  description: 'Must be a valid email address, optionally with a name',
}

/** Base64 text (RFC 4648 standard alphabet, padded to whole quads). */
export const base64: Pattern = {
  regex: `^(?:${base64Quad})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$`,
  description:
    'May only contain base64 characters. See https://base64.guru/learn/base64-characters',
}
