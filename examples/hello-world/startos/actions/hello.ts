import { Action } from '@start9labs/start-sdk'

/** Says hello; other packages may run it directly (`access: 'public'`). */
export const hello = Action.withoutInput(
  'hello',
  async () => ({
    name: 'Say hello',
    description: 'Returns a greeting',
    warning: null,
    visibility: 'enabled',
    allowedStatuses: 'only-running',
    group: null,
    access: 'public',
  }),
  async () => ({
    version: '1',
    title: 'Hello',
    message: 'Hello from the example package',
    result: {
      type: 'single',
      value: 'hello',
      copyable: true,
      qr: false,
      masked: false,
    },
  }),
)
