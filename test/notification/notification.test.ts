import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { isSdkError } from '../../lib/errors'
import { createNotification } from '../../lib/notification'
import { simulatedHost, type SimulatedHost } from '../actions/helpers'

let host: SimulatedHost
before(async () => {
  host = await simulatedHost()
})
after(() => host.close())

test('createNotification sends the notification to the host', async () => {
  const effects = host.effects('evt-n')
  await createNotification(effects, {
    level: 'warning',
    title: 'Disk almost full',
    message: 'Free some space',
    data: '## Details\n90% used',
  })
  const sent = host.sim.state().notifications.at(-1) as unknown as Record<
    string,
    unknown
  >
  assert.equal(sent['level'], 'warning')
  assert.equal(sent['title'], 'Disk almost full')
  assert.equal(sent['data'], '## Details\n90% used')
})

test('bad options are refused before anything is sent, naming the field', async () => {
  const effects = host.effects('evt-bad')
  host.sim.clearCalls()
  const cases: [Record<string, unknown>, string][] = [
    [{ level: 'fatal', title: 't', message: 'm' }, 'level'],
    [{ level: 'info', title: '  ', message: 'm' }, 'title'],
    [{ level: 'info', title: 't', message: 5 }, 'message'],
    [{ level: 'info', title: 't', message: 'm', data: { md: 1 } }, 'data'],
  ]
  for (const [options, field] of cases)
    await assert.rejects(
      createNotification(effects, options as never),
      (e: unknown) => {
        assert.ok(isSdkError(e, 'NOTIFICATION_INVALID'))
        assert.match(e.message, new RegExp(`\`${field}\``))
        return true
      },
    )
  assert.equal(host.sim.calls('notification.create').length, 0)
})
