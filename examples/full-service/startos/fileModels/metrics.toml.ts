import { FileHelper, z } from '@start9labs/start-sdk'
import { sdk } from '../sdk'

/** The metrics exporter's settings (added in 1.2.0). */
export const metricsShape = z.object({
  exporter: z
    .object({
      enabled: z.boolean().catch(true),
      interval_seconds: z.number().int().min(1).catch(15),
    })
    .catch({ enabled: true, interval_seconds: 15 }),
  labels: z
    .object({ instance: z.string().catch('startos') })
    .catch({ instance: 'startos' }),
})

/** `metrics.toml` on the `main` volume. */
export const metricsToml = FileHelper.toml(
  { base: sdk.volumes.main, subpath: 'metrics.toml' },
  metricsShape,
)
