import { createHash } from 'node:crypto'

/** A PEM block whose body is base64 text that says it is fake, plus a digest for uniqueness. */
function pem(label: string, text: string): string {
  const digest = createHash('sha256').update(text).digest('hex')
  const body = Buffer.from(`${text}\n${digest}\n`).toString('base64')
  const lines = body.match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

function subject(
  hostnames: string[],
  algorithm: string,
  generation: number,
): string {
  return `${[...hostnames].sort().join(',')} ${algorithm} #${generation}`
}

/**
 * A deterministic, PEM-shaped certificate chain (leaf, intermediate, root) for `hostnames`.
 *
 * Not a real certificate: the body is base64 text saying so, and TLS libraries reject it.
 */
export function fakeCertificateChain(
  hostnames: string[],
  algorithm: string,
  generation: number,
): [string, string, string] {
  const who = subject(hostnames, algorithm, generation)
  return [
    pem('CERTIFICATE', `start-sdk simulator FAKE leaf certificate for ${who}`),
    pem(
      'CERTIFICATE',
      `start-sdk simulator FAKE intermediate CA #${generation}`,
    ),
    pem('CERTIFICATE', `start-sdk simulator FAKE root CA #${generation}`),
  ]
}

/** A deterministic, PEM-shaped private key for `hostnames`; not a real key. */
export function fakePrivateKey(
  hostnames: string[],
  algorithm: string,
  generation: number,
): string {
  const who = subject(hostnames, algorithm, generation)
  return pem('PRIVATE KEY', `start-sdk simulator FAKE private key for ${who}`)
}
