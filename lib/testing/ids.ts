import { randomBytes } from 'node:crypto'

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** A 32-character base32 id (`A–Z`, `2–7`), shaped like the host's event ids. */
export function newEventId(): string {
  const bytes = randomBytes(32)
  let id = ''
  for (const byte of bytes) id += BASE32[byte & 31]
  return id
}

/** A 32-character lowercase base32 id, shaped like a subcontainer guid. */
export function newGuid(): string {
  return newEventId().toLowerCase()
}
