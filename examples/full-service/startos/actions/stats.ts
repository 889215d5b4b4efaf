import { sdk } from '../sdk'
import { uiPort } from '../utils'

/** Asks the running service for its statistics. */
export const stats = sdk.Action.withoutInput(
  'stats',
  {
    name: 'Statistics',
    description:
      'How many notes are stored, and for how long the service has run',
    warning: null,
    allowedStatuses: 'only-running',
    group: null,
    visibility: 'enabled',
    access: 'dependent',
  },
  async () => {
    const response = await fetch(`http://127.0.0.1:${uiPort}/api/stats`)
    const stats = (await response.json()) as {
      title: string
      notes: number
      uptimeSeconds: number
    }
    return {
      version: '1',
      title: stats.title,
      message: null,
      result: {
        type: 'group',
        value: [
          {
            name: 'Notes',
            description: null,
            type: 'single',
            value: String(stats.notes),
            copyable: false,
            qr: false,
            masked: false,
          },
          {
            name: 'Uptime',
            description: 'Seconds since the web app started',
            type: 'single',
            value: stats.uptimeSeconds.toFixed(0),
            copyable: false,
            qr: false,
            masked: false,
          },
        ],
      },
    }
  },
)
