import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import {
  Action,
  Actions,
  clearTask,
  createTask,
  runAction,
} from '../../lib/actions'
import { isSdkError } from '../../lib/errors'
import { InputSpec, Value } from '../../lib/input'
import { simulatedHost, type SimulatedHost } from './helpers'

let host: SimulatedHost
before(async () => {
  host = await simulatedHost()
})
after(() => host.close())

const spec = InputSpec.of({
  name: Value.text({
    name: 'Name',
    default: null,
    required: true,
    minLength: 2,
  }),
  port: Value.number({
    name: 'Port',
    default: 80,
    required: true,
    integer: true,
    min: 1,
  }),
  nested: Value.object(
    { name: 'Nested' },
    InputSpec.of({ flag: Value.toggle({ name: 'Flag', default: false }) }),
  ),
})

let runs = 0
const configure = Action.withInput(
  'configure',
  async () => ({
    name: 'Configure',
    description: 'Sets things',
    warning: null,
    visibility: 'enabled',
    allowedStatuses: 'only-stopped',
    group: null,
  }),
  async ({ prefill }) => spec,
  async ({ prefill }) => ({ name: prefill?.name ?? 'saved', port: 8080 }),
  async ({ input }) => {
    runs++
    return {
      version: '1',
      title: 'Done',
      message: `${input.name}:${input.port}:${input.nested.flag}`,
      result: null,
    }
  },
)
const ping = Action.withoutInput(
  'ping',
  {
    name: 'Ping',
    description: 'Pings',
    warning: 'careful',
    visibility: { disabled: 'not yet' },
    allowedStatuses: 'only-running',
    group: 'Tools',
    access: 'dependent',
  },
  async () => ({ version: '1', title: 'pong', message: null, result: null }),
)

test('init publishes metadata (access defaults to user), clears stale actions', async () => {
  host.sim.state().actions.set('stale', {} as never)
  const actions = Actions.of().addAction(configure).addAction(ping)
  await actions.init(host.effects('evt-init'))
  const published = host.sim.state().actions
  assert.deepEqual([...published.keys()].sort(), ['configure', 'ping'])
  assert.deepEqual(published.get('configure'), {
    name: 'Configure',
    description: 'Sets things',
    warning: null,
    visibility: 'enabled',
    allowedStatuses: 'only-stopped',
    group: null,
    access: 'user',
    hasInput: true,
  })
  assert.equal(published.get('ping')?.access, 'dependent')
  assert.equal(published.get('ping')?.allowedStatuses, 'only-running')
  assert.deepEqual(published.get('ping')?.visibility, { disabled: 'not yet' })
  assert.equal(published.get('ping')?.hasInput, false)
  assert.equal(actions.get('configure'), configure)
})

test('getInput → run by event id: the form built for the event validates the input', async () => {
  const effects = host.effects('evt-1')
  const input = await configure.getInput({ effects, prefill: { name: 'pre' } })
  assert.equal(input.eventId, 'evt-1')
  assert.deepEqual(input.value, { name: 'pre', port: 8080 })
  assert.deepEqual(Object.keys(input.spec), ['name', 'port', 'nested'])
  assert.equal((input.spec['name'] as { type: string }).type, 'text')
  const before = runs
  const result = await configure.run({
    effects,
    input: { name: 'web', port: 443, nested: { flag: true } },
  })
  assert.equal(runs, before + 1)
  assert.deepEqual(result, {
    version: '1',
    title: 'Done',
    message: 'web:443:true',
    result: null,
  })
})

test('invalid input is refused with an error naming each field, and run is not called', async () => {
  const effects = host.effects('evt-2')
  await configure.getInput({ effects, prefill: null })
  const before = runs
  await assert.rejects(
    configure.run({
      effects,
      input: { name: 5, port: 'eighty', nested: { flag: 'yes' } } as never,
    }),
    (e: unknown) => {
      assert.ok(isSdkError(e, 'ACTION_INPUT'), String(e))
      assert.match(e.message, /configure/)
      assert.match(e.message, /name: /)
      assert.match(e.message, /port: /)
      assert.match(e.message, /nested\.flag: /)
      return true
    },
  )
  assert.equal(runs, before)
})

test('run without getInput (another package calling action.run) builds the form itself', async () => {
  const result = await configure.run({
    effects: host.effects('evt-unseen'),
    input: { name: 'direct', port: 1, nested: { flag: false } },
  })
  assert.equal(result?.version === '1' && result.message, 'direct:1:false')
})

test('createTask sends both TaskInput shapes as accept/set, undefined as null, default replayId', async () => {
  const effects = host.effects('evt-task')
  await createTask({
    effects,
    packageId: 'example',
    action: configure,
    severity: 'important',
    options: {
      reason: 'Pick a name',
      when: { once: false, condition: 'input-not-matches' },
      input: {
        kind: 'partial',
        accept: [{ name: 'a' }, { name: 'b' }],
        set: { name: 'a', port: undefined },
      },
    },
  })
  await createTask({
    effects,
    packageId: 'example',
    action: configure,
    severity: 'critical',
    options: {
      replayId: 'legacy',
      input: { kind: 'partial', value: { port: 9 } },
    },
  })
  await createTask({
    effects,
    packageId: 'other',
    action: ping,
    severity: 'optional',
  })
  const tasks = host.sim.state().tasks
  assert.deepEqual(tasks.get('example:configure')?.task.input, {
    kind: 'partial',
    accept: [{ name: 'a' }, { name: 'b' }],
    set: { name: 'a', port: null },
  })
  assert.equal(tasks.get('example:configure')?.task.reason, 'Pick a name')
  assert.deepEqual(tasks.get('legacy')?.task.input, {
    kind: 'partial',
    accept: [{ port: 9 }],
    set: { port: 9 },
  })
  assert.equal(tasks.get('legacy')?.task.severity, 'critical')
  assert.equal(tasks.get('other:ping')?.task.packageId, 'other')
  await clearTask(effects, 'legacy', 'other:ping')
  assert.deepEqual([...tasks.keys()], ['example:configure'])
})

test('metadata that reads reactive state is re-published when it changes, not after leave', async () => {
  let label = 'first'
  let retry: (() => void) | undefined
  const dynamic = Action.withoutInput(
    'dynamic',
    async ({ effects }) => {
      retry = effects.constRetry
      return {
        name: label,
        description: '',
        warning: null,
        visibility: 'enabled',
        allowedStatuses: 'any',
        group: null,
      }
    },
    async () => null,
  )
  await Actions.of().addAction(dynamic).init(host.effects('evt-dyn', 'dyn'))
  assert.equal(host.sim.state().actions.get('dynamic')?.name, 'first')
  label = 'second'
  retry?.()
  await host.sim.waitFor(
    'action.export',
    (c) =>
      (c.params as { metadata: { name: string } }).metadata.name === 'second',
  )
  assert.equal(host.sim.state().actions.get('dynamic')?.name, 'second')
  host.leave('dyn')
  label = 'third'
  retry?.()
  await new Promise((r) => setTimeout(r, 50))
  assert.equal(host.sim.state().actions.get('dynamic')?.name, 'second')
})

test('runAction calls the host; a function input gets the current form first', async () => {
  const effects = host.effects('evt-run')
  host.sim.clearCalls()
  await runAction({ effects, actionId: 'ping' })
  await runAction({
    effects,
    actionId: 'configure',
    input: (prev) => ({
      name: String(prev?.value?.['name'] ?? 'none'),
      port: 1,
    }),
  })
  const methods = host.sim.calls().map((c) => c.method)
  assert.deepEqual(methods, ['action.run', 'action.get-input', 'action.run'])
})
