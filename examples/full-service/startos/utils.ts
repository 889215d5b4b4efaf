import { randomBytes } from 'node:crypto'

/** The web UI and JSON API (HTTP). */
export const uiPort = 47300
/** The database, reachable from inside the service only. */
export const dbPort = 47301
/** First of the peer-to-peer gossip ports. */
export const p2pPort = 47310
/** How many gossip ports the service listens on. */
export const p2pPorts = 2

/** Where the image keeps the service's programs (relative to the container root). */
export const appDir = 'opt/full-service'

/** A random secret of `length` characters drawn from letters and digits. */
export function randomSecret(length = 24): string {
  const alphabet =
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return Array.from(
    randomBytes(length),
    (b) => alphabet[b % alphabet.length],
  ).join('')
}
