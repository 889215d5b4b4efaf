import type {
  HealthCheckId,
  PackageId,
  ReplayId,
  Version,
  VolumeId,
} from './ids'
import type { TaskEntry } from './actions'
import type { NamedHealthCheckResult } from './status'

/** One dependency the service declares: either running (with health checks) or merely installed. */
export type DependencyRequirement =
  | {
      kind: 'running'
      id: PackageId
      healthChecks: Array<HealthCheckId>
      versionRange: string
    }
  | {
      kind: 'exists'
      id: PackageId
      versionRange: string
    }

/** The full list of dependency requirements passed to `setDependencies`. */
export type Dependencies = Array<DependencyRequirement>

/** What the host reports about one dependency when `checkDependencies` is called. */
export type CheckDependenciesResult = {
  packageId: PackageId
  title: string | null
  installedVersion: Version | null
  satisfies: Array<Version>
  isRunning: boolean
  tasks: { [key: ReplayId]: TaskEntry }
  healthChecks: { [key: HealthCheckId]: NamedHealthCheckResult }
}

/** A uid/gid range mapping applied to a mount. */
export type IdMap = {
  fromId: number
  toId: number
  range: number
}

/** The dependency volume (or part of it) that `mount` attaches. */
export type MountTarget = {
  packageId: PackageId
  volumeId: VolumeId
  subpath: string | null
  readonly: boolean
  idmap: Array<IdMap>
}

/** Params of `mount`: where to attach which dependency volume. */
export type MountParams = {
  location: string
  target: MountTarget
}
