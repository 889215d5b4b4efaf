import { configYaml } from '../fileModels/config.yaml'
import { metricsToml } from '../fileModels/metrics.toml'
import { storeJson } from '../fileModels/store.json'
import { sdk } from '../sdk'

const { InputSpec, List, Value, Variants } = sdk

const webhookSpec = InputSpec.of({
  url: Value.text({
    name: 'URL',
    description: 'Where to POST the event',
    default: null,
    required: true,
    inputmode: 'url',
    patterns: [sdk.patterns.url],
  }),
  events: Value.multiselect({
    name: 'Events',
    default: ['created'],
    values: {
      created: 'Note created',
      updated: 'Note updated',
      deleted: 'Note deleted',
    },
    minLength: 1,
  }),
  secret: Value.text({
    name: 'Signing secret',
    description: 'Sent as an HMAC signature header',
    default: null,
    required: false,
    masked: true,
  }),
})

const storageVariants = Variants.of({
  local: {
    name: 'On this server',
    spec: InputSpec.of({
      path: Value.text({
        name: 'Folder',
        description: 'Inside the data volume',
        default: 'attachments',
        required: true,
        patterns: [
          { regex: '^[a-z0-9_-]+$', description: 'A plain folder name' },
        ],
      }),
    }),
  },
  s3: {
    name: 'S3-compatible bucket',
    spec: InputSpec.of({
      endpoint: Value.text({
        name: 'Endpoint',
        default: 'https://s3.amazonaws.com',
        required: true,
        inputmode: 'url',
      }),
      bucket: Value.text({ name: 'Bucket', default: null, required: true }),
      accessKey: Value.text({
        name: 'Access key',
        default: null,
        required: true,
      }),
      secretKey: Value.text({
        name: 'Secret key',
        default: null,
        required: true,
        masked: true,
      }),
    }),
  },
})

/** The settings form: every file the service reads is written from it. */
export const configureSpec = InputSpec.of({
  title: Value.text({
    name: 'Site title',
    default: 'My Notes',
    required: true,
    maxLength: 60,
  }),
  motd: Value.textarea({
    name: 'Message of the day',
    description: 'Shown under the title',
    default: null,
    required: false,
    maxLength: 500,
  }),
  basePath: Value.text({
    name: 'Base path',
    default: '/',
    required: true,
    patterns: [{ regex: '^/', description: 'Starts with /' }],
  }),
  maxSizeKiB: Value.number({
    name: 'Largest note',
    default: 256,
    required: true,
    integer: true,
    min: 1,
    max: 10_240,
    units: 'KiB',
  }),
  registrations: Value.toggle({
    name: 'Open registrations',
    description: 'Let visitors create accounts',
    default: false,
  }),
  theme: Value.select({
    name: 'Theme',
    default: 'system',
    values: { light: 'Light', dark: 'Dark', system: 'Follow the browser' },
  }),
  accent: Value.color({
    name: 'Accent colour',
    default: '#3b82f6',
    required: false,
  }),
  maintenanceAt: Value.datetime({
    name: 'Nightly maintenance',
    description: 'When the search index is rebuilt',
    default: '03:30',
    required: false,
    inputmode: 'time',
  }),
  features: Value.multiselect({
    name: 'Features',
    default: ['search', 'markdown'],
    values: {
      search: 'Search',
      markdown: 'Markdown',
      attachments: 'Attachments',
    },
  }),
  allowedOrigins: Value.list(
    List.text(
      {
        name: 'Allowed origins',
        description: 'Sites allowed to call the API from a browser',
        default: [],
        maxLength: 20,
      },
      { placeholder: 'https://example.com', patterns: [sdk.patterns.url] },
    ),
  ),
  webhooks: Value.list(
    List.obj(
      { name: 'Webhooks', default: [], maxLength: 10 },
      { spec: webhookSpec, displayAs: '{{url}}', uniqueBy: 'url' },
    ),
  ),
  storage: Value.union({
    name: 'Attachment storage',
    default: 'local',
    variants: storageVariants,
  }),
  tlsCertificate: Value.file({
    name: 'Custom TLS certificate',
    description: 'Leave empty to use the StartOS certificate',
    extensions: ['.pem', '.crt'],
    required: false,
  }),
  metrics: Value.object(
    { name: 'Metrics', description: 'The built-in exporter' },
    InputSpec.of({
      enabled: Value.toggle({ name: 'Export metrics', default: true }),
      interval: Value.number({
        name: 'Interval',
        default: 15,
        required: true,
        integer: true,
        min: 1,
        max: 3600,
        units: 'seconds',
      }),
    }),
  ),
  timestamps: Value.toggle({
    name: 'Timestamp notes',
    description: 'Requires Bitcoin Core',
    default: true,
  }),
})

/** Settings: prefilled from the three files, written back to them. */
export const configure = sdk.Action.withInput(
  'configure',
  async () => ({
    name: 'Configure',
    description: 'Site, notes, storage, webhooks and metrics settings',
    warning: null,
    allowedStatuses: 'any',
    group: 'Settings',
    visibility: 'enabled',
  }),
  configureSpec,
  async ({ effects }) => {
    const config = await configYaml.read().once()
    const metrics = await metricsToml.read().once()
    const store = await storeJson.read().once()
    if (!config) return null
    const { storage } = config
    return {
      title: config.server.title,
      motd: config.server.motd,
      basePath: config.server.basePath,
      maxSizeKiB: config.notes.maxSizeKiB,
      registrations: config.notes.registrations,
      theme: config.appearance.theme,
      accent: config.appearance.accent,
      maintenanceAt: config.maintenance.at,
      features: config.features,
      allowedOrigins: config.allowedOrigins,
      webhooks: config.webhooks,
      storage:
        storage.kind === 'local'
          ? { selection: 'local' as const, value: { path: storage.path } }
          : {
              selection: 's3' as const,
              value: {
                endpoint: storage.endpoint,
                bucket: storage.bucket,
                accessKey: storage.accessKey,
                secretKey: storage.secretKey,
              },
            },
      metrics: metrics
        ? {
            enabled: metrics.exporter.enabled,
            interval: metrics.exporter.interval_seconds,
          }
        : undefined,
      timestamps: store?.timestamps.enabled,
    }
  },
  async ({ effects, input }) => {
    const storage =
      input.storage.selection === 'local'
        ? { kind: 'local' as const, path: input.storage.value.path }
        : { kind: 's3' as const, ...input.storage.value }
    // `write`, not `merge`: every key is set from the form, and lists must shrink too.
    await configYaml.write(effects, {
      server: {
        title: input.title,
        motd: input.motd,
        basePath: input.basePath,
        tlsCertificate: input.tlsCertificate?.path ?? null,
      },
      notes: {
        maxSizeKiB: input.maxSizeKiB,
        registrations: input.registrations,
      },
      appearance: { theme: input.theme, accent: input.accent },
      maintenance: { at: input.maintenanceAt },
      features: input.features,
      allowedOrigins: input.allowedOrigins,
      webhooks: input.webhooks,
      storage,
    })
    await metricsToml.merge(effects, {
      exporter: {
        enabled: input.metrics.enabled,
        interval_seconds: input.metrics.interval,
      },
    })
    await storeJson.merge(effects, {
      timestamps: { enabled: input.timestamps },
    })
  },
)
