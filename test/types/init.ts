/*
 * Compile-only tests of lib/init: which steps setupInit/setupUninit accept, the exported
 * types, and our types against the reference's.
 */
import type { T as RefT } from 'start-sdk-reference'
import type { InitScript as RefInitScript } from 'start-sdk-reference/node_modules/@start9labs/start-core/inits'
import {
  setupInit as refSetupInit,
  setupOnInit as refSetupOnInit,
} from 'start-sdk-reference/node_modules/@start9labs/start-core/inits'
import { Actions } from '../../lib/actions'
import { setupDependencies } from '../../lib/dependencies'
import type { Effects, ExpectedExports } from '../../lib/effects'
import { setupServiceInterfaces } from '../../lib/host'
import {
  setupInit,
  setupOnInit,
  setupOnUninit,
  setupUninit,
} from '../../lib/init'
import type {
  InitFn,
  InitKind,
  InitScript,
  InitScriptOrFn,
  UninitFn,
  UninitScript,
  UninitScriptOrFn,
} from '../../lib/init'
import type { FullProgressTracker } from '../../lib/progress'
import { VersionGraph, VersionInfo } from '../../lib/version'
import type { Equal, Expect } from './helpers'

const v1 = VersionInfo.of({
  version: '1.0:0',
  releaseNotes: '',
  migrations: {},
})
const versions = VersionGraph.of({ current: v1, other: [] })
declare const restoreInit: InitScript<'restore'>

// The SDK's own init steps fit, in the usual order.
export const init = setupInit(
  restoreInit,
  versions,
  setupServiceInterfaces(async () => []),
  setupDependencies(async () => ({})),
  Actions.of(),
  async (effects, kind, progress) => {
    type _ = [
      Expect<Equal<typeof effects, Effects>>,
      Expect<Equal<typeof kind, InitKind>>,
      Expect<Equal<typeof progress, FullProgressTracker>>,
    ]
  },
  setupOnInit(async () => null),
)
export const uninit = setupUninit(
  versions,
  async (_effects, target) => {
    type _ = Expect<Equal<typeof target, Parameters<UninitFn>[1]>>
  },
  setupOnUninit({ uninit: async () => {} }),
)

// @ts-expect-error a number is not an init step
setupInit(1)
// @ts-expect-error an init function receives the kind, not a number
setupInit(async (_effects: Effects, kind: number) => {})
// @ts-expect-error an init function returns a promise
setupInit((_effects: Effects) => 1)
// @ts-expect-error an uninit step needs `uninit`, not `init`
setupUninit(Actions.of())

type _types = [
  Expect<Equal<typeof init, ExpectedExports.init>>,
  Expect<Equal<typeof uninit, ExpectedExports.uninit>>,
  Expect<Equal<InitKind, 'install' | 'update' | 'restore' | null>>,
  Expect<Equal<InitScriptOrFn, InitScript | InitFn>>,
  Expect<Equal<UninitScriptOrFn, UninitScript | UninitFn>>,
  Expect<
    Equal<
      InitFn<'install'>,
      (
        effects: Effects,
        kind: 'install',
        progress: FullProgressTracker,
      ) => Promise<void | null | undefined>
    >
  >,
  Expect<Equal<ReturnType<typeof setupOnInit>, InitScript>>,
  Expect<Equal<ReturnType<typeof setupOnUninit>, UninitScript>>,
]

// The reference's init scripts fit ours, and ours (a VersionGraph included) fit the
// reference's. Bare functions typed against the reference's classes do not cross over:
// they take its FullProgressTracker and exver classes, which have private members.
declare const refScript: RefInitScript
setupInit(refScript, refSetupOnInit(refScript))
declare const ourScript: InitScript
refSetupInit(ourScript, versions)
// Our exports are what the reference runtime's ABI expects.
export const refInit: RefT.ExpectedExports.init = init
