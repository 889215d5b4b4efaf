import { SdkError } from '../errors'

/** Where a parsed address came from: its octets and the text to render it as. */
export interface ParsedIp {
  octets: number[]
  text: string
}

const DECIMAL = /^[0-9]+$/
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/
const ZONE = /^[0-9A-Za-z._~-]+$/

function invalidAddress(text: string, why: string): SdkError {
  return new SdkError(
    'IP_INVALID',
    `Invalid IP address \`${text}\`: ${why}. Expected dotted IPv4 (\`192.168.1.1\`) or IPv6 (\`fe80::1\`, \`fe80::1%eth0\`)`,
    { details: { address: text } },
  )
}

function parseIpv4(text: string, whole: string): number[] {
  const parts = text.split('.')
  if (parts.length !== 4)
    throw invalidAddress(
      whole,
      `an IPv4 address has 4 parts, got ${parts.length}`,
    )
  return parts.map((part) => {
    const value = DECIMAL.test(part) ? Number(part) : NaN
    if (!(value <= 255))
      throw invalidAddress(whole, `\`${part}\` is not a number from 0 to 255`)
    return value
  })
}

/** The 16-bit groups of one side of `::` (an IPv4 tail counts as two groups). */
function groupsOf(side: string, whole: string, last: boolean): number[] {
  if (side === '') return []
  const parts = side.split(':')
  const out: number[] = []
  parts.forEach((part, i) => {
    if (last && i === parts.length - 1 && part.includes('.')) {
      const [a, b, c, d] = parseIpv4(part, whole)
      out.push((a << 8) | b, (c << 8) | d)
    } else if (HEX_GROUP.test(part)) {
      out.push(parseInt(part, 16))
    } else {
      throw invalidAddress(
        whole,
        `\`${part}\` is not a group of 1 to 4 hex digits`,
      )
    }
  })
  return out
}

function parseIpv6(text: string, whole: string): number[] {
  const halves = text.split('::')
  if (halves.length > 2)
    throw invalidAddress(whole, '`::` may appear only once')
  let groups: number[]
  if (halves.length === 2) {
    const head = groupsOf(halves[0], whole, false)
    const tail = groupsOf(halves[1], whole, true)
    const missing = 8 - head.length - tail.length
    if (missing < 1)
      throw invalidAddress(whole, '`::` must stand for at least one group of 8')
    groups = [...head, ...new Array<number>(missing).fill(0), ...tail]
  } else {
    groups = groupsOf(text, whole, true)
    if (groups.length !== 8)
      throw invalidAddress(
        whole,
        `an IPv6 address has 8 groups, got ${groups.length}`,
      )
  }
  return groups.flatMap((g) => [g >> 8, g & 0xff])
}

/** Parses an IPv4 or IPv6 address (an IPv6 zone such as `%eth0` is kept in the text only). */
export function parseIp(text: string): ParsedIp {
  if (typeof text !== 'string')
    throw invalidAddress(String(text), 'it is not a string')
  if (!text.includes(':')) return { octets: parseIpv4(text, text), text }
  const zoneAt = text.indexOf('%')
  if (zoneAt !== -1 && !ZONE.test(text.slice(zoneAt + 1)))
    throw invalidAddress(
      text,
      'the zone after `%` must be a non-empty interface name',
    )
  const bare = zoneAt === -1 ? text : text.slice(0, zoneAt)
  return { octets: parseIpv6(bare, text), text }
}

/** Throws unless `octets` is 4 or 16 integers from 0 to 255. */
export function checkOctets(octets: readonly number[]): void {
  const ok =
    Array.isArray(octets) &&
    (octets.length === 4 || octets.length === 16) &&
    octets.every((o) => Number.isInteger(o) && o >= 0 && o <= 255)
  if (!ok)
    throw new SdkError(
      'IP_INVALID',
      `Invalid IP octets \`${JSON.stringify(octets)}\`: expected 4 (IPv4) or 16 (IPv6) integers from 0 to 255`,
      { details: { octets } },
    )
}

/** The canonical text of an address: dotted IPv4, or RFC 5952 IPv6 (lowercase, longest zero run as `::`). */
export function renderOctets(octets: readonly number[]): string {
  if (octets.length === 4) return octets.join('.')
  const groups: number[] = []
  for (let i = 0; i + 1 < octets.length; i += 2)
    groups.push(octets[i] * 256 + octets[i + 1])
  let best = -1
  let bestLength = 1
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < groups.length && groups[j] === 0) j++
    if (j - i > bestLength) {
      best = i
      bestLength = j - i
    }
    i = j
  }
  const hex = (gs: number[]): string => gs.map((g) => g.toString(16)).join(':')
  if (best === -1) return hex(groups)
  return `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLength))}`
}

/** The address as one unsigned integer. */
export function toBigInt(octets: readonly number[]): bigint {
  let value = 0n
  for (const o of octets) value = (value << 8n) | BigInt(o)
  return value
}

/** `length` octets of `value`, taken modulo 2^(8·length). */
export function fromBigInt(value: bigint, length: number): number[] {
  const bits = BigInt(length * 8)
  let rest = ((value % (1n << bits)) + (1n << bits)) % (1n << bits)
  const out = new Array<number>(length)
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(rest & 0xffn)
    rest >>= 8n
  }
  return out
}

/** Octets with the bits after the first `prefix` set to 0 (`fill` false) or 1. */
export function maskOctets(
  octets: readonly number[],
  prefix: number,
  fill: boolean,
): number[] {
  return octets.map((o, i) => {
    const keep = Math.max(0, Math.min(8, prefix - i * 8))
    const hostMask = 0xff >> keep
    return fill ? o | hostMask : o & ~hostMask & 0xff
  })
}

/** Whether `octets` lies in the network `net`/`prefix` (same family only). */
export function inNetwork(
  net: readonly number[],
  prefix: number,
  octets: readonly number[],
): boolean {
  if (net.length !== octets.length) return false
  const a = maskOctets(net, prefix, false)
  const b = maskOctets(octets, prefix, false)
  return a.every((o, i) => o === b[i])
}

/** Lexicographic order of two octet lists, the shorter padded with zeros. */
export function compareOctets(
  a: readonly number[],
  b: readonly number[],
): -1 | 0 | 1 {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0
    const y = b[i] ?? 0
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}

/** The private IPv4 networks `isPublic` excludes: loopback, 10/8, 172.16/12, 192.168/16. */
export const PRIVATE_IPV4: readonly (readonly [number[], number])[] = [
  [[127, 0, 0, 0], 8],
  [[10, 0, 0, 0], 8],
  [[172, 16, 0, 0], 12],
  [[192, 168, 0, 0], 16],
]

/** The IPv6 networks that are not global unicast: loopback, unique-local, link-local. */
export const LOCAL_IPV6: readonly (readonly [number[], number])[] = [
  [[...new Array<number>(15).fill(0), 1], 128],
  [[0xfc, ...new Array<number>(15).fill(0)], 7],
  [[0xfe, 0x80, ...new Array<number>(14).fill(0)], 10],
]
