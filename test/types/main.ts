import type {
  Daemons as RefDaemons,
  Ready as RefReady,
  ExecCommandOptions as RefExecCommandOptions,
} from 'start-sdk-reference/lib/mainFn/Daemons'
import type { Effects } from '../../lib/effects'
import type { HealthCheckResult } from '../../lib/health'
import { CommandController, Daemon, Daemons, setupMain } from '../../lib/main'
import type {
  DaemonCommandType,
  ErrorDuplicateId,
  ExecCommandOptions,
  Ready,
} from '../../lib/main'
import type { SubContainer } from '../../lib/subcontainer'
import type { ExpectedExports } from '../../lib/effects'
import type { SDKManifest } from '../../lib/types'
import type { Equal, Expect } from './helpers'

type M = SDKManifest & { images: { main: SDKManifest['images'][string] } }
declare const effects: Effects
declare const sub: SubContainer<M>
const ready: Ready = {
  display: 'Web',
  fn: (): HealthCheckResult => ({ result: 'success', message: null }),
}

const chain = Daemons.of<M>({ effects })
  .addDaemon('db', {
    subcontainer: sub,
    exec: { command: 'db' },
    ready,
    requires: [],
  })
  .addOneshot('migrate', {
    subcontainer: sub,
    exec: { command: ['m'] },
    requires: ['db'],
  })
  .addHealthCheck('check', { ready, requires: ['db', 'migrate'] })
type _ids = Expect<Equal<typeof chain, Daemons<M, 'db' | 'migrate' | 'check'>>>

// @ts-expect-error the id 'db' is already used
chain.addDaemon('db', {
  subcontainer: sub,
  exec: { command: 'x' },
  ready,
  requires: [],
})
// @ts-expect-error an empty id is refused
chain.addHealthCheck('', { ready, requires: [] })
// @ts-expect-error requires may only name earlier ids
Daemons.of<M>({ effects }).addHealthCheck('a', { ready, requires: ['later'] })
// @ts-expect-error an entry cannot require itself
Daemons.of<M>({ effects }).addHealthCheck('a', { ready, requires: ['a'] })
type _dup = Expect<Equal<ErrorDuplicateId<'db'>, "The id 'db' is already used">>

const later = Daemons.of<M>({ effects }).addDaemon('x', async () => ({
  subcontainer: sub,
  exec: { command: 'x' },
  ready,
  requires: [],
}))
type _async = Expect<Equal<typeof later, Promise<Daemons<M, 'x'>>>>
const maybe = Daemons.of<M>({ effects }).addHealthCheck('y', () => null)
type _sync = Expect<Equal<typeof maybe, Daemons<M, 'y'>>>

// A JavaScript daemon has no subcontainer and cannot use a command.
Daemon.of<M>()(effects, null, { fn: async () => null })
// @ts-expect-error a command needs a subcontainer
Daemon.of<M>()(effects, null, { command: 'x' })
type _cmd = Expect<
  Equal<
    DaemonCommandType<M, null>,
    { fn: (s: null, a: AbortSignal) => Promise<null>; sigtermTimeout?: number }
  >
>

const main = setupMain(async ({ effects }) => Daemons.of<M>({ effects }))
type _main = Expect<Equal<typeof main, ExpectedExports.main>>
const controller = CommandController.of<M, typeof sub>()(effects, sub, {
  command: 'x',
})
type _cc = Expect<
  Equal<typeof controller, Promise<CommandController<M, SubContainer<M>>>>
>

// Our option types are the reference's (plus the optional failuresBeforePause).
type _ready = Expect<Equal<Omit<Ready, 'failuresBeforePause'>, RefReady>>
type _exec = Expect<Equal<ExecCommandOptions, RefExecCommandOptions>>
type _refIds = Expect<Equal<RefDaemons<M, 'a'>['ids'], Daemons<M, 'a'>['ids']>>
