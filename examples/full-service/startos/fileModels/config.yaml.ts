import { FileHelper, z } from '@start9labs/start-sdk'
import { sdk } from '../sdk'

const webhook = z.object({
  url: z.string(),
  events: z.array(z.enum(['created', 'updated', 'deleted'])),
  secret: z.string().nullable().catch(null),
})

const storage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local'), path: z.string() }),
  z.object({
    kind: z.literal('s3'),
    endpoint: z.string(),
    bucket: z.string(),
    accessKey: z.string(),
    secretKey: z.string(),
  }),
])

/** The upstream program's configuration, as it reads it from `/data/config.yaml`. */
export const configShape = z.object({
  server: z
    .object({
      title: z.string().catch('My Notes'),
      motd: z.string().nullable().catch(null),
      basePath: z.string().catch('/'),
      tlsCertificate: z.string().nullable().catch(null),
    })
    .catch({
      title: 'My Notes',
      motd: null,
      basePath: '/',
      tlsCertificate: null,
    }),
  notes: z
    .object({
      maxSizeKiB: z.number().int().catch(256),
      registrations: z.boolean().catch(false),
    })
    .catch({ maxSizeKiB: 256, registrations: false }),
  appearance: z
    .object({
      theme: z.enum(['light', 'dark', 'system']).catch('system'),
      accent: z.string().nullable().catch('#3b82f6'),
    })
    .catch({ theme: 'system', accent: '#3b82f6' }),
  maintenance: z
    .object({ at: z.string().nullable().catch('03:30') })
    .catch({ at: '03:30' }),
  features: z
    .array(z.enum(['search', 'markdown', 'attachments']))
    .catch(['search', 'markdown']),
  allowedOrigins: z.array(z.string()).catch([]),
  webhooks: z.array(webhook).catch([]),
  storage: storage.catch({ kind: 'local', path: 'attachments' }),
})

/** `config.yaml` on the `main` volume. */
export const configYaml = FileHelper.yaml(
  { base: sdk.volumes.main, subpath: 'config.yaml' },
  configShape,
)
