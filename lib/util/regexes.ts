/**
 * Ready-made {@link ComposableRegex}es for common text: addresses, host names, URLs, email,
 * base64 and PEM blocks. The sources are unanchored; `matches()` anchors them.
 */
import { ComposableRegex, escapeLiteral } from './ComposableRegex'
import { GRAMMAR } from './grammar'

export { ComposableRegex, escapeLiteral }

const {
  ipv4: ipv4Body,
  ipv6: ipv6Body,
  label,
  hostname: hostnameBody,
  localHostname: localHostnameBody,
  port,
  rest,
  urlHost,
  email: emailBody,
} = GRAMMAR
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
