/**
 * Ready-made {@link Pattern}s for text fields (`Value.text({…, patterns: [patterns.email]})`).
 * Each regex matches the whole value. The expressions are written from the grammars they
 * name (RFC 3986 for IP addresses and URLs, RFC 1123 for host names).
 */
import { GRAMMAR } from '../util'
import type { Pattern } from './specTypes'

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
const base64Quad = '[A-Za-z0-9+/]{4}'

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
