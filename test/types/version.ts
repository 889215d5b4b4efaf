/*
 * Compile-only tests of lib/version: the version and range-key literal checks, unique
 * versions in VersionGraph.of, the inferred types, and our types against the reference's.
 */
import type { T as RefT } from 'start-sdk-reference'
import {
  IMPOSSIBLE as RefIMPOSSIBLE,
  VersionGraph as RefVersionGraph,
  VersionInfo as RefVersionInfo,
} from 'start-sdk-reference'
import type {
  EnsureUniqueId as RefEnsureUniqueId,
  MigrationOpts as RefMigrationOpts,
} from 'start-sdk-reference'
import type { InitScript as RefInitScript } from 'start-sdk-reference/node_modules/@start9labs/start-core/inits'
import type { Effects } from '../../lib/effects'
import type { ExtendedVersion, VersionRange } from '../../lib/exver'
import type { InitScript, UninitScript } from '../../lib/init'
import { buildManifest } from '../../lib/manifest'
import type { FullProgressTracker } from '../../lib/progress'
import {
  IMPOSSIBLE,
  VersionGraph,
  VersionInfo,
  getDataVersion,
  overlaps,
  setDataVersion,
} from '../../lib/version'
import type {
  EnsureUniqueId,
  MigrationOpts,
  MigrationStep,
  VersionOptions,
} from '../../lib/version'
import type { Equal, Expect } from './helpers'

declare const effects: Effects

const v1 = VersionInfo.of({
  version: '1.0:0',
  releaseNotes: 'one',
  migrations: {},
})
const v2 = VersionInfo.of({
  version: '2.0:0',
  releaseNotes: { en_US: 'two' },
  migrations: {
    up: async ({ effects, progress }) => {
      type _ = [
        Expect<Equal<typeof effects, Effects>>,
        Expect<Equal<typeof progress, FullProgressTracker>>,
      ]
    },
    down: IMPOSSIBLE,
    other: {
      '<1.0:0': { up: async () => {} },
      '#knots': { down: async () => {} },
      '>=1.0:0 <2.0:0 || =#knots:29.0:1': {},
    },
  },
})
const v3 = VersionInfo.of({
  version: '#knots:3.0.1-beta.2:4',
  releaseNotes: 'three',
  migrations: {},
}).satisfies('#knots:3.0.1:0')

VersionInfo.of({
  // @ts-expect-error a version needs its downstream part (`1.0:0`)
  version: '1.0',
  releaseNotes: '',
  migrations: {},
})
VersionInfo.of({
  // @ts-expect-error `1..0` is not a version
  version: '1..0:0',
  releaseNotes: '',
  migrations: {},
})
VersionInfo.of({
  version: '1.0:0',
  releaseNotes: '',
  migrations: {
    other: {
      // @ts-expect-error `30.x` is not a version in a range key
      '^28 || 30.x:0': { up: async () => {} },
    },
  },
})
VersionInfo.of({
  version: '1.0:0',
  releaseNotes: '',
  // @ts-expect-error IMPOSSIBLE is for `up`/`down`, not a migration function of `other`
  migrations: { other: { '<1.0:0': { up: IMPOSSIBLE } } },
})
// @ts-expect-error `satisfies` takes an extended version
v1.satisfies('1.0')

const graph = VersionGraph.of({ current: v2, other: [v1, v3] })
VersionGraph.of({ current: v2, other: [] })
// @ts-expect-error 2.0:0 is declared twice
VersionGraph.of({ current: v2, other: [v1, v2] })
// @ts-expect-error 1.0:0 is declared twice
VersionGraph.of({ current: v2, other: [v1, v3, v1] })

type _types = [
  Expect<Equal<typeof v1, VersionInfo<'1.0:0'>>>,
  Expect<Equal<typeof v3, VersionInfo<'#knots:3.0.1-beta.2:4'>>>,
  Expect<Equal<typeof graph, VersionGraph<'2.0:0'>>>,
  Expect<Equal<typeof IMPOSSIBLE, typeof IMPOSSIBLE>>,
  Expect<Equal<ReturnType<typeof graph.currentVersion>, ExtendedVersion>>,
  Expect<Equal<ReturnType<typeof graph.canMigrateFrom>, VersionRange>>,
  Expect<Equal<ReturnType<typeof graph.plan>, MigrationStep[]>>,
  Expect<
    Equal<
      ReturnType<typeof graph.migrate>,
      Promise<ExtendedVersion | VersionRange>
    >
  >,
  Expect<
    Equal<MigrationOpts, { effects: Effects; progress: FullProgressTracker }>
  >,
  Expect<Equal<VersionOptions<'1.0:0'>['version'], '1.0:0'>>,
  Expect<
    Equal<
      EnsureUniqueId<[VersionInfo<'1.0:0'>, VersionInfo<'1.0:0'>]>,
      'One or more versions are not unique'[]
    >
  >,
  Expect<Equal<EnsureUniqueId<[VersionInfo<'1.0:0'>]>, [VersionInfo<'1.0:0'>]>>,
  Expect<
    Equal<
      EnsureUniqueId<[1]>,
      'There exists a migration that is not a Migration'[]
    >
  >,
  Expect<
    Equal<
      RefEnsureUniqueId<[RefVersionInfo<'1.0:0'>, RefVersionInfo<'1.0:0'>]>,
      EnsureUniqueId<[VersionInfo<'1.0:0'>, VersionInfo<'1.0:0'>]>
    >
  >,
  Expect<
    Equal<
      Awaited<ReturnType<typeof getDataVersion>>,
      ExtendedVersion | VersionRange | null
    >
  >,
  Expect<Equal<Awaited<ReturnType<typeof setDataVersion>>, null>>,
  Expect<Equal<ReturnType<typeof overlaps>, boolean>>,
]

// A real graph is a manifest version source.
buildManifest(graph, {} as Parameters<typeof buildManifest>[1])

// Our graph is the reference's init script, and the reference's graph is ours. (UninitScript
// is not checked across SDKs: its `target` holds exver classes, and lib/exver's
// ExtendedVersion has a private member, so the two exver copies are not interchangeable.)
const asRefInit: RefInitScript = graph
const refV1 = RefVersionInfo.of({
  version: '1.0:0',
  releaseNotes: '',
  migrations: {},
})
const refV2 = RefVersionInfo.of({
  version: '2.0:0',
  releaseNotes: '',
  migrations: { down: RefIMPOSSIBLE },
})
const refGraph = RefVersionGraph.of({ current: refV2, other: [refV1] })
const asInit: InitScript = refGraph
// The reference's migration options fit ours.
const refOpts = {} as RefMigrationOpts
const ourOpts: MigrationOpts = refOpts
declare const refEffects: RefT.Effects
void graph.init(refEffects, 'install')

const asUninit: UninitScript = graph

export { asRefInit, asInit, asUninit, ourOpts, effects }
