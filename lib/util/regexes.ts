/**
 * Ready-made {@link ComposableRegex}es for common text: addresses, host names, URLs, email,
 * base64 and PEM blocks. The sources are unanchored; `matches()` anchors them.
 */
import { ComposableRegex, escapeLiteral } from './ComposableRegex'

export { ComposableRegex, escapeLiteral }

// The grammars below follow RFC 3986 (IP addresses, URLs) and RFC 1123 (host names).
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
const b64 = '[A-Za-z0-9+/]'
const b64s = `${b64}\\s*`

/** An IPv6 address in any compressed form, optionally with a zone (`%eth0`). */
export const ipv6: ComposableRegex = new ComposableRegex(ipv6Body)

/** A dotted-decimal IPv4 address. */
export const ipv4: ComposableRegex = new ComposableRegex(ipv4Body)

/** A host name: dot-separated labels of letters, digits and inner hyphens. */
export const hostname: ComposableRegex = new ComposableRegex(hostnameBody)

/** A host name ending in `.local` (mDNS). */
export const localHostname: ComposableRegex = new ComposableRegex(
  localHostnameBody,
)

/** An `http` or `https` URL: optional user info, host or IP address, port, path, query, fragment. */
export const url: ComposableRegex = new ComposableRegex(
  `https?://${urlHost}${port}${rest}`,
)

/** An `http` or `https` URL whose host ends in `.local`. */
export const localUrl: ComposableRegex = new ComposableRegex(
  `https?://${localHostnameBody}${port}${rest}`,
)

/** Printable ASCII (space to tilde). */
export const ascii: ComposableRegex = new ComposableRegex('[ -~]*')

/** A fully qualified domain name: at least two labels, the last one letters only. */
export const domain: ComposableRegex = new ComposableRegex(
  `(?:${label}\\.)+[A-Za-z]{2,}`,
)

/** An email address. */
export const email: ComposableRegex = new ComposableRegex(emailBody)

/** An email address, alone or after a display name: `Jane Doe <jane@example.com>`. */
export const emailWithName: ComposableRegex = new ComposableRegex(
  `(?:${emailBody}|[^<]*<${emailBody}>)`,
)

/** Base64 text without whitespace (standard alphabet, padded to whole quads). */
export const base64: ComposableRegex = new ComposableRegex(
  `(?:${b64}{4})*(?:${b64}{2}==|${b64}{3}=)?`,
)

/** Base64 text that may have whitespace (line breaks) between its characters. */
export const base64Whitespace: ComposableRegex = new ComposableRegex(
  `(?:(?:${b64s}){4})*(?:(?:${b64s}){2}=\\s*=|(?:${b64s}){3}=)?`,
)

/**
 * A PEM block with the given label: `-----BEGIN <label>-----`, base64 lines,
 * `-----END <label>-----`.
 *
 * @example
 * ```ts
 * new RegExp(pem('CERTIFICATE').matches()).test(certificateText)
 * ```
 */
export const pem = (label: string): ComposableRegex => {
  const name = escapeLiteral(label)
  return new ComposableRegex(
    `-----BEGIN ${name}-----\\r?\\n[A-Za-z0-9+/=\\r\\n]*?\\r?\\n-----END ${name}-----`,
  )
}
