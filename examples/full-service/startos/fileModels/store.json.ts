import { FileHelper, z } from '@start9labs/start-sdk'
import { sdk } from '../sdk'

/** The package's own state: secrets and switches the upstream program does not read. */
export const storeShape = z.object({
  adminPassword: z.string().min(1).catch('change-me'),
  timestamps: z
    .object({
      enabled: z.boolean().catch(true),
      minConfirmations: z.number().int().min(0).catch(1),
    })
    .catch({ enabled: true, minConfirmations: 1 }),
})

/** `store.json` on the `main` volume. */
export const storeJson = FileHelper.json(
  { base: sdk.volumes.main, subpath: 'store.json' },
  storeShape,
)
