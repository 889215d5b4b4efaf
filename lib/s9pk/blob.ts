/// <reference types="node" />
import { badArchive } from './problems'

/** `[position, position + size)` of `source` as numbers, checked to lie inside it. */
export function sectionBounds(
  source: Blob,
  position: bigint,
  size: bigint,
  what: string,
): [number, number] {
  const end = position + size
  if (end > BigInt(source.size)) {
    throw badArchive(
      what,
      `bytes ${position}..${end} lie past the end of the ${source.size}-byte archive (truncated?)`,
    )
  }
  return [Number(position), Number(end)]
}

/** The bytes of `[position, position + size)` of `source`. */
export async function readSection(
  source: Blob,
  position: bigint,
  size: bigint,
  what: string,
): Promise<ArrayBuffer> {
  const [start, end] = sectionBounds(source, position, size, what)
  return source.slice(start, end).arrayBuffer()
}

/** Whether two byte arrays hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Standard base64 of `bytes` (no `Buffer`, so browsers can read archives too). */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

/** The bytes of standard or URL-safe base64 `text`, or `null` when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '')
  if (!/^[A-Za-z0-9+/]*$/.test(standard) || standard.length % 4 === 1)
    return null
  const binary = atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, '='))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}
