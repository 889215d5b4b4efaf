/**
 * `smtpShape`: the tolerant schema for an SMTP choice kept in a package's own store, and
 * `smtpPrefill` to feed it back into `smtpInputSpec`. Built on first use.
 */
import { z } from '../z'

/** An SMTP choice as stored: none, the server's SMTP (maybe another sender), or custom. */
export type SmtpSelection =
  | {
      selection: 'disabled'
      value: Record<string, never>
    }
  | {
      selection: 'system'
      value: {
        customFrom?: string | null
      }
    }
  | {
      selection: 'custom'
      value: {
        provider: {
          selection: string
          value: {
            host: string
            from: string
            username: string
            password?: string | null
            security: {
              selection: 'tls' | 'starttls'
              value: {
                port: string
              }
            }
          }
        }
      }
    }

function buildShape(): z.ZodType<SmtpSelection> {
  const security = z
    .object({
      selection: z.enum(['tls', 'starttls']).catch('tls'),
      value: z.object({ port: z.string().catch('465') }).catch({ port: '465' }),
    })
    .catch({ selection: 'tls', value: { port: '465' } })
  const blankServer = {
    host: '',
    from: '',
    username: '',
    password: null,
    security: { selection: 'tls' as const, value: { port: '465' } },
  }
  const provider = z
    .object({
      selection: z.string().catch('other'),
      value: z
        .object({
          host: z.string().catch(''),
          from: z.string().catch(''),
          username: z.string().catch(''),
          password: z.string().nullable().optional().catch(null),
          security,
        })
        .catch(blankServer),
    })
    .catch({ selection: 'other', value: blankServer })
  return z
    .union([
      z.object({
        selection: z.literal('disabled'),
        value: z.object({}).catch({}),
      }),
      z.object({
        selection: z.literal('system'),
        value: z
          .object({ customFrom: z.string().nullable().optional().catch(null) })
          .catch({ customFrom: null }),
      }),
      z.object({
        selection: z.literal('custom'),
        value: z
          .object({ provider })
          .catch({ provider: { selection: 'other', value: blankServer } }),
      }),
    ])
    .catch({ selection: 'disabled', value: {} }) as z.ZodType<SmtpSelection>
}

/**
 * The schema to keep an SMTP choice in a file model: anything malformed falls back to a
 * sensible value (no SMTP, blank fields, TLS on port 465) instead of failing the read.
 * Built on first use.
 *
 * @example
 * ```ts
 * const store = FileHelper.json(path, z.object({ smtp: smtpShape }))
 * ```
 */
export const smtpShape: z.ZodType<SmtpSelection> = z.lazy(buildShape)

/**
 * A stored SMTP choice as a `prefill` for `smtpInputSpec`; `undefined` when nothing is
 * stored. (The stored type and the form type describe the same values.)
 */
export function smtpPrefill(smtp: SmtpSelection | null | undefined): any {
  return smtp || undefined
}
