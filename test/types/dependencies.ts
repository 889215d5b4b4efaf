/*
 * Compile-only tests of lib/dependencies: which keys setupDependencies requires and
 * accepts, the range literal check, the checkDependencies id parameter, dependency mount
 * options, and the exported types against the reference's.
 */
import type { T } from 'start-sdk-reference'
import type { CheckDependencies as RefCheckDependencies } from 'start-sdk-reference/node_modules/@start9labs/start-core/dependencies/dependencies'
import type { ValidateVersionRanges as RefValidateVersionRanges } from 'start-sdk-reference/node_modules/@start9labs/start-core/dependencies/setupDependencies'
import {
  checkDependencies,
  mountDependency,
  setupDependencies,
} from '../../lib/dependencies'
import type {
  CheckDependencies,
  CurrentDependenciesResult,
  DependencyManifestLike,
  DependencyOpts,
  DependencyVolumesManifestLike,
  OptionalDependencies,
  RejectUnknownDependencies,
  RequiredDependencies,
  ValidateDependencies,
  ValidateVersionRanges,
} from '../../lib/dependencies'
import type { Effects } from '../../lib/effects'
import type { Equal, Expect } from './helpers'

declare const effects: Effects

type Deps = {
  db: { description: null; optional: false; s9pk: null }
  cache: { description: 'a cache'; optional: true; s9pk: null }
  maybe: { description: null; optional: boolean; s9pk: null }
}
type Manifest = { id: 'hello'; volumes: ['main']; dependencies: Deps }
/** The same dependencies in a full reference manifest. */
type RefManifest = Omit<T.SDKManifest, 'dependencies'> & {
  readonly dependencies: Deps
}

/* ------------------------------------------------------------ the key types */

export type KeyResults = [
  Expect<Equal<RequiredDependencies<Manifest>, 'db'>>,
  Expect<Equal<OptionalDependencies<Manifest>, 'cache' | 'maybe'>>,
  Expect<Equal<RequiredDependencies<RefManifest>, 'db'>>,
  Expect<
    Equal<
      RequiredDependencies<RefManifest>,
      T.RequiredDependencies<RefManifest>
    >
  >,
  Expect<
    Equal<
      OptionalDependencies<RefManifest>,
      T.OptionalDependencies<RefManifest>
    >
  >,
  Expect<
    Equal<
      CurrentDependenciesResult<RefManifest>,
      T.CurrentDependenciesResult<RefManifest>
    >
  >,
  // a real SDKManifest satisfies the local structural manifest types
  Expect<T.SDKManifest extends DependencyManifestLike ? true : false>,
  Expect<T.SDKManifest extends DependencyVolumesManifestLike ? true : false>,
  // a manifest without dependencies requires nothing and accepts nothing
  Expect<
    Equal<
      RequiredDependencies<{ id: 'x'; volumes: []; dependencies: {} }>,
      never
    >
  >,
]

type Ok = {
  db: { kind: 'running'; versionRange: '>=15.0:0'; healthChecks: ['ready'] }
}
type Bad = { db: { kind: 'exists'; versionRange: '^28 || 30.x:0' } }
export type ValidateResults = [
  Expect<Equal<ValidateVersionRanges<Ok>, Ok>>,
  Expect<Equal<ValidateVersionRanges<Ok>, RefValidateVersionRanges<Ok>>>,
  Expect<
    Equal<
      ValidateVersionRanges<Bad>['db']['versionRange'],
      'Malformed versionRange "^28 || 30.x:0" for dependency "db": write an exver range such as ">=1.0.0:0" or "^2.1:0"'
    >
  >,
  // the reference turns the field into never; both reject the literal
  Expect<Equal<RefValidateVersionRanges<Bad>['db']['versionRange'], never>>,
  Expect<
    Equal<
      RejectUnknownDependencies<Manifest, { db: 1; dbb: 2 }>,
      {
        dbb: '"dbb" is not a dependency in the manifest: declare it in manifest.dependencies or remove it'
      }
    >
  >,
]

/* ------------------------------------------------------ setupDependencies */

/** How the sdk binds the manifest (`sdk.setupDependencies`). */
const setup = <const TResult extends CurrentDependenciesResult<Manifest>>(
  fn: (options: {
    effects: Effects
  }) => Promise<TResult & ValidateDependencies<Manifest, TResult>>,
) => setupDependencies<Manifest, TResult>(fn)

