import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  exportPluginUrl,
  registerUrlPlugin,
  setupExportedUrls,
} from '../../lib/host'
import type { PluginHostnameInfo } from '../../lib/types'
import { hostRig } from './helpers'

const url = (hostname: string): PluginHostnameInfo => ({
  packageId: 'web',
  hostId: 'main',
  internalPort: 80,
  ssl: false,
  public: true,
  hostname,
  port: 80,
  info: null,
})

test('URL plugin: register, export, and setupExportedUrls clears what was not exported again', async () => {
  const rig = await hostRig('tor')
  try {
    const effects = rig.effects()
    await registerUrlPlugin(effects, { tableAction: { id: 'urls' } })
    assert.equal(rig.sim.state().pluginTableAction, 'urls')
    const publish = (hostnames: string[]) =>
      setupExportedUrls(async ({ effects }) => {
        for (const hostname of hostnames) {
          await exportPluginUrl(effects, {
            hostnameInfo: url(hostname),
            removeAction: { id: 'remove-url' },
            overflowActions: [{ id: 'rotate' }, { id: 'pin' }],
          })
        }
      })
    assert.equal(await publish(['a.onion', 'b.onion'])(effects), null)
    assert.deepEqual(
      rig.sim.state().pluginUrls.map((u) => u.hostname),
      ['a.onion', 'b.onion'],
    )
    const sent = rig.sim.calls('plugin.url.export-url')[0].params as {
      removeAction: unknown
      overflowActions: unknown
    }
    assert.equal(sent.removeAction, 'remove-url')
    assert.deepEqual(sent.overflowActions, ['rotate', 'pin'])
    await publish(['b.onion'])(effects)
    assert.deepEqual(
      rig.sim.state().pluginUrls.map((u) => u.hostname),
      ['b.onion'],
    )
    const cleared = rig.sim.calls('plugin.url.clear-urls').at(-1)?.params as
      | { except: unknown }
      | undefined
    assert.deepEqual(cleared?.except, [url('b.onion')])
  } finally {
    await rig.close()
  }
})
