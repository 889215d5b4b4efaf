import { storeJson } from '../fileModels/store.json'
import { sdk } from '../sdk'
import { randomSecret } from '../utils'

/** Replaces the admin password with a new random one and shows it once. */
export const resetPassword = sdk.Action.withoutInput(
  'reset-password',
  {
    name: 'Reset admin password',
    description: 'Generate a new admin password; the old one stops working',
    warning: 'Anyone logged in as admin will be logged out.',
    allowedStatuses: 'any',
    group: 'Security',
    visibility: 'enabled',
  },
  async ({ effects }) => {
    const adminPassword = randomSecret()
    await storeJson.merge(effects, { adminPassword })
    return {
      version: '1',
      title: 'New admin password',
      message: 'Log in as "admin" with this password.',
      result: {
        type: 'single',
        value: adminPassword,
        copyable: true,
        qr: false,
        masked: true,
      },
    }
  },
)