const init = setup(async ({ effects }) => {
  const same: Expect<Equal<typeof effects, Effects>> = true
  void same
  return {
    db: { kind: 'running', versionRange: '>=15.0:0', healthChecks: ['ready'] },
  }
})
export type InitResult = Expect<
  Equal<typeof init, (effects: Effects) => Promise<null>>
>
/** Compiles only when called with `true` as its type argument. */
function holds<_ extends true>(): void {}

setup(async () => ({
  db: { kind: 'exists', versionRange: '#knots:28.0:0 || (>=1.0:0 && <2.0:0)' },
  cache: { kind: 'running', versionRange: '*', healthChecks: [] },
  maybe: { kind: 'exists', versionRange: '!=1.0:0' },
}))

declare const fromConfig: string
setup(async () => ({ db: { kind: 'exists', versionRange: fromConfig } }))

// @ts-expect-error the required dependency db is missing
setup(async () => ({ cache: { kind: 'exists', versionRange: '*' } }))

// @ts-expect-error dbb is not a dependency in the manifest
setup(async () => ({
  db: { kind: 'exists', versionRange: '*' },
  dbb: { kind: 'exists', versionRange: '*' },
}))

// @ts-expect-error malformed range literal
setup(async () => ({
  db: { kind: 'exists', versionRange: '^28 || 30.x:0' },
}))

// @ts-expect-error malformed range literal in an optional dependency
setup(async () => ({
  db: { kind: 'exists', versionRange: '>=1.0:0' },
  cache: { kind: 'exists', versionRange: '>=1..0:0' },
}))

// @ts-expect-error a running requirement lists its health checks
setup(async () => ({ db: { kind: 'running', versionRange: '*' } }))

// @ts-expect-error kind is 'running' or 'exists'
setup(async () => ({ db: { kind: 'installed', versionRange: '*' } }))

// the unbound function (no manifest) still checks range literals
setupDependencies(async () => ({
  anything: { kind: 'exists', versionRange: '>=1.0:0' },
}))
// @ts-expect-error malformed range literal
setupDependencies(async () => ({
  anything: { kind: 'exists', versionRange: '1.0.0.' },
}))

/* ------------------------------------------------------ checkDependencies */

type DepId = keyof Manifest['dependencies'] & T.PackageId
export type CheckResults = [
  Expect<Equal<CheckDependencies<'db'>, RefCheckDependencies<'db'>>>,
  Expect<Equal<CheckDependencies, RefCheckDependencies>>,
]

async function checks(): Promise<void> {
  const deps = await checkDependencies<DepId>(effects)
  holds<Equal<typeof deps, CheckDependencies<'db' | 'cache' | 'maybe'>>>()
  deps.throwIfNotSatisfied()
  deps.throwIfNotSatisfied('cache')
  deps.throwIfHealthNotSatisfied('db')
  deps.healthCheckSatisfied('db', 'ready')
  // @ts-expect-error not a dependency id
  deps.infoFor('dbb')
  // @ts-expect-error healthCheckSatisfied names the health check
  deps.healthCheckSatisfied('db')
  const some = await checkDependencies(effects, ['db', 'cache'])
  holds<Equal<typeof some, CheckDependencies<'db' | 'cache'>>>()
  // @ts-expect-error only the ids asked about
  some.runningSatisfied('maybe')
  const any = await checkDependencies(effects)
  holds<Equal<typeof any, CheckDependencies<string>>>()
}
void checks

/* -------------------------------------------------------- mountDependency */

type Bitcoind = { id: 'bitcoind'; volumes: ['main', 'blocks'] }
export const mountOpts: DependencyOpts<Bitcoind> = {
  dependencyId: 'bitcoind',
  volumeId: 'blocks',
  subpath: null,
  mountpoint: '/mnt/blocks',
  readonly: true,
  type: 'directory',
  idmap: [{ fromId: 1000, toId: 0 }],
}
export const badVolume: DependencyOpts<Bitcoind> = {
  dependencyId: 'bitcoind',
  // @ts-expect-error not a volume of the dependency
  volumeId: 'data',
  subpath: null,
  mountpoint: '/mnt/data',
  readonly: true,
}
export const mounted: Promise<string> = mountDependency<Bitcoind>(effects, {
  dependencyId: 'bitcoind',
  volumeId: 'main',
  subpath: 'x',
  readonly: false,
  location: '/rootfs/mnt',
})
mountDependency(effects, {
  dependencyId: 'bitcoind',
  volumeId: 'main',
  subpath: null,
  readonly: true,
  // @ts-expect-error mountDependency takes the host location, not a mountpoint
  mountpoint: '/mnt',
})
