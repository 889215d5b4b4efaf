import type {
  ActionId,
  ActionInput,
  ActionMetadata,
  ActionResult,
  BindOptions,
  DependencyRequirement,
  DesiredStatus,
  Manifest,
  MountParams,
  NamedHealthCheckResult,
  NetInfo,
  PluginHostnameInfo,
  Progress,
  RangeServiceInterface,
  ServiceInterface,
  TaskEntry,
} from '../types'

/** Answers `action.get-input` / `action.run` for a simulated package (a driver, a stub…). */
export interface SimActionHandler {
  /** Returns the action's input form, or `null`. */
  getInput(
    actionId: ActionId,
    prefill: Record<string, unknown> | null,
  ): Promise<ActionInput | null>
  /** Runs the action and returns its result, or `null`. */
  run(actionId: ActionId, input: unknown): Promise<ActionResult | null>
}

/** One single-port binding as the simulator stores it. */
export interface SimBinding {
  enabled: boolean
  options: BindOptions
  net: NetInfo
}

/** One port-range binding as the simulator stores it. */
export interface SimRange {
  enabled: boolean
  externalStartPort: number
  numberOfPorts: number
  iface: RangeServiceInterface | null
}

/** A host (network identity) of a package: its bindings by internal port. */
export interface SimHost {
  bindings: Map<number, SimBinding>
  ranges: Map<number, SimRange>
}

/** A notification a package created. */
export interface SimNotification {
  level: string
  title: string
  message: string
  data: string | null
  at: number
}

/** Everything the simulator knows about one package; tests may read it. */
export interface SimPackage {
  id: string
  manifest: Manifest
  health: Record<string, NamedHealthCheckResult>
  started: string | null
  desired: DesiredStatus
  dataVersion: string | null
  hosts: Map<string, SimHost>
  interfaces: Map<string, ServiceInterface>
  actions: Map<ActionId, ActionMetadata>
  tasks: Map<string, TaskEntry>
  dependencies: DependencyRequirement[]
  notifications: SimNotification[]
  initProgress: Progress[]
  backupProgress: Progress[]
  mounts: MountParams[]
  pluginTableAction: ActionId | null
  pluginUrls: PluginHostnameInfo[]
  subcontainers: Map<string, string>
  actionHandler: SimActionHandler | null
}

/** A complete manifest for `id`, with `overrides` applied on top. */
export function simManifest(
  id: string,
  overrides: Partial<Manifest> = {},
): Manifest {
  return {
    id,
    version: '0.1.0:0',
    canMigrateTo: '!',
    canMigrateFrom: '!',
    images: {},
    volumes: ['main'],
    dependencies: {},
    hardwareRequirements: { device: [], ram: null, arch: null },
    title: id,
    description: { short: id, long: id },
    releaseNotes: '',
    gitHash: null,
    license: 'MIT',
    packageRepo: '',
    upstreamRepo: '',
    marketingUrl: '',
    donationUrl: null,
    osVersion: '0.4.0',
    sdkVersion: null,
    hardwareAcceleration: false,
    userspaceFilesystems: false,
    virtualNetworking: false,
    plugins: [],
    satisfies: [],
    ...overrides,
  }
}

/** A fresh package record, stopped unless `running`. */
export function newPackage(
  manifest: Manifest,
  running: boolean,
  actionHandler: SimActionHandler | null = null,
): SimPackage {
  const pkg: SimPackage = {
    id: manifest.id,
    manifest,
    health: {},
    started: null,
    desired: { main: 'stopped' },
    dataVersion: null,
    hosts: new Map(),
    interfaces: new Map(),
    actions: new Map(),
    tasks: new Map(),
    dependencies: [],
    notifications: [],
    initProgress: [],
    backupProgress: [],
    mounts: [],
    pluginTableAction: null,
    pluginUrls: [],
    subcontainers: new Map(),
    actionHandler,
  }
  if (running) markStarted(pkg)
  return pkg
}

/** Records that the service started; a pending restart becomes `running`. */
export function markStarted(pkg: SimPackage): void {
  pkg.started = new Date().toISOString()
  pkg.desired = { main: 'running' }
}

/** Records that the service stopped: no start time, no health; a restart stays pending. */
export function markStopped(pkg: SimPackage): void {
  pkg.started = null
  pkg.health = {}
  if (pkg.desired.main === 'running') pkg.desired = { main: 'stopped' }
}
